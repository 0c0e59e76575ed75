import { bktParamsFor, bktPredictCorrect, type BktParams } from "./bkt.ts";
import { skillCountsOf, type CountsConfig, type CountsState } from "./logistic-state.ts";
import { relatedItemEvidence, type NeighborLookup } from "./item-neighbors.ts";
import { mapGet } from "./persistent-map.ts";
import { logit } from "./logistic.ts";
import type { BoostOptions } from "./boosted-trees.ts";

/** Settings of `best`'s residual trees: those of the boosting, and how much of the training data they are fitted on. */
export interface ResidualBoostOptions extends BoostOptions {
  /** Rows the trees are fitted on at most: above it, a random subset of that size (drawn with the fit's rng). */
  readonly maxRows?: number;
  /** L-BFGS iterations at most of each fold's logistic refit (started from the full fit's weights). */
  readonly foldIterations?: number;
}

/**
 * Which feature groups a logistic tracer uses. Every count enters as log(1 + x), as in Best-LR (Gervet et al. 2020,
 * "When is deep learning the best approach to knowledge tracing?", §3.2), so the effect of practice saturates.
 */
export interface LogisticSpec {
  /** Registry name of the model this spec defines. */
  readonly model: string;
  /** Item difficulty: one weight per item (IRT's b, Rasch 1960). */
  readonly item: boolean;
  /** Skill difficulty: one weight per skill (PFA's β, Pavlik et al. 2009). */
  readonly skill: boolean;
  /** Per-skill slopes on log(1 + successes) and log(1 + failures) at the skill (PFA's γ, ρ with log counts). */
  readonly skillCounts: boolean;
  /** Global slopes on log(1 + successes) and log(1 + failures) over all skills (Best-LR's "tc"). */
  readonly totalCounts: boolean;
  /** Global slopes on log(1 + successes/failures) at this very item (Best-LR+ "ic"). */
  readonly itemCounts: boolean;
  /** Per-skill success/failure counts within each window (seconds), when observations carry time (Best-LR "w"). */
  readonly windowsSeconds: readonly number[];
  /** Decay rates α of exponentially weighted correctness per skill, one global slope each. */
  readonly skillEmaRates: readonly number[];
  /** Decay rates of exponentially weighted correctness over all attempts. */
  readonly totalEmaRates: readonly number[];
  /** A slope on the logit of BKT's P(correct) for the item's skills (an interpretable BKT + logistic ensemble). */
  readonly bkt: boolean;
  /**
   * Fit the BKT feature's weight out of fold: training rows get BKT predictions from parameters fitted on the other
   * half of the learners, so the weight is not inflated by BKT having seen those very answers (cross-fitting).
   */
  readonly bktCrossFit?: boolean;
  /** Context features (not part of mastery): the last answer anywhere, attempts since the skill was last practised. */
  readonly recency: boolean;
  /** Context: outcome of the last attempt at this very item and log(1 + attempts since), for repeated items. */
  readonly itemRecency: boolean;
  /** Context: one-hot of the last k outcomes at the skill (k ≤ 5; 2^{k+1} − 1 patterns incl. shorter histories). */
  readonly skillPattern: number;
  /** Per-skill (instead of global) slopes on the skill's recency-weighted correctness. */
  readonly skillEmaPerSkill: boolean;
  /**
   * Context: one weight per (skill asked, skill of the previous attempt, its outcome) — transfer between skills
   * practised in a row, the sequential signal deep models pick up (Piech et al. 2015, DKT).
   */
  readonly transitions: boolean;
  /**
   * Online ability: slopes on the learner's Elo rating over all skills and at the item's skill, against item easiness
   * counted on the training data with `smoothing` pseudo-attempts (logistic-state.ts `EloConfig`, item-easiness.ts).
   */
  readonly elo?: { readonly alpha: number; readonly beta: number; readonly smoothing: number };
  /** Context: one-hot of the last k outcomes over all skills (k ≤ 5), the sequential signal DKT picks up. */
  readonly totalPattern?: number;
  /** Context: log(1 + skills practised so far) and log(attempts per skill so far), the learner's progress and pace. */
  readonly progress?: boolean;
  /**
   * Context (needs `elo`): the learner's Elo residuals on related items (item-neighbors.ts), similarity-weighted — over
   * every related item answered, over those answered within the last `window` attempts, and the one just answered.
   */
  readonly neighbors?: { readonly window: number; readonly top: number; readonly shrinkage: number; readonly minPairs: number };
  /**
   * Residual trees (boosted-trees.ts) on the dense inputs of tree-inputs.ts, starting from the logistic log-odds:
   * interactions the additive model misses. Cross-fitted like BKT: on training rows, the log-odds they start from and
   * the item and skill difficulties they read come from logistic fits on the other half of the learners.
   */
  readonly boost?: ResidualBoostOptions;
  /**
   * Context (needs `itemCounts`): on a repeated item, how much easier the training learners found it than on their
   * first attempt (item-repeats.ts, log-odds shrunk with `smoothing` pseudo-attempts), one global slope.
   */
  readonly repeatGain?: { readonly smoothing: number };
  /** Ridge penalty λ on every weight but the intercept (scikit-learn's C = 1/λ). */
  readonly l2: number;
  /** Ridge penalty on item difficulties, when it should differ from `l2` (items are seen far less than skills). */
  readonly l2Item?: number;
}

