import { bktParamsFor, bktPredictCorrect, type BktParams } from "./bkt.ts";
import { skillCountsOf, type CountsConfig, type CountsState } from "./logistic-state.ts";
import { relatedItemEvidence, type NeighborLookup } from "./item-neighbors.ts";
import { mapGet } from "./persistent-map.ts";
import { logit } from "./logistic.ts";
import { encodeRunFeatures, RUN_FEATURES, runKey } from "./practice-runs.ts";
import { decayFactors, encodeDecayed } from "./decayed-evidence.ts";
import { sequenceFeatures, sequenceWidth, type SequenceOptions, type SequenceRunner } from "./sequence-model.ts";
import type { LogisticSpec } from "./logistic-spec.ts";

export type { LogisticSpec, ResidualBoostOptions } from "./logistic-spec.ts";

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
  readonly runs: number;
  /** Decayed sums at the item (2 per half-life), then at the skill (2 per half-life). */
  readonly decay: number;
  readonly ownResidual: number;
  readonly sequence: number;
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
  const runs = take(spec.runs === true, RUN_FEATURES);
  const decayWidth = spec.decay === undefined ? 0 : 2 * spec.decay.halfLives.length * ((spec.decay.item ? 1 : 0) + (spec.decay.skill ? 1 : 0));
  const decay = take(decayWidth > 0, decayWidth);
  const ownResidual = take(spec.ownResidual === true && spec.elo !== undefined && spec.itemCounts, 1);
  const sequence = take(spec.sequence !== undefined, sequenceWidth(spec.sequence));
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
    columns, item, skill, skillCounts, totalCounts, itemCounts, windows, skillEma, totalEma, bkt, recency, itemRecency, skillPattern, transitions, elo, totalPattern, progress, neighbors, repeatGain, runs, decay, ownResidual, sequence, lower, l2,
  };
}

/** The running statistics a state must keep for this spec. */
export function countsConfigOf(
  spec: LogisticSpec,
  bkt: BktParams | undefined,
  easiness?: (itemId: string) => number,
  neighbors?: NeighborLookup,
  repeatGain?: (itemId: string) => number,
  sequence?: readonly SequenceRunner[],
): CountsConfig {
  return {
    ...(sequence === undefined || spec.sequence === undefined ? {} : { sequence }),
    ...(repeatGain === undefined || spec.repeatGain === undefined || !spec.itemCounts ? {} : { repeatGain }),
    ...(neighbors === undefined || spec.neighbors === undefined ? {} : { neighbors }),
    ...(spec.elo === undefined || easiness === undefined ? {} : { elo: { alpha: spec.elo.alpha, beta: spec.elo.beta, easiness } }),
    skillEmaRates: spec.skillEmaRates,
    totalEmaRates: spec.totalEmaRates,
    longestWindowMs: spec.windowsSeconds.length > 0 ? Math.max(...spec.windowsSeconds) * 1000 : 0,
    trackItems: spec.itemCounts || (spec.decay?.item ?? false),
    ...(bkt === undefined ? {} : { bkt }),
    ...(spec.runs === true ? { runs: true } : {}),
    ...(spec.decay === undefined || (!spec.decay.item && !spec.decay.skill)
      ? {}
      : { decay: { factors: decayFactors(spec.decay.halfLives), item: spec.decay.item, skill: spec.decay.skill } }),
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
  if (context && (spec.itemCounts || spec.itemRecency || config.decay?.item === true)) {
    const c = mapGet(state.items, itemId);
    if (config.decay?.item === true) encodeDecayed(c?.decayed, config.decay.factors, state.attempts, (k, v) => push(layout.decay + k, v));
    if (c !== undefined && layout.ownResidual > 0 && spec.ownResidual === true && c.residual !== undefined) push(layout.ownResidual, c.residual);
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
  if (context && config.sequence !== undefined && state.sequence !== undefined) {
    const runners = config.sequence;
    const logits = runners.map((r, k) => r.logit(state.sequence?.[k] as Float64Array, itemId, skillIds));
    const abilities = spec.sequence?.ability === true ? runners.map((r, k) => r.meanLogit?.(state.sequence?.[k] as Float64Array) ?? 0) : [];
    sequenceFeatures(spec.sequence as SequenceOptions, runners, logits, state.attempts, abilities).forEach((v, k) => push(layout.sequence + k, v));
  }
  if (context && config.runs === true && skillIds.length > 0) {
    const first = mapGet(state.skills, skillIds[0] as string);
    encodeRunFeatures(state.run, first?.runs, runKey(skillIds), (k, v) => push(layout.runs + k, v));
  }
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
    if (context && config.decay?.skill === true && distinct === 1) {
      const offset = layout.decay + (config.decay.item ? 2 * config.decay.factors.length : 0);
      encodeDecayed(counts.decayed, config.decay.factors, state.attempts, (k, v) => push(offset + k, v));
    }
    if (context && spec.recency) {
      const since = counts.evidence.lastIndex < 0 ? 0 : state.attempts - counts.evidence.lastIndex;
      push(layout.recency + 1, Math.log1p(since));
    }
  }
  if (spec.bkt && distinct > 0) push(layout.bkt, bktLogitSum / distinct);
}

