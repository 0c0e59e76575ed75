import type { MasteryChange } from "@attune/contract";
import { type BktParams, type MemoryCard, bktParamsFor, createMemoryCard, reviewDueAt } from "@attune/engine";
import type { LearnerSkillStatesTable } from "../db/schema.ts";
import type { CourseContent } from "../learning/course-content.ts";
import { nextSkillState } from "../learning/skill-state.ts";


/**
 * One demo learner's knowledge state in memory, changed exactly as the answer loop (`attempts.service.ts`) and a
 * finished placement (`placement.service.ts`) change `learner_skill_states`: BKT per skill (Corbett & Anderson 1995),
 * the FSRS card made on first mastery and reviewed by every later answer while mastered. The demo writes the rows
 * once at the end instead of one update per answer; a test replays the attempts to check they agree.
 */
export class DemoKnowledgeState {
  private readonly rows = new Map<string, LearnerSkillStatesTable>();
  /** Parsed memory cards, so the policy's input is not re-parsed on every decision. */
  private readonly cards = new Map<string, MemoryCard>();
  private readonly mastered = new Map<string, number>();

  constructor(
    private readonly course: CourseContent,
    private readonly params: BktParams,
    private readonly learnerId: string,
    private readonly schoolId: string,
  ) {}

  /** P(known) the policy sees: the row's, else the skill's prior. */
  mastery(skillId: string): number {
    return this.rows.get(skillId)?.p_known ?? bktParamsFor(this.params, skillId).prior;
  }

  /** The FSRS cards of the rows (a skill that lost mastery keeps its card, as in the database). */
  memory(): ReadonlyMap<string, MemoryCard> {
    return this.cards;
  }

  /** When each skill counting as mastered was mastered (the rows' `mastered_at`). */
  masteredAt(): ReadonlyMap<string, number> {
    return this.mastered;
  }

  isMastered(skillId: string): boolean {
    return this.mastered.has(skillId);
  }

  /** A finished placement seeds every skill without practice evidence yet, as `seedKnowledgeState` does. */
  seedFromPlacement(pKnown: ReadonlyMap<string, number>, at: number): void {
    const iso = new Date(at).toISOString();
    for (const s of this.course.skills) {
      if (this.rows.has(s.id)) continue;
      const p = pKnown.get(s.id) ?? bktParamsFor(this.params, s.id).prior;
      const mastered = p >= s.masteryThreshold;
      const card = mastered ? createMemoryCard(at) : null;
      if (card) this.cards.set(s.id, card);
      if (mastered) this.mastered.set(s.id, at);
      this.rows.set(s.id, {
        learner_id: this.learnerId,
        course_id: this.course.id,
        skill_id: s.id,
        school_id: this.schoolId,
        p_known: p,
        attempts: 0,
        correct: 0,
        hints_used: 0,
        recent: "[]",
        last_practiced_at: null,
        mastered_at: mastered ? iso : null,
        memory: card ? JSON.stringify(card) : null,
        review_due_at: card ? new Date(reviewDueAt(card)).toISOString() : null,
        updated_at: iso,
      });
    }
  }

  /** Applies one answer to the item's skills (the answer loop's `updateSkillStates`) and says how mastery moved. */
  answer(skillIds: readonly string[], correct: boolean, hintsUsed: number, at: string): MasteryChange[] {
    const changes: MasteryChange[] = [];
    for (const skillId of skillIds) {
      const skill = this.course.skillById.get(skillId);
      if (!skill) continue;
      const row = this.rows.get(skillId);
      const { next, change } = nextSkillState(
        row,
        { learner_id: this.learnerId, course_id: this.course.id, skill_id: skillId, school_id: this.schoolId },
        { skillName: skill.name, threshold: skill.masteryThreshold, params: bktParamsFor(this.params, skillId), correct, hintsUsed, at },
      );
      const now = Date.parse(at);
      const card = next.memory ? (JSON.parse(next.memory) as MemoryCard) : null;
      if (card) this.cards.set(skillId, card);
      if (!change.mastered) this.mastered.delete(skillId);
      else if (change.gained) this.mastered.set(skillId, now);
      this.rows.set(skillId, next);
      changes.push(change);
    }
    return changes;
  }

  /** The rows to write. */
  tableRows(): LearnerSkillStatesTable[] {
    return [...this.rows.values()];
  }
}
