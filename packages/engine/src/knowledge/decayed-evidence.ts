/**
 * Right and wrong answers discounted by how many attempts ago they were given: an answer k attempts back weighs
 * 2^(−k/h) for a half-life of h attempts (the exponential forgetting curve of Ebbinghaus, on the learner's own
 * attempt clock since these logs carry no time). Stored as the sums just after the last answer they count, so a
 * state update touches one entry and a prediction rescales it by the attempts since.
 *
 * Layout of a sums array for half-lives h₁ … h_H: [right h₁, wrong h₁, right h₂, wrong h₂, …].
 */
export interface DecayedSums {
  readonly sums: readonly number[];
  /** Attempt index (over all the learner's attempts) of the last answer counted. */
  readonly lastIndex: number;
}

/** Per-attempt factors 2^(−1/h) of the half-lives h (in attempts). */
export function decayFactors(halfLives: readonly number[]): number[] {
  return halfLives.map((h) => 2 ** (-1 / h));
}

/** The sums after one more answer given at attempt index `index` (previous sums decayed to that attempt first). */
export function addDecayed(previous: DecayedSums | undefined, factors: readonly number[], index: number, correct: boolean): DecayedSums {
  const sums = new Array<number>(2 * factors.length);
  for (let k = 0; k < factors.length; k++) {
    const d = previous === undefined ? 0 : (factors[k] as number) ** (index - previous.lastIndex);
    sums[2 * k] = (previous === undefined ? 0 : d * (previous.sums[2 * k] as number)) + (correct ? 1 : 0);
    sums[2 * k + 1] = (previous === undefined ? 0 : d * (previous.sums[2 * k + 1] as number)) + (correct ? 0 : 1);
  }
  return { sums, lastIndex: index };
}

/**
 * The decayed sums as seen before attempt index `index` (the next attempt), each written as log(1 + sum) to
 * `push(k, value)`, k = 2·(half-life) + (0 right, 1 wrong). An answer given just before counts 2^(−1/h).
 */
export function encodeDecayed(
  decayed: DecayedSums | undefined,
  factors: readonly number[],
  index: number,
  push: (k: number, value: number) => void,
): void {
  if (decayed === undefined) return;
  for (let k = 0; k < factors.length; k++) {
    const d = (factors[k] as number) ** (index - decayed.lastIndex);
    push(2 * k, Math.log1p(d * (decayed.sums[2 * k] as number)));
    push(2 * k + 1, Math.log1p(d * (decayed.sums[2 * k + 1] as number)));
  }
}
