import { logit } from "./logistic.ts";
import type { LearnerHistory } from "./tracer.ts";

/**
 * Smoothed log-odds of a correct first answer per item, from training attempts: e = logit((c + m·p̄) / (n + m)),
 * with p̄ the overall rate of correct answers and m pseudo-attempts (additive smoothing). Items never seen get logit(p̄).
 * It is the reference an online ability estimate is measured against (see `EloConfig`).
 */
export interface ItemEasiness {
  readonly itemIds: readonly string[];
  /** Correct answers per item (parallel to `itemIds`). */
  readonly correct: readonly number[];
  /** Attempts per item. */
  readonly attempts: readonly number[];
  /** Overall rate of correct answers p̄. */
  readonly rate: number;
  /** Pseudo-attempts m of the smoothing. */
  readonly smoothing: number;
}

/** Counts every item's attempts and correct answers over the histories. Ids sorted: deterministic. */
export function countItemEasiness(histories: readonly LearnerHistory[], smoothing: number): ItemEasiness {
  const counts = new Map<string, [number, number]>();
  let right = 0;
  let all = 0;
  for (const history of histories) {
    for (const o of history.observations) {
      const c = counts.get(o.itemId) ?? [0, 0];
      c[0] += o.correct ? 1 : 0;
      c[1] += 1;
      counts.set(o.itemId, c);
      right += o.correct ? 1 : 0;
      all++;
    }
  }
  const itemIds = [...counts.keys()].sort();
  return {
    itemIds,
    correct: itemIds.map((id) => (counts.get(id) as [number, number])[0]),
    attempts: itemIds.map((id) => (counts.get(id) as [number, number])[1]),
    rate: all === 0 ? 0.5 : right / all,
    smoothing,
  };
}

/**
 * Builds the easiness lookup of a table (the item index is built once). The returned function gives the lookup of
 * an item; with `exclude` (one learner's own counts per item) that learner's attempts are left out — used while
 * building training features, so a training learner's features never contain his own answers (leave-one-learner-out;
 * a new learner's attempts are never in the table either).
 */
export function easinessLookups(
  table: ItemEasiness,
): (exclude?: ReadonlyMap<string, readonly [number, number]>) => (itemId: string) => number {
  const index = new Map(table.itemIds.map((id, i) => [id, i]));
  const m = table.smoothing;
  const p = table.rate;
  const prior = logit(p);
  return (exclude) => (itemId) => {
    const i = index.get(itemId);
    if (i === undefined) return prior;
    let c = table.correct[i] as number;
    let n = table.attempts[i] as number;
    const own = exclude?.get(itemId);
    if (own !== undefined) {
      c -= own[0];
      n -= own[1];
    }
    return logit((c + m * p) / (n + m));
  };
}

/** One learner's [correct, attempts] per item. */
export function ownItemCounts(history: LearnerHistory): Map<string, [number, number]> {
  const own = new Map<string, [number, number]>();
  for (const o of history.observations) {
    const c = own.get(o.itemId) ?? [0, 0];
    c[0] += o.correct ? 1 : 0;
    c[1] += 1;
    own.set(o.itemId, c);
  }
  return own;
}
