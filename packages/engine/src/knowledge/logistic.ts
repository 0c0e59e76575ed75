import { minimizeLbfgs } from "./lbfgs.ts";
import type { SparseRows } from "./sparse-rows.ts";

/** log(1 + eˣ) without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** The logistic function 1 / (1 + e⁻ᶻ). */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The log-odds of p (p clipped away from 0 and 1). */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}

/**
 * L2-regularized logistic loss and its gradient (e.g. Hastie, Tibshirani & Friedman 2009, eq. 4.20 plus a ridge term):
 *   f(w) = Σᵣ [log(1 + e^{zᵣ}) − yᵣ zᵣ] + ½ Σⱼ λⱼ wⱼ²,   zᵣ = xᵣ·w
 *   ∇f(w) = Xᵀ(σ(z) − y) + λ ⊙ w
 * Writes the gradient into `gradient` and returns f(w).
 */
export function logisticLoss(
  w: Float64Array,
  X: SparseRows,
  y: Uint8Array,
  l2: Float64Array,
  gradient: Float64Array,
): number {
  const { rowStart, column, value } = X;
  let loss = 0;
  gradient.fill(0);
  for (let r = 0; r < X.rows; r++) {
    const a = rowStart[r] as number;
    const b = rowStart[r + 1] as number;
    let z = 0;
    for (let k = a; k < b; k++) z += (w[column[k] as number] as number) * (value[k] as number);
    const label = y[r] as number;
    // One exponential serves both log(1 + e^z) and σ(z).
    const e = Math.exp(-Math.abs(z));
    loss += (z > 0 ? z : 0) + Math.log1p(e) - label * z;
    const residual = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - label;
    for (let k = a; k < b; k++) {
      const j = column[k] as number;
      gradient[j] = (gradient[j] as number) + residual * (value[k] as number);
    }
  }
  for (let j = 0; j < w.length; j++) {
    const l = l2[j] as number;
    if (l !== 0) {
      const wj = w[j] as number;
      loss += 0.5 * l * wj * wj;
      gradient[j] = (gradient[j] as number) + l * wj;
    }
  }
  return loss;
}

/** Options of {@link fitLogistic}. */
export interface LogisticFitOptions {
  /** Ridge penalty per column (0 for the intercept). */
  readonly l2: Float64Array;
  /** Per-column lower bounds (−∞ for free weights). */
  readonly lower?: Float64Array;
  readonly maxIterations?: number;
  /** Stop when the largest (scaled) gradient component is below this (default 1e-3). */
  readonly gradientTolerance?: number;
  /** Stop when an iteration lowers the loss by less than this fraction (default 1e-7: 0.01 nats on 10⁵ rows). */
  readonly functionTolerance?: number;
  /** Starting weights (default 0), e.g. a fit on more rows when refitting on a fold. */
  readonly initial?: ArrayLike<number>;
}

/**
 * Fits regularized logistic regression on sparse rows with L-BFGS; returns the weights.
 *
 * Why the rescaling: one-hot item columns seen a dozen times sit next to an intercept seen 10⁵ times, so the
 * Hessian's diagonal spans four orders of magnitude and plain L-BFGS crawls. We optimize u = √d ⊙ w with d the
 * Hessian diagonal at w = 0 (¼ Σᵣ xᵣⱼ² + λⱼ), a Jacobi preconditioner (Nocedal & Wright 2006, §5.1 "Preconditioning");
 * positive scaling keeps the bounds w ≥ 0 ⇔ u ≥ 0.
 */
export function fitLogistic(X: SparseRows, y: Uint8Array, options: LogisticFitOptions): Float64Array {
  if (y.length !== X.rows) throw new Error(`fitLogistic: ${X.rows} rows but ${y.length} labels`);
  const n = X.columns;
  const scale = new Float64Array(n);
  for (let k = 0; k < X.value.length; k++) {
    const j = X.column[k] as number;
    const v = X.value[k] as number;
    scale[j] = (scale[j] as number) + 0.25 * v * v;
  }
  for (let j = 0; j < n; j++) scale[j] = Math.sqrt((scale[j] as number) + (options.l2[j] as number) || 1);
  const w = new Float64Array(n);
  const result = minimizeLbfgs(
    (u, gu) => {
      for (let j = 0; j < n; j++) w[j] = (u[j] as number) / (scale[j] as number);
      const f = logisticLoss(w, X, y, options.l2, gu);
      for (let j = 0; j < n; j++) gu[j] = (gu[j] as number) / (scale[j] as number);
      return f;
    },
    Float64Array.from({ length: n }, (_, j) => (options.initial === undefined ? 0 : (options.initial[j] as number) * (scale[j] as number))),
    {
      maxIterations: options.maxIterations ?? 300,
      gradientTolerance: options.gradientTolerance ?? 1e-3,
      functionTolerance: options.functionTolerance ?? 1e-7,
      ...(options.lower === undefined ? {} : { lower: options.lower }),
    },
  );
  const weights = new Float64Array(n);
  for (let j = 0; j < n; j++) weights[j] = (result.x[j] as number) / (scale[j] as number);
  return weights;
}
