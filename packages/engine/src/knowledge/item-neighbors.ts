import { sigmoid } from "./logistic.ts";
import type { CountsState } from "./logistic-state.ts";
import { mapGet } from "./persistent-map.ts";
import type { LearnerHistory } from "./tracer.ts";

/**
 * Related items, learned from training learners: two items are related when learners who did better than expected
 * on one (for their ability and its difficulty) also did better than expected on the other. This is item-based
 * collaborative filtering (Sarwar et al. 2001, "Item-based collaborative filtering recommendation algorithms") on
 * Elo residuals r = y − σ(θ + e) instead of ratings, so general ability — already a feature — is taken out first.
 *
 * Similarity of items i, j from the pairs of attempts at both within `window` attempts of each other:
 *   s(i, j) = Σ rᵢ·rⱼ / ((n + m) · v),  v the mean squared residual, m the shrinkage pseudo-pairs.
 * Each item keeps its `top` most similar items (by |s|); ids sorted, so a fit is deterministic.
 */
export interface ItemNeighbors {
  readonly itemIds: readonly string[];
  /** Per item (parallel to `itemIds`): flat [neighbor index, similarity, …] pairs, strongest first. */
  readonly neighbors: readonly (readonly number[])[];
}

/** Settings of {@link fitItemNeighbors}. */
export interface NeighborOptions {
  /** Elo step of the ability the residuals are measured against. */
  readonly alpha: number;
  /** Attempts apart two answers may be to count as a pair. */
  readonly window: number;
  /** Neighbors kept per item. */
  readonly top: number;
  /** Pseudo-pairs m shrinking similarities of rarely co-attempted items toward 0. */
  readonly shrinkage: number;
  /** Pairs seen fewer times than this are ignored. */
  readonly minPairs: number;
}

/** Learns each item's related items from the histories (see {@link ItemNeighbors}). */
export function fitItemNeighbors(
  histories: readonly LearnerHistory[],
  easiness: (itemId: string) => number,
  options: NeighborOptions,
): ItemNeighbors {
  const itemIds = [...new Set(histories.flatMap((h) => h.observations.map((o) => o.itemId)))].sort();
  const index = new Map(itemIds.map((id, i) => [id, i]));
  const n = itemIds.length;
  // Every pair of attempts within the window, in both directions, as (item, other item, product of residuals).
  const pairs = new PairList();
  let squares = 0;
  let residuals = 0;
  const items = new Int32Array(options.window);
  const res = new Float64Array(options.window);
  for (const history of histories) {
    let theta = 0;
    let t = 0;
    for (const o of history.observations) {
      const r = (o.correct ? 1 : 0) - sigmoid(theta + easiness(o.itemId));
      theta += options.alpha * r;
      const i = index.get(o.itemId) as number;
      squares += r * r;
      residuals++;
      for (let u = Math.max(0, t - options.window); u < t; u++) {
        const j = items[u % options.window] as number;
        if (j === i) continue;
        const product = r * (res[u % options.window] as number);
        pairs.add(i, j, product);
        pairs.add(j, i, product);
      }
      items[t % options.window] = i;
      res[t % options.window] = r;
      t++;
    }
  }
  const v = residuals === 0 ? 1 : squares / residuals;
  // Counting sort of the pairs by their first item, then one pass per item over a dense scratch row.
  const start = new Int32Array(n + 1);
  for (let k = 0; k < pairs.size; k++) {
    const at = (pairs.first[k] as number) + 1;
    start[at] = (start[at] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const order = new Int32Array(pairs.size);
  const fill = start.slice(0, n);
  for (let k = 0; k < pairs.size; k++) {
    const i = pairs.first[k] as number;
    order[fill[i] as number] = k;
    fill[i] = (fill[i] as number) + 1;
  }
  const count = new Float64Array(n);
  const product = new Float64Array(n);
  const touched: number[] = [];
  const neighbors: number[][] = [];
  for (let i = 0; i < n; i++) {
    touched.length = 0;
    for (let q = start[i] as number; q < (start[i + 1] as number); q++) {
      const k = order[q] as number;
      const j = pairs.second[k] as number;
      if (count[j] === 0) touched.push(j);
      count[j] = (count[j] as number) + 1;
      product[j] = (product[j] as number) + (pairs.product[k] as number);
    }
    const list: [number, number][] = [];
    for (const j of touched) {
      const c = count[j] as number;
      if (c >= options.minPairs) list.push([j, (product[j] as number) / ((c + options.shrinkage) * v)]);
      count[j] = 0;
      product[j] = 0;
    }
    list.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]);
    neighbors.push(list.slice(0, options.top).flat());
  }
  return { itemIds, neighbors };
}

/** Growable parallel arrays of (item, other item, product). */
class PairList {
  first = new Int32Array(1 << 16);
  second = new Int32Array(1 << 16);
  product = new Float64Array(1 << 16);
  size = 0;

  add(i: number, j: number, p: number): void {
    if (this.size === this.first.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.first = grow(this.first, (m) => new Int32Array(m));
      this.second = grow(this.second, (m) => new Int32Array(m));
      this.product = grow(this.product, (m) => new Float64Array(m));
    }
    this.first[this.size] = i;
    this.second[this.size] = j;
    this.product[this.size] = p;
    this.size++;
  }
}

/** Item id → its related items' ids with their similarities, strongest first (empty for an unknown item). */
export type NeighborLookup = (itemId: string) => readonly (readonly [string, number])[];

/** The lookup of a table (ids resolved once). */
export function neighborLookup(table: ItemNeighbors): NeighborLookup {
  const index = new Map(table.itemIds.map((id, i) => [id, i]));
  const resolved = table.neighbors.map((flat) => {
    const out: [string, number][] = [];
    for (let k = 0; k + 1 < flat.length; k += 2) out.push([table.itemIds[flat[k] as number] as string, flat[k + 1] as number]);
    return out;
  });
  return (itemId) => {
    const i = index.get(itemId);
    return i === undefined ? [] : (resolved[i] as [string, number][]);
  };
}

/**
 * Related-item evidence of a learner for an item: with r the Elo residual of the learner's last answer at a related
 * item and s its similarity, Σ s·r over every related item answered divided by 1 + Σ |s|; Σ s·r over those answered
 * within the last `window` attempts; and the term of the item answered just before ("better than expected on a
 * closely related step").
 */
export function relatedItemEvidence(
  neighbors: NeighborLookup,
  state: CountsState,
  itemId: string,
  window: number,
): [all: number, near: number, last: number] {
  let all = 0;
  let weight = 0;
  let near = 0;
  let last = 0;
  for (const [j, similarity] of neighbors(itemId)) {
    const c = mapGet(state.items, j);
    if (c === undefined) continue;
    const term = similarity * (c.residual ?? 0);
    const ago = state.attempts - c.lastIndex;
    all += term;
    weight += Math.abs(similarity);
    if (ago <= window) near += term;
    if (ago === 1) last += term;
  }
  return [all / (1 + weight), near, last];
}
