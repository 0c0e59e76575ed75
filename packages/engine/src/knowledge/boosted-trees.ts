import { sigmoid } from "./logistic.ts";

/**
 * A small gradient-boosted ensemble of regression trees on the log-odds scale (Friedman 2001, "Greedy function
 * approximation: a gradient boosting machine"), fitted with second-order steps and histogram splits as in XGBoost
 * (Chen & Guestrin 2016, eqs. 5–7) and LightGBM (Ke et al. 2017, §3). It starts from a base log-odds per row (here the
 * logistic model's), so it only learns what the base misses: each tree reads "when ability > 0.8 and the last answer
 * was wrong, add −0.1 to the log-odds".
 *
 * Every tree is complete, of depth `depth`: internal node k (0-based, heap order) sends x left when
 * x[feature[k]] ≤ threshold[k] (feature −1: no split, all go left); leaf l adds value[l] to the log-odds.
 */
export interface BoostedTrees {
  readonly features: number;
  readonly depth: number;
  readonly trees: readonly RegressionTree[];
}

/** One tree of a {@link BoostedTrees} ensemble. */
export interface RegressionTree {
  /** Per internal node (2^depth − 1, heap order): the feature it splits on, or −1. */
  readonly feature: readonly number[];
  /** Per internal node: go left when x ≤ threshold. */
  readonly threshold: readonly number[];
  /** Per leaf (2^depth): the log-odds it adds, shrinkage included. */
  readonly value: readonly number[];
}

/** Settings of {@link fitBoostedTrees}. */
export interface BoostOptions {
  readonly trees: number;
  readonly depth: number;
  /** Shrinkage η: each tree's leaves are scaled by η (Friedman 2001, §5). */
  readonly shrinkage: number;
  /** Ridge λ on leaf values (XGBoost's lambda): leaf = −G / (H + λ). */
  readonly l2: number;
  /** Smallest hessian sum Σ p(1 − p) a leaf may hold (XGBoost's min_child_weight). */
  readonly minHessian: number;
  /** Histogram bins per feature (≤ 256). */
  readonly bins: number;
}

/** Rows × features, row-major: value of feature f at row r is data[r · features + f]. */
export interface DenseRows {
  readonly rows: number;
  readonly features: number;
  readonly data: Float64Array;
}

/**
 * Bin edges per feature: up to `bins − 1` quantiles of an evenly spaced sample of the rows (every ⌊rows / 50 000⌋-th),
 * or, when the sample has at most `bins` distinct values, each of them but the largest; bin b holds values in
 * (edge[b − 1], edge[b]]. Deterministic (no random sampling).
 */
export function binEdges(X: DenseRows, bins: number): Float64Array[] {
  const step = Math.max(1, Math.floor(X.rows / 50_000));
  const edges: Float64Array[] = [];
  const sample = new Float64Array(Math.ceil(X.rows / step));
  for (let f = 0; f < X.features; f++) {
    for (let r = 0, k = 0; r < X.rows; r += step) sample[k++] = X.data[r * X.features + f] as number;
    sample.sort();
    const distinct: number[] = [];
    for (const v of sample) if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v);
    const chosen: number[] = [];
    if (distinct.length <= bins) {
      // Every distinct value but the largest is an edge (a split between each neighbouring pair is possible).
      for (let k = 0; k + 1 < distinct.length; k++) chosen.push(distinct[k] as number);
    } else {
      for (let b = 1; b < bins; b++) {
        const v = sample[Math.min(sample.length - 1, Math.floor((b * sample.length) / bins))] as number;
        if (v !== (distinct[distinct.length - 1] as number) && (chosen.length === 0 || v > (chosen[chosen.length - 1] as number))) chosen.push(v);
      }
    }
    edges.push(Float64Array.from(chosen));
  }
  return edges;
}

