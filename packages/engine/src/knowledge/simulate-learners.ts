import { bktPredictCorrect, bktStep, type BktSkillParams } from "./bkt.ts";
import type { LearnerHistory, Observation, Rng } from "./tracer.ts";

/** Options of {@link simulateBktLearners}. */
export interface SimulationOptions {
  readonly learners: number;
  readonly attemptsPerLearner: number;
  /** Items per skill (ids "<skill>/<k>"); default 5. */
  readonly itemsPerSkill?: number;
  /** If set, each attempt also carries the two skills' ids with this probability (multi-skill items). */
  readonly multiSkillRate?: number;
  /** Time of the first attempt (ms) and the gap between attempts; omit for untimed data. */
  readonly startTime?: number;
  readonly gapMs?: number;
  readonly rng: Rng;
}

/**
 * Synthetic learners who follow BKT exactly with known per-skill parameters (Corbett & Anderson 1995), for
 * parameter-recovery tests and policy simulations. Each attempt picks a skill uniformly, then an item of it.
 */
export function simulateBktLearners(skills: Readonly<Record<string, BktSkillParams>>, options: SimulationOptions): LearnerHistory[] {
  const { rng } = options;
  const skillIds = Object.keys(skills).sort();
  const perSkill = options.itemsPerSkill ?? 5;
  const histories: LearnerHistory[] = [];
  for (let u = 0; u < options.learners; u++) {
    const known = new Map<string, boolean>();
    for (const s of skillIds) known.set(s, rng() < (skills[s] as BktSkillParams).prior);
    const observations: Observation[] = [];
    for (let t = 0; t < options.attemptsPerLearner; t++) {
      const skillId = skillIds[Math.floor(rng() * skillIds.length)] as string;
      const p = skills[skillId] as BktSkillParams;
      const isKnown = known.get(skillId) as boolean;
      const correct = rng() < bktPredictCorrect(isKnown ? 1 : 0, p);
      const itemId = `${skillId}/${Math.floor(rng() * perSkill)}`;
      const other = skillIds[(skillIds.indexOf(skillId) + 1) % skillIds.length] as string;
      const multi = options.multiSkillRate !== undefined && rng() < options.multiSkillRate && other !== skillId;
      const base = { itemId: multi ? `${itemId}+${other}` : itemId, skillIds: multi ? [skillId, other] : [skillId], correct };
      observations.push(options.startTime === undefined ? base : { ...base, time: options.startTime + t * (options.gapMs ?? 60_000) });
      // The hidden state moves by BKT's transition: learn with P(T) if unknown, forget with P(F) if known.
      known.set(skillId, bktStep(isKnown ? 1 : 0, correct, p) > rng());
    }
    histories.push({ learnerId: `learner-${u}`, observations });
  }
  return histories;
}