/** Column offsets of each feature group for a given spec, item list and skill list. */
export interface FeatureLayout {
  readonly spec: LogisticSpec;
  readonly itemIndex: ReadonlyMap<string, number>;
  readonly skillIndex: ReadonlyMap<string, number>;
  readonly columns: number;
  readonly item: number;
  readonly skill: number;
  readonly skillCounts: number;
  readonly totalCounts: number;
  readonly itemCounts: number;
  readonly windows: number;
  readonly skillEma: number;
  readonly totalEma: number;
  readonly bkt: number;
  readonly recency: number;
  readonly itemRecency: number;
  readonly skillPattern: number;
  readonly transitions: number;
  readonly elo: number;
  readonly totalPattern: number;
  readonly progress: number;
  readonly neighbors: number;
  readonly repeatGain: number;
  /** Lower bounds: 0 on every weight of a success-type evidence feature, so correct answers never lower mastery. */
  readonly lower: Float64Array;
  readonly l2: Float64Array;
}

/** Lays out the weight vector: intercept, then each enabled group. */
export function createLayout(spec: LogisticSpec, itemIds: readonly string[], skillIds: readonly string[]): FeatureLayout {
  const nI = itemIds.length;
  const nS = skillIds.length;
  let at = 1; // column 0 is the intercept
  const take = (on: boolean, width: number): number => {
    const start = at;
    if (on) at += width;
    return start;
  };
  const item = take(spec.item, nI);
  const skill = take(spec.skill, nS);
  const skillCounts = take(spec.skillCounts, 2 * nS);
  const totalCounts = take(spec.totalCounts, 2);
  const itemCounts = take(spec.itemCounts, 2);
  const windows = take(spec.windowsSeconds.length > 0, 2 * nS * spec.windowsSeconds.length);
  const emaWidth = spec.skillEmaRates.length * (spec.skillEmaPerSkill ? nS : 1);
  const skillEma = take(true, emaWidth);
  const totalEma = take(true, spec.totalEmaRates.length);
  const bkt = take(spec.bkt, 1);
  const recency = take(spec.recency, 2);
  const itemRecency = take(spec.itemRecency, 3);
  const skillPattern = take(spec.skillPattern > 0, 2 ** (spec.skillPattern + 1) - 1);
  const transitions = take(spec.transitions, 2 * nS * nS);
  const elo = take(spec.elo !== undefined, 2);
  const tp = spec.totalPattern ?? 0;
  const totalPattern = take(tp > 0, 2 ** (tp + 1) - 1);
  const progress = take(spec.progress === true, 2);
  const neighbors = take(spec.neighbors !== undefined && spec.elo !== undefined, 3);
  const repeatGain = take(spec.repeatGain !== undefined && spec.itemCounts, 1);
  const columns = at;
  const lower = new Float64Array(columns).fill(-Infinity);
  const nonNegative = (start: number, count: number, stride = 1): void => {
    for (let k = 0; k < count; k++) lower[start + k * stride] = 0;
  };
  if (spec.skillCounts) nonNegative(skillCounts, nS, 2);
  if (spec.totalCounts) nonNegative(totalCounts, 1);
  if (spec.windowsSeconds.length > 0) nonNegative(windows, nS * spec.windowsSeconds.length, 2);
  nonNegative(skillEma, emaWidth);
  nonNegative(totalEma, spec.totalEmaRates.length);
  if (spec.bkt) nonNegative(bkt, 1);
  if (spec.elo !== undefined) nonNegative(elo, 2);
  const l2 = new Float64Array(columns).fill(spec.l2);
  l2[0] = 0;
  if (spec.item && spec.l2Item !== undefined) l2.fill(spec.l2Item, item, item + nI);
  return {
    spec,
    itemIndex: new Map(itemIds.map((id, i) => [id, i])),
    skillIndex: new Map(skillIds.map((id, i) => [id, i])),
    columns, item, skill, skillCounts, totalCounts, itemCounts, windows, skillEma, totalEma, bkt, recency, itemRecency, skillPattern, transitions, elo, totalPattern, progress, neighbors, repeatGain, lower, l2,
  };
}

