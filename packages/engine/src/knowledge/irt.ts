import { addEvidence, explainEvidence, NO_EVIDENCE, type SkillEvidence } from "./evidence.ts";
import { calibrateIrt, type IrtItem } from "./irt-fit.ts";
import { sigmoid } from "./logistic.ts";
import { emptyMap, mapGet, mapSet, type PersistentMap } from "./persistent-map.ts";
import type { ItemRef, KnowledgeTracer, LearnerHistory, MasteryExplanation, SerializedModel } from "./tracer.ts";

/** Serializable IRT parameters: calibrated items and skills, and the ability prior of a new learner. */
export interface IrtParams {
  readonly kind: "1pl" | "2pl";
  readonly itemIds: readonly string[];
  readonly difficulty: readonly number[];
  readonly discrimination: readonly number[];
  readonly skillIds: readonly string[];
  readonly skillDifficulty: readonly number[];
  readonly skillDiscrimination: readonly number[];
  /** θ ~ N(mean, variance) before any answer (the calibration's ability distribution). */
  readonly abilityMean: number;
  readonly abilityVariance: number;
}

/** A learner's IRT state: a Gaussian belief about ability θ, plus per-skill evidence for explanations. */
export interface IrtState {
  readonly attempts: number;
  readonly abilityMean: number;
  readonly abilityVariance: number;
  readonly skills: PersistentMap<SkillEvidence>;
}

/** Current format version of serialized IRT parameters. */
export const IRT_FORMAT_VERSION = 1;

/** Calibrates IRT on histories and packs the result as {@link IrtParams}. */
export function fitIrtParams(histories: readonly LearnerHistory[], kind: "1pl" | "2pl"): IrtParams {
  const c = calibrateIrt(histories, { kind });
  const itemIds = [...c.items.keys()].sort();
  const skillIds = [...c.skills.keys()].sort();
  const item = (id: string): IrtItem => c.items.get(id) as IrtItem;
  const skill = (id: string): IrtItem => c.skills.get(id) as IrtItem;
  return {
    kind,
    itemIds,
    difficulty: itemIds.map((id) => item(id).difficulty),
    discrimination: itemIds.map((id) => item(id).discrimination),
    skillIds,
    skillDifficulty: skillIds.map((id) => skill(id).difficulty),
    skillDiscrimination: skillIds.map((id) => skill(id).discrimination),
    // The calibration's prior is N(0, 1); a new learner is a draw from it.
    abilityMean: 0,
    abilityVariance: 1,
  };
}

/**
 * IRT as a knowledge tracer: item parameters stay fixed and the learner's ability is tracked online by assumed
 * density filtering — after each answer the Gaussian belief N(μ, v) is replaced by the Laplace approximation of the
 * posterior, one Newton step of the log-posterior (the same update as Glickman's 1999 rating system):
 *   p = σ(a(μ − b)),   1/v' = 1/v + a²p(1 − p),   μ' = μ + v'·a(y − p).
 * Predictions integrate over the belief with the probit approximation (MacKay 1992): σ(a(μ − b)/√(1 + πa²v/8)).
 */
export function createIrtTracer(params: IrtParams): KnowledgeTracer<IrtState> {
  const items = new Map<string, IrtItem>();
  params.itemIds.forEach((id, i) => items.set(id, { difficulty: params.difficulty[i] as number, discrimination: params.discrimination[i] as number }));
  const skills = new Map<string, IrtItem>();
  params.skillIds.forEach((id, i) =>
    skills.set(id, { difficulty: params.skillDifficulty[i] as number, discrimination: params.skillDiscrimination[i] as number }),
  );
  const typical: IrtItem = {
    difficulty: mean(params.difficulty),
    discrimination: params.discrimination.length > 0 ? mean(params.discrimination) : 1,
  };
  // Items never calibrated borrow their skills' typical parameters.
  const itemFor = (ref: ItemRef): IrtItem => {
    const known = items.get(ref.itemId);
    if (known !== undefined) return known;
    const tagged = ref.skillIds.map((s) => skills.get(s)).filter((s): s is IrtItem => s !== undefined);
    if (tagged.length === 0) return typical;
    return { difficulty: mean(tagged.map((s) => s.difficulty)), discrimination: mean(tagged.map((s) => s.discrimination)) };
  };
  // Mastery = P(correct) on a typical item of the skill at the mean ability (no variance term, so it only moves
  // with μ, which a correct answer never lowers).
  const masteryAt = (mu: number, skillId: string): number => {
    const s = skills.get(skillId) ?? typical;
    return sigmoid(s.discrimination * (mu - s.difficulty));
  };
  const model = params.kind === "2pl" ? "irt-2pl" : "irt";
  return {
    model,
    forgets: false,
    initialState: () => ({ attempts: 0, abilityMean: params.abilityMean, abilityVariance: params.abilityVariance, skills: emptyMap() }),
    update(state, observation) {
      const { difficulty: b, discrimination: a } = itemFor(observation);
      const p = sigmoid(a * (state.abilityMean - b));
      const variance = 1 / (1 / state.abilityVariance + a * a * p * (1 - p));
      const y = observation.correct ? 1 : 0;
      let evidence = state.skills;
      for (const skillId of new Set(observation.skillIds)) {
        evidence = mapSet(evidence, skillId, addEvidence(mapGet(state.skills, skillId) ?? NO_EVIDENCE, observation, state.attempts));
      }
      return {
        attempts: state.attempts + 1,
        abilityMean: state.abilityMean + variance * a * (y - p),
        abilityVariance: variance,
        skills: evidence,
      };
    },
    predict(state, item) {
      const { difficulty: b, discrimination: a } = itemFor(item);
      return sigmoid((a * (state.abilityMean - b)) / Math.sqrt(1 + (Math.PI * a * a * state.abilityVariance) / 8));
    },
    mastery: (state, skillId) => masteryAt(state.abilityMean, skillId),
    explain(state, skillId): MasteryExplanation {
      return explainEvidence(
        skillId,
        masteryAt(state.abilityMean, skillId),
        masteryAt(params.abilityMean, skillId),
        mapGet(state.skills, skillId) ?? NO_EVIDENCE,
        state.attempts,
      );
    },
    serialize: (fittedAt?: string): SerializedModel<IrtParams> => ({
      version: IRT_FORMAT_VERSION,
      model,
      ...(fittedAt === undefined ? {} : { fittedAt }),
      params,
    }),
  };
}

function mean(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
