import type { SkillMastery } from "@attune/contract";

/** Where a learner stands on a skill, as the map shows it (always in words and an icon, never colour alone). */
export type SkillStatus = "mastered" | "review" | "in-progress" | "ready" | "locked";

export const SKILL_STATUSES: readonly SkillStatus[] = ["mastered", "review", "in-progress", "ready", "locked"];

/**
 * Mastered skills need review once their FSRS review date has passed; a skill is locked while a prerequisite is
 * not mastered; otherwise it is in progress once answered and ready before that.
 */
export function skillStatus(skill: SkillMastery, byId: ReadonlyMap<string, SkillMastery>, now: number): SkillStatus {
  if (skill.mastered) return skill.reviewDueAt && Date.parse(skill.reviewDueAt) <= now ? "review" : "mastered";
  if (skill.prerequisites.some((p) => byId.has(p) && !byId.get(p)!.mastered)) return "locked";
  return skill.attempts > 0 ? "in-progress" : "ready";
}

/** The prerequisites still to master before the skill unlocks. */
export function missingPrerequisites(skill: SkillMastery, byId: ReadonlyMap<string, SkillMastery>): SkillMastery[] {
  return skill.prerequisites.map((p) => byId.get(p)).filter((p): p is SkillMastery => p !== undefined && !p.mastered);
}

/** z for a two-sided 80% interval: wide enough to be honest, narrow enough to mean something to a learner. */
const Z = 1.2816;
/** The starting guess counts as this many answers' worth of evidence. */
const PRIOR_ANSWERS = 2;

/**
 * How far the estimate could plausibly be off, given how much evidence it rests on: the Wilson score interval
 * (Wilson 1927) of the estimate as if it were a proportion over the learner's answers plus two answers' worth of
 * prior. It is a display aid, not a posterior: BKT gives one probability, and this shows that a 60% built on one
 * answer is far less firm than a 60% built on twenty.
 */
export function masteryRange(mastery: number, answers: number): { low: number; high: number } {
  const p = Math.min(1, Math.max(0, mastery));
  const n = Math.max(0, answers) + PRIOR_ANSWERS;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The estimate itself always lies inside its range.
  return { low: Math.min(p, Math.max(0, centre - half)), high: Math.max(p, Math.min(1, centre + half)) };
}

/** Whole percent, as the map prints it. */
export const percent = (p: number) => Math.round(p * 100);