/** The running statistics a state must keep for this spec. */
export function countsConfigOf(
  spec: LogisticSpec,
  bkt: BktParams | undefined,
  easiness?: (itemId: string) => number,
  neighbors?: NeighborLookup,
  repeatGain?: (itemId: string) => number,
): CountsConfig {
  return {
    ...(repeatGain === undefined || spec.repeatGain === undefined || !spec.itemCounts ? {} : { repeatGain }),
    ...(neighbors === undefined || spec.neighbors === undefined ? {} : { neighbors }),
    ...(spec.elo === undefined || easiness === undefined ? {} : { elo: { alpha: spec.elo.alpha, beta: spec.elo.beta, easiness } }),
    skillEmaRates: spec.skillEmaRates,
    totalEmaRates: spec.totalEmaRates,
    longestWindowMs: spec.windowsSeconds.length > 0 ? Math.max(...spec.windowsSeconds) * 1000 : 0,
    trackItems: spec.itemCounts,
    ...(bkt === undefined ? {} : { bkt }),
  };
}

/** Sparse feature vector being filled (parallel index and value lists, reused between calls). */
export interface FeatureBuffer {
  indices: number[];
  values: number[];
}

/**
 * Encodes the features of the next attempt at an item with the given skills, from the learner's earlier attempts
 * only. With `itemId` undefined it encodes the skill's evidence alone (no item, no context): that is the mastery.
 */
