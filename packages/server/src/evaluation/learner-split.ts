import type { LearnerHistory, Rng } from "@attune/engine";

/**
 * Splits learners (not attempts) into train and test, so no test learner's attempt is seen when fitting.
 * Learners are shuffled with the seeded `rng` (Fisher–Yates) in their order of first appearance, and the first
 * round(fraction · n) go to train.
 */
export function splitByLearner(
  histories: readonly LearnerHistory[],
  trainFraction: number,
  rng: Rng,
): { train: LearnerHistory[]; test: LearnerHistory[] } {
  if (!(trainFraction > 0 && trainFraction < 1)) throw new Error(`train fraction must be in (0, 1), got ${trainFraction}`);
  const order = histories.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  const cut = Math.round(trainFraction * histories.length);
  const pick = (indices: number[]): LearnerHistory[] => indices.map((i) => histories[i] as LearnerHistory);
  return { train: pick(order.slice(0, cut)), test: pick(order.slice(cut)) };
}
