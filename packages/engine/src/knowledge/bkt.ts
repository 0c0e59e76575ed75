import { addEvidence, explainEvidence, NO_EVIDENCE, type SkillEvidence } from "./evidence.ts";
import { emptyMap, mapGet, mapSet, type PersistentMap } from "./persistent-map.ts";
import type { ItemRef, KnowledgeTracer, MasteryExplanation, Observation, SerializedModel } from "./tracer.ts";

/**
 * Bayesian Knowledge Tracing parameters of one skill (Corbett & Anderson 1995, "Knowledge tracing: Modeling the
 * acquisition of procedural knowledge"), with the forgetting extension of pyBKT (Badrinath et al. 2021).
 */
export interface BktSkillParams {
  /** P(L₀): skill known before the first attempt. */
  readonly prior: number;
  /** P(T): unknown → known between attempts. */
  readonly learn: number;
  /** P(G): correct although unknown. */
  readonly guess: number;
  /** P(S): wrong although known. */
  readonly slip: number;
  /** P(F): known → unknown between attempts (0 in classic BKT). */
  readonly forget: number;
}

/** Fitted BKT: one parameter set per skill id, and a fallback for skills the fit never saw. */
export interface BktParams {
  readonly forgetting: boolean;
  readonly skills: Readonly<Record<string, BktSkillParams>>;
  readonly fallback: BktSkillParams;
}

/** P(correct) given P(known) (Corbett & Anderson 1995, eq. 5): P(L)(1 − S) + (1 − P(L))G. */
export function bktPredictCorrect(pKnown: number, p: BktSkillParams): number {
  return pKnown * (1 - p.slip) + (1 - pKnown) * p.guess;
}

/**
 * P(known) after observing one answer and then the chance to learn or forget before the next attempt
 * (Corbett & Anderson 1995, eqs. 2–4; forgetting as in pyBKT):
 *   posterior = P(L)(1−S) / P(correct)        if correct
 *             = P(L)S / (1 − P(correct))      if wrong
 *   next      = posterior(1 − F) + (1 − posterior)T
 */
export function bktStep(pKnown: number, correct: boolean, p: BktSkillParams): number {
  const known = correct ? pKnown * (1 - p.slip) : pKnown * p.slip;
  const unknown = correct ? (1 - pKnown) * p.guess : (1 - pKnown) * (1 - p.guess);
  const posterior = known / (known + unknown);
  return posterior * (1 - p.forget) + (1 - posterior) * p.learn;
}

/** Per-skill BKT state: P(known) before the next attempt, plus the evidence for explanations. */
export interface BktSkillState {
  readonly pKnown: number;
  readonly evidence: SkillEvidence;
}

/** A learner's BKT knowledge state. */
export interface BktState {
  readonly attempts: number;
  readonly skills: PersistentMap<BktSkillState>;
}

/** The parameters BKT uses for `skillId` (the fallback for skills not seen when fitting). */
export function bktParamsFor(params: BktParams, skillId: string): BktSkillParams {
  return params.skills[skillId] ?? params.fallback;
}

/** The BKT skill state of a learner (the prior if the skill was never practised). */
export function bktSkillState(params: BktParams, state: BktState, skillId: string): BktSkillState {
  return mapGet(state.skills, skillId) ?? { pKnown: bktParamsFor(params, skillId).prior, evidence: NO_EVIDENCE };
}

/** Applies one observation to every skill it is tagged with; each skill uses its own parameters. */
export function bktUpdate(params: BktParams, state: BktState, observation: Observation): BktState {
  let skills = state.skills;
  for (const skillId of new Set(observation.skillIds)) {
    const current = bktSkillState(params, state, skillId);
    skills = mapSet(skills, skillId, {
      pKnown: bktStep(current.pKnown, observation.correct, bktParamsFor(params, skillId)),
      evidence: addEvidence(current.evidence, observation, state.attempts),
    });
  }
  return { attempts: state.attempts + 1, skills };
}

/**
 * P(correct) for an item. A multi-skill item averages its skills' predictions: a compensatory choice that stays
 * calibrated when the fit treated skill combinations as their own skills (as pyBKT does on these data sets);
 * a conjunctive product would understate success on items tagged with many skills.
 */
export function bktPredict(params: BktParams, state: BktState, item: ItemRef): number {
  if (item.skillIds.length === 0) return bktPredictCorrect(params.fallback.prior, params.fallback);
  let sum = 0;
  for (const skillId of item.skillIds) {
    sum += bktPredictCorrect(bktSkillState(params, state, skillId).pKnown, bktParamsFor(params, skillId));
  }
  return sum / item.skillIds.length;
}

/** Current format version of serialized BKT parameters. */
export const BKT_FORMAT_VERSION = 1;

/** A knowledge tracer over fitted BKT parameters (named "bkt" or "bkt-forget"). */
export function createBktTracer(params: BktParams): KnowledgeTracer<BktState> {
  const model = params.forgetting ? "bkt-forget" : "bkt";
  return {
    model,
    forgets: params.forgetting,
    initialState: () => ({ attempts: 0, skills: emptyMap() }),
    update: (state, observation) => bktUpdate(params, state, observation),
    predict: (state, item) => bktPredict(params, state, item),
    mastery: (state, skillId) => bktSkillState(params, state, skillId).pKnown,
    explain(state, skillId): MasteryExplanation {
      const s = bktSkillState(params, state, skillId);
      return explainEvidence(skillId, s.pKnown, bktParamsFor(params, skillId).prior, s.evidence, state.attempts);
    },
    serialize: (fittedAt?: string): SerializedModel<BktParams> => ({
      version: BKT_FORMAT_VERSION,
      model,
      ...(fittedAt === undefined ? {} : { fittedAt }),
      params,
    }),
  };
}