export function encodeFeatures(
  layout: FeatureLayout,
  config: CountsConfig,
  state: CountsState,
  itemId: string | undefined,
  skillIds: readonly string[],
  time: number | undefined,
  out: FeatureBuffer,
): void {
  const { spec } = layout;
  const idx = out.indices;
  const val = out.values;
  idx.length = 0;
  val.length = 0;
  const push = (j: number, v: number): void => {
    idx.push(j);
    val.push(v);
  };
  push(0, 1);
  const context = itemId !== undefined;
  if (context && spec.item) {
    const i = layout.itemIndex.get(itemId);
    if (i !== undefined) push(layout.item + i, 1);
  }
  if (spec.totalCounts) {
    push(layout.totalCounts, Math.log1p(state.correct));
    push(layout.totalCounts + 1, Math.log1p(state.incorrect));
  }
  for (let k = 0; k < spec.totalEmaRates.length; k++) push(layout.totalEma + k, state.ema[k] as number);
  if (config.elo !== undefined) push(layout.elo, state.theta);
  if (context && (spec.itemCounts || spec.itemRecency)) {
    const c = mapGet(state.items, itemId);
    if (c !== undefined && spec.itemCounts) {
      push(layout.itemCounts, Math.log1p(c.correct));
      push(layout.itemCounts + 1, Math.log1p(c.incorrect));
    }
    if (c !== undefined && config.repeatGain !== undefined) push(layout.repeatGain, config.repeatGain(itemId));
    if (c !== undefined && spec.itemRecency) {
      push(layout.itemRecency + (c.last ? 0 : 1), 1);
      push(layout.itemRecency + 2, Math.log1p(state.attempts - 1 - c.lastIndex));
    }
  }
  if (context && config.neighbors !== undefined) {
    const [all, near, last] = relatedItemEvidence(config.neighbors, state, itemId, spec.neighbors?.window ?? 0);
    push(layout.neighbors, all);
    push(layout.neighbors + 1, near);
    push(layout.neighbors + 2, last);
  }
  if (context && spec.recency) push(layout.recency, state.lastCorrect - 0.5);
  if (context && spec.progress === true) {
    push(layout.progress, Math.log1p(state.distinctSkills));
    push(layout.progress + 1, Math.log((state.attempts + 1) / (state.distinctSkills + 1)));
  }
  if (context && (spec.totalPattern ?? 0) > 0) {
    const L = Math.min(spec.totalPattern as number, state.attempts);
    push(layout.totalPattern + (2 ** L - 1) + (state.recentBits & (2 ** L - 1)), 1);
  }
  const now = time ?? state.lastTime;
  let bktLogitSum = 0;
  let distinct = 0;
  for (let q = 0; q < skillIds.length; q++) {
    const skillId = skillIds[q] as string;
    if (skillIds.indexOf(skillId) !== q) continue; // a skill listed twice counts once
    distinct++;
    const s = layout.skillIndex.get(skillId);
    const counts = skillCountsOf(state, skillId, config);
    const { correct, incorrect } = counts.evidence;
    if (s !== undefined) {
      if (spec.skill) push(layout.skill + s, 1);
      if (spec.skillCounts) {
        push(layout.skillCounts + 2 * s, Math.log1p(correct));
        push(layout.skillCounts + 2 * s + 1, Math.log1p(incorrect));
      }
      if (spec.windowsSeconds.length > 0 && counts.recentEvents !== undefined && now !== undefined) {
        const W = spec.windowsSeconds.length;
        for (let w = 0; w < W; w++) {
          const since = now - (spec.windowsSeconds[w] as number) * 1000;
          let right = 0;
          let wrong = 0;
          for (const [t, o] of counts.recentEvents) {
            if (t >= since) {
              right += o;
              wrong += 1 - o;
            }
          }
          const base = layout.windows + 2 * (s * W + w);
          push(base, Math.log1p(right));
          push(base + 1, Math.log1p(wrong));
        }
      }
    }
    const emaBase = layout.skillEma + (spec.skillEmaPerSkill ? (s === undefined ? -1 : s * spec.skillEmaRates.length) : 0);
    if (emaBase >= layout.skillEma) {
      for (let k = 0; k < spec.skillEmaRates.length; k++) push(emaBase + k, counts.ema[k] as number);
    }
    if (context && spec.transitions && s !== undefined) {
      for (const previous of state.lastSkillIds) {
        const j = layout.skillIndex.get(previous);
        if (j !== undefined) push(layout.transitions + 2 * (s * layout.skillIndex.size + j) + state.lastCorrect, 1);
      }
    }
    if (context && spec.skillPattern > 0) {
      // Patterns of length L occupy 2^L slots starting at 2^L − 1: slot = (2^L − 1) + bits of the last L outcomes.
      const recent = counts.evidence.recent;
      const L = Math.min(spec.skillPattern, recent.length);
      let bits = 0;
      for (let q2 = recent.length - L; q2 < recent.length; q2++) bits = 2 * bits + (recent[q2] ? 1 : 0);
      push(layout.skillPattern + (2 ** L - 1) + bits, 1);
    }
    if (spec.bkt && config.bkt !== undefined) {
      bktLogitSum += logit(bktPredictCorrect(counts.bktKnown ?? 0.5, bktParamsFor(config.bkt, skillId)));
    }
    if (config.elo !== undefined) push(layout.elo + 1, counts.theta ?? 0);
    if (context && spec.recency) {
      const since = counts.evidence.lastIndex < 0 ? 0 : state.attempts - counts.evidence.lastIndex;
      push(layout.recency + 1, Math.log1p(since));
    }
  }
  if (spec.bkt && distinct > 0) push(layout.bkt, bktLogitSum / distinct);
}