/** Index of the bin holding v: the first edge ≥ v, or the number of edges. */
function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((edges[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Fits `trees` trees to the logistic loss of y given the base log-odds plus the ensemble so far (Newton boosting:
 * gradients p − y, hessians p(1 − p)). Trees grow level by level; a node splits where the gain
 *   ½ [G_L² / (H_L + λ) + G_R² / (H_R + λ) − G² / (H + λ)]
 * is largest and positive, both children keeping at least `minHessian`. Of two sibling nodes only the smaller's
 * histogram is counted, the other's is its parent's minus it (LightGBM's histogram subtraction, Ke et al. 2017, §3).
 * Deterministic: no sampling.
 */
export function fitBoostedTrees(X: DenseRows, y: Uint8Array, base: Float64Array, options: BoostOptions): BoostedTrees {
  const { rows, features: F } = X;
  if (y.length !== rows || base.length !== rows) throw new Error(`fitBoostedTrees: ${rows} rows, ${y.length} labels, ${base.length} base scores`);
  const B = Math.min(256, Math.max(2, options.bins));
  const D = options.depth;
  const edges = binEdges(X, B);
  // Row-major bin indices: one row's bins are read together while its gradient is at hand.
  const binned = new Uint8Array(rows * F);
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < F; f++) binned[r * F + f] = binOf(edges[f] as Float64Array, X.data[r * F + f] as number);
  }
  const score = Float64Array.from(base);
  const g = new Float64Array(rows);
  const h = new Float64Array(rows);
  const order = new Int32Array(rows);
  const scratch = new Int32Array(rows);
  const leafOf = new Int32Array(rows);
  const HW = F * B * 2; // one node's histogram: (Σg, Σh) per feature and bin
  const trees: RegressionTree[] = [];
  const lambda = options.l2;
  const countHistogram = (hist: Float64Array, from: number, to: number): void => {
    hist.fill(0);
    for (let i = from; i < to; i++) {
      const r = order[i] as number;
      const gr = g[r] as number;
      const hr = h[r] as number;
      const row = r * F;
      for (let f = 0; f < F; f++) {
        const at = 2 * (f * B + (binned[row + f] as number));
        hist[at] = (hist[at] as number) + gr;
        hist[at + 1] = (hist[at + 1] as number) + hr;
      }
    }
  };
  for (let t = 0; t < options.trees; t++) {
    for (let r = 0; r < rows; r++) {
      const p = sigmoid(score[r] as number);
      g[r] = p - (y[r] as number);
      h[r] = p * (1 - p);
      order[r] = r;
    }
    const feature = new Array<number>(2 ** D - 1).fill(-1);
    const threshold = new Array<number>(2 ** D - 1).fill(0);
    // Nodes of the current level: their row ranges in `order` and their histograms.
    let starts = [0, rows];
    let hists: Float64Array[] = [new Float64Array(HW)];
    countHistogram(hists[0] as Float64Array, 0, rows);
    for (let level = 0; level < D; level++) {
      const width = 2 ** level;
      const nextStarts: number[] = [0];
      const nextHists: Float64Array[] = [];
      for (let k = 0; k < width; k++) {
        const from = starts[k] as number;
        const to = starts[k + 1] as number;
        const hist = hists[k] as Float64Array;
        let G = 0;
        let H = 0;
        for (let b = 0; b < B; b++) {
          G += hist[2 * b] as number;
          H += hist[2 * b + 1] as number;
        }
        const parent = (G * G) / (H + lambda);
        let bestGain = 0;
        let bestFeature = -1;
        let bestBin = 0;
        for (let f = 0; f < F; f++) {
          const nb = (edges[f] as Float64Array).length; // bins 0…nb; a split after bin b < nb
          let gl = 0;
          let hl = 0;
          for (let b = 0; b < nb; b++) {
            gl += hist[2 * (f * B + b)] as number;
            hl += hist[2 * (f * B + b) + 1] as number;
            const hr = H - hl;
            if (hl < options.minHessian || hr < options.minHessian) continue;
            const gr = G - gl;
            const gain = 0.5 * ((gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent);
            if (gain > bestGain) {
              bestGain = gain;
              bestFeature = f;
              bestBin = b;
            }
          }
        }
        // Stable partition of the node's rows: left (bin ≤ split) first.
        let left = from;
        let right = 0;
        if (bestFeature >= 0) {
          feature[width - 1 + k] = bestFeature;
          threshold[width - 1 + k] = (edges[bestFeature] as Float64Array)[bestBin] as number;
          for (let i = from; i < to; i++) {
            const r = order[i] as number;
            if ((binned[r * F + bestFeature] as number) <= bestBin) order[left++] = r;
            else scratch[right++] = r;
          }
          order.set(scratch.subarray(0, right), left);
        } else left = to;
        if (level + 1 === D) {
          for (let i = from; i < left; i++) leafOf[order[i] as number] = 2 * k;
          for (let i = left; i < to; i++) leafOf[order[i] as number] = 2 * k + 1;
        }
        nextStarts.push(left, to);
        if (level + 1 < D) {
          const small = new Float64Array(HW);
          const smallIsLeft = left - from <= to - left;
          countHistogram(small, smallIsLeft ? from : left, smallIsLeft ? left : to);
          for (let i = 0; i < HW; i++) hist[i] = (hist[i] as number) - (small[i] as number);
          nextHists.push(smallIsLeft ? small : hist, smallIsLeft ? hist : small);
        }
      }
      starts = nextStarts;
      hists = nextHists;
    }
    const leaves = 2 ** D;
    const leafG = new Float64Array(leaves);
    const leafH = new Float64Array(leaves);
    for (let r = 0; r < rows; r++) {
      const k = leafOf[r] as number;
      leafG[k] = (leafG[k] as number) + (g[r] as number);
      leafH[k] = (leafH[k] as number) + (h[r] as number);
    }
    const value = Array.from(leafG, (G, k) => (leafH[k] === 0 ? 0 : (-options.shrinkage * G) / ((leafH[k] as number) + lambda)));
    for (let r = 0; r < rows; r++) score[r] = (score[r] as number) + (value[leafOf[r] as number] as number);
    trees.push({ feature, threshold, value });
  }
  return { features: F, depth: D, trees };
}

/** The log-odds the ensemble adds for one row of features. */
export function boostedMargin(model: BoostedTrees, x: ArrayLike<number>): number {
  let z = 0;
  const internal = 2 ** model.depth - 1;
  for (const tree of model.trees) {
    let k = 0;
    while (k < internal) {
      const f = tree.feature[k] as number;
      const right = f >= 0 && (x[f] as number) > (tree.threshold[k] as number);
      k = 2 * k + 1 + (right ? 1 : 0);
    }
    z += tree.value[k - internal] as number;
  }
  return z;
}
