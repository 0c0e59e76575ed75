/** One array of weights under Adam (Kingma & Ba 2015): the weights, their summed gradient, and both moments. */
export interface AdamArray {
  readonly weights: Float64Array;
  readonly gradient: Float64Array;
  readonly m1: Float64Array;
  readonly m2: Float64Array;
}

/** An {@link AdamArray} with zero gradient and moments for `weights`. */
export function adamArray(weights: Float64Array): AdamArray {
  const n = weights.length;
  return { weights, gradient: new Float64Array(n), m1: new Float64Array(n), m2: new Float64Array(n) };
}

/** Adam's step size at step `t` (1-based), with the bias corrections of both moments folded in (β₁ 0.9, β₂ 0.999). */
export function adamStepSize(learningRate: number, t: number): number {
  return (learningRate * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
}

/**
 * Moves weights [from, to) of `a` by one Adam step of size `step` (see {@link adamStepSize}) on the mean gradient
 * (the summed gradient × `scale`), and clears their gradient. With `skipIdle`, a weight whose gradient and first
 * moment are both 0 is left as it is, second moment included (rows no attempt of the batch touched).
 */
export function adamUpdate(a: AdamArray, from: number, to: number, step: number, scale: number, skipIdle = false): void {
  const { weights, gradient, m1, m2 } = a;
  for (let k = from; k < to; k++) {
    const gk = (gradient[k] as number) * scale;
    if (skipIdle && gk === 0 && m1[k] === 0) continue;
    m1[k] = 0.9 * (m1[k] as number) + 0.1 * gk;
    m2[k] = 0.999 * (m2[k] as number) + 0.001 * gk * gk;
    weights[k] = (weights[k] as number) - (step * (m1[k] as number)) / (Math.sqrt(m2[k] as number) + 1e-8);
    gradient[k] = 0;
  }
}
