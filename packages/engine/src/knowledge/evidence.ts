import type { MasteryExplanation, Observation } from "./tracer.ts";

/** How many recent outcomes a skill keeps for explanations. */
const RECENT = 5;

/** Plain counts of a learner's evidence on one skill, kept by every tracer so `explain` can speak in these terms. */
export interface SkillEvidence {
  readonly correct: number;
  readonly incorrect: number;
  readonly hintsUsed: number;
  /** Last outcomes, oldest first. */
  readonly recent: readonly boolean[];
  /** Index (0-based, over all the learner's attempts) of the last attempt at this skill. */
  readonly lastIndex: number;
  readonly lastTime?: number;
}

/** The evidence of a skill never practised. */
export const NO_EVIDENCE: SkillEvidence = Object.freeze({ correct: 0, incorrect: 0, hintsUsed: 0, recent: [], lastIndex: -1 });

/** Evidence after one more observation at this skill; `index` is the observation's position in the learner's history. */
export function addEvidence(previous: SkillEvidence, observation: Observation, index: number): SkillEvidence {
  const recent = previous.recent.length >= RECENT ? previous.recent.slice(1) : previous.recent.slice();
  recent.push(observation.correct);
  const next: SkillEvidence = {
    correct: previous.correct + (observation.correct ? 1 : 0),
    incorrect: previous.incorrect + (observation.correct ? 0 : 1),
    hintsUsed: previous.hintsUsed + (observation.hintsUsed ?? 0),
    recent,
    lastIndex: index,
  };
  const lastTime = observation.time ?? previous.lastTime;
  return lastTime === undefined ? next : { ...next, lastTime };
}

function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/**
 * Builds a {@link MasteryExplanation}: the numbers plus a sentence such as
 * "Mastery 82% (started at 40%): 7 right and 2 wrong; last 3: right, right, wrong; last practised 4 attempts ago."
 */
export function explainEvidence(
  skillId: string,
  mastery: number,
  prior: number,
  evidence: SkillEvidence,
  attemptsSoFar: number,
): MasteryExplanation {
  const parts: string[] = [`Mastery ${percent(mastery)} (started at ${percent(prior)})`];
  const base = {
    skillId,
    mastery,
    prior,
    correct: evidence.correct,
    incorrect: evidence.incorrect,
    hintsUsed: evidence.hintsUsed,
    recent: evidence.recent,
  };
  if (evidence.lastIndex < 0) {
    return { ...base, summary: `${parts[0]}: no attempts at this skill yet, so this is the model's prior.` };
  }
  const since = attemptsSoFar - 1 - evidence.lastIndex;
  let text = `${parts[0]}: ${evidence.correct} right and ${evidence.incorrect} wrong`;
  if (evidence.hintsUsed > 0) text += ` (${evidence.hintsUsed} hints used)`;
  text += `; last ${evidence.recent.length}: ${evidence.recent.map((c) => (c ? "right" : "wrong")).join(", ")}`;
  text += since === 0 ? "; practised just now." : `; last practised ${since} attempt${since === 1 ? "" : "s"} ago.`;
  const withSince = { ...base, attemptsSinceLastPractice: since, summary: text };
  return evidence.lastTime === undefined ? withSince : { ...withSince, lastPracticedAt: evidence.lastTime };
}
