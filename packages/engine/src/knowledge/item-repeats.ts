import { logit } from "./logistic.ts";
import type { LearnerHistory } from "./tracer.ts";

/**
 * How the training learners fared on an item the second time round: per item, right answers and attempts on first
 * attempts and on repeats. An item learned from one exposure (a vocabulary word) is much easier on a repeat; one
 * that stays hard until a skill is understood gains less. The gain is the shrunk difference of the two log-odds
 * (see {@link repeatGainLookups}); a per-item slope fitted by the regression would overfit rarely repeated items.
 */
export interface ItemRepeats {
  readonly itemIds: readonly string[];
  /** Per item (parallel to `itemIds`): [right first answers, first attempts, right repeats, repeats]. */
  readonly counts: readonly (readonly number[])[];
  /** Pseudo-attempts m shrinking each log-odds toward the overall rate (first attempts or repeats). */
  readonly smoothing: number;
}

/** One learner's counts per item, in the layout of {@link ItemRepeats}`.counts`. */
export function ownRepeatCounts(history: LearnerHistory): Map<string, number[]> {
  const own = new Map<string, number[]>();
  for (const o of history.observations) {
    let c = own.get(o.itemId);
    const repeat = c !== undefined;
    if (c === undefined) {
      c = [0, 0, 0, 0];
      own.set(o.itemId, c);
    }
    const at = repeat ? 2 : 0;
    c[at] = (c[at] as number) + (o.correct ? 1 : 0);
    c[at + 1] = (c[at + 1] as number) + 1;
  }
  return own;
}

/** Counts every item's first attempts and repeats over the histories. Ids sorted: deterministic. */
export function countItemRepeats(histories: readonly LearnerHistory[], smoothing: number): ItemRepeats {
  const all = new Map<string, number[]>();
  for (const history of histories) {
    for (const [itemId, c] of ownRepeatCounts(history)) {
      const sum = all.get(itemId) ?? [0, 0, 0, 0];
      for (let k = 0; k < 4; k++) sum[k] = (sum[k] as number) + (c[k] as number);
      all.set(itemId, sum);
    }
  }
  const itemIds = [...all.keys()].sort();
  return { itemIds, counts: itemIds.map((id) => all.get(id) as number[]), smoothing };
}

/**
 * The repeat gain of an item: e_repeat − e_first, each e = logit((right + m·p) / (attempts + m)) with p the overall
 * rate of first answers or of repeats (so a rarely repeated item gets the typical gain). With `exclude` (one
 * learner's {@link ownRepeatCounts}) that learner's answers are left out, as a new learner's never are in the table.
 */
export function repeatGainLookups(table: ItemRepeats): (exclude?: ReadonlyMap<string, readonly number[]>) => (itemId: string) => number {
  const index = new Map(table.itemIds.map((id, i) => [id, i]));
  const total = [0, 0, 0, 0];
  for (const c of table.counts) for (let k = 0; k < 4; k++) total[k] = (total[k] as number) + (c[k] as number);
  const rate = (right: number, n: number): number => (n === 0 ? 0.5 : right / n);
  const pFirst = rate(total[0] as number, total[1] as number);
  const pRepeat = rate(total[2] as number, total[3] as number);
  const m = table.smoothing;
  return (exclude) => (itemId) => {
    const i = index.get(itemId);
    if (i === undefined) return logit(pRepeat) - logit(pFirst);
    const c = table.counts[i] as readonly number[];
    const own = exclude?.get(itemId) ?? [0, 0, 0, 0];
    const at = (k: number): number => (c[k] as number) - (own[k] as number);
    return logit((at(2) + m * pRepeat) / (at(3) + m)) - logit((at(0) + m * pFirst) / (at(1) + m));
  };
}
