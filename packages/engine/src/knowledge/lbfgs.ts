/** Options of {@link minimizeLbfgs}. */
export interface LbfgsOptions {
  /** Iterations at most (default 500). */
  readonly maxIterations?: number;
  /** Correction pairs kept (default 10). */
  readonly memory?: number;
  /** Stop when the largest projected-gradient component is below this (default 1e-5). */
  readonly gradientTolerance?: number;
  /** Stop when an iteration lowers f by less than this fraction of |f| (default 1e-9). */
  readonly functionTolerance?: number;
  /** Per-coordinate lower bounds (−∞ where absent); used to keep interpretable weights non-negative. */
  readonly lower?: Float64Array;
}

/** Result of a minimization. */
export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

/** f(x), writing ∇f(x) into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/**
 * Limited-memory BFGS (Nocedal 1980, "Updating quasi-Newton matrices with limited storage"; two-loop recursion as in
 * Nocedal & Wright 2006, Algorithm 7.4) with a backtracking Armijo line search. Lower bounds are handled by
 * projection: coordinates held at their bound by the gradient are frozen for the search direction, and trial points
 * are projected back onto the box (a simplified projected L-BFGS in the spirit of L-BFGS-B, Byrd et al. 1995).
 * Deterministic: no randomness, fixed arithmetic order.
 */
export function minimizeLbfgs(objective: Objective, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const m = options.memory ?? 10;
  const gtol = options.gradientTolerance ?? 1e-5;
  const ftol = options.functionTolerance ?? 1e-9;
  const lower = options.lower;
  const project = (x: Float64Array): void => {
    if (lower === undefined) return;
    for (let i = 0; i < n; i++) if ((x[i] as number) < (lower[i] as number)) x[i] = lower[i] as number;
  };
  let x = Float64Array.from(x0);
  project(x);
  let g = new Float64Array(n);
  let f = objective(x, g);
  let evaluations = 1;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const pg = new Float64Array(n);
  const d = new Float64Array(n);
  const alphas = new Float64Array(m);
  let xn = new Float64Array(n);
  let gn = new Float64Array(n);
  let converged = false;
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    // Projected gradient: zero where the bound is active and the gradient pushes outward.
    let pgMax = 0;
    for (let i = 0; i < n; i++) {
      const free = lower === undefined || (x[i] as number) > (lower[i] as number) || (g[i] as number) < 0;
      pg[i] = free ? (g[i] as number) : 0;
      pgMax = Math.max(pgMax, Math.abs(pg[i] as number));
    }
    if (pgMax < gtol) {
      converged = true;
      break;
    }
    // Two-loop recursion: d = −H·pg.
    d.set(pg);
    for (let k = S.length - 1; k >= 0; k--) {
      const a = (rho[k] as number) * dot(S[k] as Float64Array, d);
      alphas[k] = a;
      const y = Y[k] as Float64Array;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) - a * (y[i] as number);
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const y = Y[last] as Float64Array;
      const gamma = dot(S[last] as Float64Array, y) / dot(y, y);
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) * gamma;
    }
    for (let k = 0; k < S.length; k++) {
      const b = (rho[k] as number) * dot(Y[k] as Float64Array, d);
      const s = S[k] as Float64Array;
      const a = alphas[k] as number;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) + (a - b) * (s[i] as number);
    }
    for (let i = 0; i < n; i++) d[i] = pg[i] === 0 && g[i] !== 0 ? 0 : -(d[i] as number);
    let slope = dot(pg, d);
    if (!(slope < 0)) {
      // Not a descent direction (stale curvature near a bound): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -(pg[i] as number);
      slope = dot(pg, d);
    }
    // The first step has no curvature information: keep it short so it cannot overshoot wildly.
    let step = S.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let fn = Infinity;
    let accepted = false;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xn[i] = (x[i] as number) + step * (d[i] as number);
      project(xn);
      fn = objective(xn, gn);
      evaluations++;
      let decrease = 0;
      for (let i = 0; i < n; i++) decrease += (g[i] as number) * ((xn[i] as number) - (x[i] as number));
      if (Number.isFinite(fn) && fn <= f + 1e-4 * decrease) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (xn[i] as number) - (x[i] as number);
      y[i] = (gn[i] as number) - (g[i] as number);
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * dot(y, y)) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    const previous = f;
    [x, xn] = [xn, x];
    [g, gn] = [gn, g];
    f = fn;
    if (previous - f <= ftol * Math.max(1, Math.abs(f))) {
      converged = true;
      iteration++;
      break;
    }
  }
  return { x, value: f, iterations: iteration, evaluations, converged };
}
