import { type CheckResult, type SingleChoiceItem, checkAnswer, renderMarkdown } from "@attune/content";
import type { MasteryChange } from "@attune/contract";
import { type BktParams, type MemoryCard, bktParamsFor, bktStep, createMemoryCard, reviewDueAt, reviewMemoryCard } from "@attune/engine";
import type { LearnerSkillStatesTable } from "../../packages/server/src/db/schema.ts";
import type { CourseContent } from "../../packages/server/src/learning/course-content.ts";

const RECENT = 5;

export type CheckedChoice = { response: string; check: CheckResult; shown: Record<string, unknown> };

/**
 * The answers a synthetic learner picks, checked once per (item, choice) by the real checker, with the fields the
 * answer loop stores in an attempt's result for them (`attempts.service.ts`: feedback, solution, misconception).
 */
export class ChoiceBook {
  private readonly cache = new Map<string, CheckedChoice>();

  answer(item: SingleChoiceItem, correct: boolean, rng: () => number): CheckedChoice {
    const choices = item.choices.filter((c) => (c.correct ?? false) === correct);
    const choice = choices[Math.floor(rng() * choices.length)]!;
    const key = `${item.id}|${choice.id}`;
    let checked = this.cache.get(key);
    if (!checked) {
      const check = checkAnswer(item, choice.id);
      const shown = {
        ...(check.feedback ? { feedback: check.feedback, feedbackHtml: renderMarkdown(check.feedback) } : {}),
        ...(check.formNote ? { formNote: check.formNote } : {}),
        ...(check.misconceptionId ? { misconceptionId: check.misconceptionId } : {}),
        ...(check.correct ? {} : { solution: item.solution, solutionHtml: renderMarkdown(item.solution) }),
      };
      this.cache.set(key, (checked = { response: choice.id, check, shown }));
    }
    return checked;
  }
}

/**
 * One learner's `learner_skill_states` rows in memory, changed exactly as the answer loop's `updateSkillStates`
 * changes them: BKT per skill (Corbett & Anderson 1995) and the FSRS card made on first mastery and reviewed by
 * every later answer while mastered. The bench writes the rows once at the end.
 */
export class SkillStates {
  private readonly rows = new Map<string, LearnerSkillStatesTable>();
  private readonly cards = new Map<string, MemoryCard>();

  constructor(
    private readonly course: CourseContent,
    private readonly params: BktParams,
    private readonly learnerId: string,
    private readonly schoolId: string,
  ) {}

  isMastered(skillId: string): boolean {
    return this.rows.get(skillId)?.mastered_at != null;
  }

  /** Mastered skills whose review is due at `at`. */
  dueAt(at: number): string[] {
    return [...this.rows.values()].filter((r) => r.mastered_at && r.review_due_at && Date.parse(r.review_due_at) <= at).map((r) => r.skill_id);
  }

  /** Applies one answer to the item's skills and says how mastery moved (the stored `masteryChanges`). */
  answer(skillIds: readonly string[], correct: boolean, hintsUsed: number, at: string): MasteryChange[] {
    const changes: MasteryChange[] = [];
    for (const skillId of skillIds) {
      const skill = this.course.skillById.get(skillId);
      if (!skill) continue;
      const p = bktParamsFor(this.params, skillId);
      const row = this.rows.get(skillId);
      const before = row?.p_known ?? p.prior;
      const after = bktStep(before, correct, p);
      const wasMastered = row?.mastered_at != null;
      const mastered = after >= skill.masteryThreshold;
      const recent = [...((row ? JSON.parse(row.recent) : []) as boolean[]), correct].slice(-RECENT);
      const now = Date.parse(at);
      let card = this.cards.get(skillId) ?? null;
      if (card && wasMastered) card = reviewMemoryCard(card, now, { correct });
      else if (!card && mastered) card = createMemoryCard(now);
      if (card) this.cards.set(skillId, card);
      this.rows.set(skillId, {
        learner_id: this.learnerId,
        course_id: this.course.id,
        skill_id: skillId,
        school_id: this.schoolId,
        p_known: after,
        attempts: (row?.attempts ?? 0) + 1,
        correct: (row?.correct ?? 0) + (correct ? 1 : 0),
        hints_used: (row?.hints_used ?? 0) + hintsUsed,
        recent: JSON.stringify(recent),
        last_practiced_at: at,
        mastered_at: mastered ? (row?.mastered_at ?? at) : null,
        memory: card ? JSON.stringify(card) : null,
        review_due_at: card ? new Date(reviewDueAt(card)).toISOString() : null,
        updated_at: at,
      });
      changes.push({ skillId, name: skill.name, before, after, mastered, gained: mastered && !wasMastered, lost: wasMastered && !mastered });
    }
    return changes;
  }

  tableRows(): LearnerSkillStatesTable[] {
    return [...this.rows.values()];
  }
}
