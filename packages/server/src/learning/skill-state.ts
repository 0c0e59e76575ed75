import type { MasteryChange } from "@attune/contract";
import { type BktSkillParams, type MemoryCard, bktStep, createMemoryCard, reviewDueAt, reviewMemoryCard } from "@attune/engine";
import type { LearnerSkillStatesTable } from "../db/schema.ts";

/** How many of the last outcomes a skill's row keeps. */
export const RECENT_OUTCOMES = 5;

/**
 * One answer applied to one skill's knowledge-state row (BKT, Corbett & Anderson 1995): the new row and how mastery
 * moved. Spaced review (FSRS): a skill gets a memory card when first mastered; an answer at a mastered skill is a
 * review that reschedules it, and a failed review also lowers mastery, which may reopen practice. The answer loop
 * and the demo seeder both use it, so simulated histories are exactly what the app would have written.
 */
export function nextSkillState(
  row: LearnerSkillStatesTable | undefined,
  key: Pick<LearnerSkillStatesTable, "learner_id" | "course_id" | "skill_id" | "school_id">,
  answer: { skillName: string; threshold: number; params: BktSkillParams; correct: boolean; hintsUsed: number; at: string },
): { next: LearnerSkillStatesTable; change: MasteryChange } {
  const { correct, at } = answer;
  const before = row?.p_known ?? answer.params.prior;
  const after = bktStep(before, correct, answer.params);
  const wasMastered = row?.mastered_at != null;
  const mastered = after >= answer.threshold;
  const recent = [...((row ? JSON.parse(row.recent) : []) as boolean[]), correct].slice(-RECENT_OUTCOMES);
  const now = Date.parse(at);
  let card = row?.memory ? (JSON.parse(row.memory) as MemoryCard) : null;
  if (card && wasMastered) card = reviewMemoryCard(card, now, { correct });
  else if (!card && mastered) card = createMemoryCard(now);
  // The key's columns are listed one by one: on Node 20, `{ ...key, …ten more properties }` took ~11 µs a call
  // (every property added after a spread is slow), two thirds of this function's time; this literal takes ~0.3 µs.
  const next: LearnerSkillStatesTable = {
    learner_id: key.learner_id,
    course_id: key.course_id,
    skill_id: key.skill_id,
    school_id: key.school_id,
    p_known: after,
    attempts: (row?.attempts ?? 0) + 1,
    correct: (row?.correct ?? 0) + (correct ? 1 : 0),
    hints_used: (row?.hints_used ?? 0) + answer.hintsUsed,
    recent: JSON.stringify(recent),
    last_practiced_at: at,
    mastered_at: mastered ? (row?.mastered_at ?? at) : null,
    memory: card ? JSON.stringify(card) : null,
    review_due_at: card ? new Date(reviewDueAt(card)).toISOString() : null,
    updated_at: at,
  };
  const change = { skillId: key.skill_id, name: answer.skillName, before, after, mastered, gained: mastered && !wasMastered, lost: wasMastered && !mastered };
  return { next, change };
}
