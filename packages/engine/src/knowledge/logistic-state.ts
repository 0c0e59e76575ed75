import { bktParamsFor, bktStep, type BktParams } from "./bkt.ts";
import { addEvidence, NO_EVIDENCE, type SkillEvidence } from "./evidence.ts";
import { emptyMap, mapGet, mapSet, type PersistentMap } from "./persistent-map.ts";
import { sigmoid } from "./logistic.ts";
import type { NeighborLookup } from "./item-neighbors.ts";
import type { Observation } from "./tracer.ts";
import { nextRun, nextSkillRuns, runKey, type PracticeRun, type SkillRuns } from "./practice-runs.ts";
import { addDecayed, type DecayedSums } from "./decayed-evidence.ts";
import type { SequenceRunner } from "./sequence-model.ts";

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
  /** Online ability at this skill (Elo rating, see {@link EloConfig}), when the model uses it. */
  readonly theta?: number;
  /** The learner's runs at this skill, when the model reads runs (practice-runs.ts). */
  readonly runs?: SkillRuns;
  /** Right/wrong answers at this skill discounted by attempts since (decayed-evidence.ts), when the model reads them. */
  readonly decayed?: DecayedSums;
}

/** Prior successes and failures at one item. */
export interface ItemCounts {
  readonly correct: number;
  readonly incorrect: number;
  /** Outcome of the last attempt at this item. */
  readonly last: number;
  /** Index of the last attempt at this item in the learner's history. */
  readonly lastIndex: number;
  /** Elo residual y − σ(θ + e) of the last attempt at this item, when the model tracks Elo: the related-item evidence. */
  readonly residual?: number;
  /** Right/wrong answers at this item discounted by attempts since (decayed-evidence.ts), when the model reads them. */
  readonly decayed?: DecayedSums;
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
  /** Online ability over all skills (Elo rating), 0 before the first attempt. */
  readonly theta: number;
  /** Last outcomes over all skills as bits (newest lowest), at most 5 of them. */
  readonly recentBits: number;
  /** Skills practised so far. */
  readonly distinctSkills: number;
  /** The current run of attempts at the same skills, when the model reads runs (practice-runs.ts). */
  readonly run?: PracticeRun;
  /** Hidden states of the sequence models (sequence-model.ts), one per model, when the model reads them. */
  readonly sequence?: readonly Float64Array[];
}

/**
 * Online ability as an Elo rating against item easiness (Pelánek 2016, "Applications of the Elo rating system in
 * adaptive educational systems", eq. 1 with the uncertainty function K(n) = α / (1 + β·n)):
 *   θ ← θ + K(n) · (y − σ(θ + e_item)),
 * e_item the item's log-odds of a correct answer in the training data (item-easiness.ts). A right answer always raises
 * θ (y − σ > 0), a wrong one always lowers it: "answers better than expected on items of this difficulty".
 */
export interface EloConfig {
  readonly alpha: number;
  readonly beta: number;
  /** Easiness e of an item (log-odds). */
  readonly easiness: (itemId: string) => number;
}

/** Which running statistics a counts state keeps (fixed by the model's feature spec). */
export interface CountsConfig {
  readonly skillEmaRates: readonly number[];
  readonly totalEmaRates: readonly number[];
  /** Longest time window in ms (0: keep no event times). */
  readonly longestWindowMs: number;
  readonly trackItems: boolean;
  readonly bkt?: BktParams;
  readonly elo?: EloConfig;
  /** Related items of an item with their similarities (item-neighbors.ts), when the model uses them. */
  readonly neighbors?: NeighborLookup;
  /** How much easier an item is on a repeat than on a first attempt (item-repeats.ts `repeatGainLookups`). */
  readonly repeatGain?: (itemId: string) => number;
  /** Keep runs of practice (practice-runs.ts). */
  readonly runs?: boolean;
  /** Per-attempt decay factors of decayed right/wrong sums (decayed-evidence.ts), kept per item and/or per skill. */
  readonly decay?: { readonly factors: readonly number[]; readonly item: boolean; readonly skill: boolean };
  /** Sequence models whose mean log-odds is a feature (sequence-model.ts). */
  readonly sequence?: readonly SequenceRunner[];
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
    theta: 0,
    recentBits: 0,
    distinctSkills: 0,
    ...(config.sequence === undefined ? {} : { sequence: config.sequence.map((g) => new Float64Array(g.hidden)) }),
  };
}

