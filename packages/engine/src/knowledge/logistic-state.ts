import { bktParamsFor, bktStep, type BktParams } from "./bkt.ts";
import { addEvidence, NO_EVIDENCE, type SkillEvidence } from "./evidence.ts";
import { emptyMap, mapGet, mapSet, type PersistentMap } from "./persistent-map.ts";
import type { Observation } from "./tracer.ts";

/** What the logistic tracers remember of a learner's practice at one skill (all counts are of earlier attempts). */
export interface SkillCounts {
  /** Right/wrong counts, recent outcomes and last practice, shared with `explain`. */
  readonly evidence: SkillEvidence;
  /** Exponentially weighted correctness, one per decay rate of the spec (0 before the first attempt). */
  readonly ema: readonly number[];
  /** BKT P(known) before the next attempt, when the model blends in BKT. */
  readonly bktKnown?: number;
  /** [time ms, 1 if correct] of attempts within the longest time window, oldest first (only with timestamps). */
  readonly recentEvents?: readonly (readonly [number, number])[];
}

/** Prior successes and failures at one item. */
export interface ItemCounts {
  readonly correct: number;
  readonly incorrect: number;
  /** Outcome of the last attempt at this item. */
  readonly last: number;
  /** Index of the last attempt at this item in the learner's history. */
  readonly lastIndex: number;
}

/** A learner's knowledge state in the logistic family: counts, nothing fitted (the weights live in the tracer). */
export interface CountsState {
  readonly attempts: number;
  readonly correct: number;
  readonly incorrect: number;
  /** Exponentially weighted correctness over all attempts, one per total decay rate. */
  readonly ema: readonly number[];
  readonly skills: PersistentMap<SkillCounts>;
  readonly items: PersistentMap<ItemCounts>;
  /** Outcome of the last attempt (any skill), 0.5 before the first. */
  readonly lastCorrect: number;
  /** Skills of the last attempt. */
  readonly lastSkillIds: readonly string[];
  readonly lastTime?: number;
}

/** Which running statistics a counts state keeps (fixed by the model's feature spec). */
export interface CountsConfig {
  readonly skillEmaRates: readonly number[];
  readonly totalEmaRates: readonly number[];
  /** Longest time window in ms (0: keep no event times). */
  readonly longestWindowMs: number;
  readonly trackItems: boolean;
  readonly bkt?: BktParams;
}

/** The state of a learner with no attempts. */
export function initialCounts(config: CountsConfig): CountsState {
  return {
    attempts: 0,
    correct: 0,
    incorrect: 0,
    ema: config.totalEmaRates.map(() => 0),
    skills: emptyMap(),
    items: emptyMap(),
    lastCorrect: 0.5,
    lastSkillIds: [],
  };
}

/** The counts of a skill (empty if never practised). */
export function skillCountsOf(state: CountsState, skillId: string, config: CountsConfig): SkillCounts {
  const found = mapGet(state.skills, skillId);
  if (found !== undefined) return found;
  const fresh: SkillCounts = { evidence: NO_EVIDENCE, ema: config.skillEmaRates.map(() => 0) };
  return config.bkt === undefined ? fresh : { ...fresh, bktKnown: bktParamsFor(config.bkt, skillId).prior };
}

/** ema ← (1 − α)·ema + α·outcome for each rate α (exponential smoothing; recent answers weigh most). */
function smooth(values: readonly number[], rates: readonly number[], outcome: number): number[] {
  return values.map((v, k) => {
    const a = rates[k] as number;
    return (1 - a) * v + a * outcome;
  });
}

/**
 * The counts after one more attempt: a new state object; the input is left as it was. Only the touched skills and
 * item are copied (see persistent-map.ts), so an update costs a few microseconds whatever the history's length.
 */
export function updateCounts(state: CountsState, observation: Observation, config: CountsConfig): CountsState {
  const outcome = observation.correct ? 1 : 0;
  let skills = state.skills;
  for (const skillId of new Set(observation.skillIds)) {
    const current = skillCountsOf(state, skillId, config);
    let next: SkillCounts = {
      evidence: addEvidence(current.evidence, observation, state.attempts),
      ema: smooth(current.ema, config.skillEmaRates, outcome),
    };
    if (config.bkt !== undefined) {
      next = { ...next, bktKnown: bktStep(current.bktKnown ?? 0.5, observation.correct, bktParamsFor(config.bkt, skillId)) };
    }
    if (config.longestWindowMs > 0 && observation.time !== undefined) {
      const since = observation.time - config.longestWindowMs;
      const kept = (current.recentEvents ?? []).filter(([t]) => t >= since);
      kept.push([observation.time, outcome]);
      next = { ...next, recentEvents: kept };
    } else if (current.recentEvents !== undefined) {
      next = { ...next, recentEvents: current.recentEvents };
    }
    skills = mapSet(skills, skillId, next);
  }
  let items = state.items;
  if (config.trackItems) {
    const item = mapGet(items, observation.itemId) ?? { correct: 0, incorrect: 0 };
    items = mapSet(items, observation.itemId, {
      correct: item.correct + outcome,
      incorrect: item.incorrect + 1 - outcome,
      last: outcome,
      lastIndex: state.attempts,
    });
  }
  const time = observation.time ?? state.lastTime;
  const next: CountsState = {
    attempts: state.attempts + 1,
    correct: state.correct + outcome,
    incorrect: state.incorrect + 1 - outcome,
    ema: smooth(state.ema, config.totalEmaRates, outcome),
    skills,
    items,
    lastCorrect: outcome,
    lastSkillIds: observation.skillIds,
  };
  return time === undefined ? next : { ...next, lastTime: time };
}