/** The counts of a skill (empty if never practised). */
export function skillCountsOf(state: CountsState, skillId: string, config: CountsConfig): SkillCounts {
  const found = mapGet(state.skills, skillId);
  if (found !== undefined) return found;
  let fresh: SkillCounts = { evidence: NO_EVIDENCE, ema: config.skillEmaRates.map(() => 0) };
  if (config.elo !== undefined) fresh = { ...fresh, theta: 0 };
  return config.bkt === undefined ? fresh : { ...fresh, bktKnown: bktParamsFor(config.bkt, skillId).prior };
}

/** The Elo rating after one more answer (see {@link EloConfig}); n is the number of earlier answers it rates. */
function eloStep(theta: number, n: number, outcome: number, easiness: number, elo: EloConfig): number {
  return theta + (elo.alpha / (1 + elo.beta * n)) * (outcome - sigmoid(theta + easiness));
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
  const elo = config.elo;
  const easiness = elo === undefined ? 0 : elo.easiness(observation.itemId);
  let skills = state.skills;
  let distinctSkills = state.distinctSkills;
  const run = config.runs === true ? nextRun(state.run, runKey(observation.skillIds), observation.correct) : undefined;
  const decay = config.decay;
  for (const skillId of new Set(observation.skillIds)) {
    const current = skillCountsOf(state, skillId, config);
    if (current.evidence.lastIndex < 0) distinctSkills++;
    let next: SkillCounts = {
      evidence: addEvidence(current.evidence, observation, state.attempts),
      ema: smooth(current.ema, config.skillEmaRates, outcome),
    };
    if (config.bkt !== undefined) {
      next = { ...next, bktKnown: bktStep(current.bktKnown ?? 0.5, observation.correct, bktParamsFor(config.bkt, skillId)) };
    }
    if (elo !== undefined) {
      const n = current.evidence.correct + current.evidence.incorrect;
      next = { ...next, theta: eloStep(current.theta ?? 0, n, outcome, easiness, elo) };
    }
    if (run !== undefined) next = { ...next, runs: nextSkillRuns(current.runs, run) };
    if (decay !== undefined && decay.skill) next = { ...next, decayed: addDecayed(current.decayed, decay.factors, state.attempts, observation.correct) };
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
    const found = mapGet(items, observation.itemId);
    const item = found ?? { correct: 0, incorrect: 0 };
    items = mapSet(items, observation.itemId, {
      correct: item.correct + outcome,
      incorrect: item.incorrect + 1 - outcome,
      last: outcome,
      lastIndex: state.attempts,
      ...(elo === undefined ? {} : { residual: outcome - sigmoid(state.theta + easiness) }),
      ...(decay === undefined || !decay.item ? {} : { decayed: addDecayed(found?.decayed, decay.factors, state.attempts, observation.correct) }),
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
    theta: elo === undefined ? 0 : eloStep(state.theta, state.attempts, outcome, easiness, elo),
    recentBits: ((state.recentBits << 1) | outcome) & 31,
    distinctSkills,
    ...(run === undefined ? {} : { run }),
    ...(config.sequence === undefined
      ? {}
      : {
          sequence: config.sequence.map((g, k) =>
            g.step(state.sequence?.[k] ?? new Float64Array(g.hidden), observation.itemId, observation.skillIds, observation.correct),
          ),
        }),
  };
  return time === undefined ? next : { ...next, lastTime: time };
}
