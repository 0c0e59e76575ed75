import { type AnswerResponse, checkAnswer, renderMarkdown } from "@attune/content";
import type { AttemptResult, MasteryChange, RecordAttemptInput } from "@attune/contract";
import { type BktParams, type MemoryCard, bktParamsFor, bktStep, createMemoryCard, reviewDueAt, reviewMemoryCard } from "@attune/engine";
import type { Kysely } from "kysely";
import type { Database, LearnerSkillStatesTable } from "../db/schema.ts";
import type { Actor, Deps } from "../http/app-env.ts";
import { notFound } from "../http/errors.ts";
import { bktParamsForCourse } from "./bkt-params.ts";
import type { CourseContent } from "./course-content.ts";
import { appendToAttemptLog } from "./attempt-log.ts";
import { assertLearnerInCourse } from "./learner-access.ts";
import { learnerNextActivity } from "./next-activity.service.ts";

type StoredResult = Omit<AttemptResult, "duplicate" | "masteryChanges" | "next"> & { masteryChanges: MasteryChange[] };

const RECENT = 5;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === "23505" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY" || /UNIQUE constraint failed/.test(e.message ?? "");
}

/** Applies one answer to the touched skills' rows (BKT, Corbett & Anderson 1995) and says how mastery moved. */
async function updateSkillStates(
  trx: Kysely<Database>,
  params: BktParams,
  course: CourseContent,
  actor: Actor,
  skillIds: string[],
  correct: boolean,
  hintsUsed: number,
  at: string,
): Promise<MasteryChange[]> {
  const rows = await trx
    .selectFrom("learner_skill_states")
    .selectAll()
    .where("learner_id", "=", actor.id)
    .where("course_id", "=", course.id)
    .where("skill_id", "in", skillIds)
    .execute();
  const changes: MasteryChange[] = [];
  for (const skillId of skillIds) {
    const skill = course.skillById.get(skillId);
    if (!skill) continue;
    const p = bktParamsFor(params, skillId);
    const row = rows.find((r) => r.skill_id === skillId);
    const before = row?.p_known ?? p.prior;
    const after = bktStep(before, correct, p);
    const wasMastered = row?.mastered_at != null;
    const mastered = after >= skill.masteryThreshold;
    const recent = [...((row ? JSON.parse(row.recent) : []) as boolean[]), correct].slice(-RECENT);
    // Spaced review (FSRS): a skill gets a memory card when first mastered; an answer at a mastered skill is a
    // review that reschedules it. A failed review also lowers mastery above, which may reopen practice.
    const now = Date.parse(at);
    let card = row?.memory ? (JSON.parse(row.memory) as MemoryCard) : null;
    if (card && wasMastered) card = reviewMemoryCard(card, now, { correct });
    else if (!card && mastered) card = createMemoryCard(now);
    const next: LearnerSkillStatesTable = {
      learner_id: actor.id,
      course_id: course.id,
      skill_id: skillId,
      school_id: actor.schoolId,
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
    };
    if (row) {
      await trx
        .updateTable("learner_skill_states")
        .set(next)
        .where("learner_id", "=", actor.id)
        .where("course_id", "=", course.id)
        .where("skill_id", "=", skillId)
        .execute();
    } else {
      await trx.insertInto("learner_skill_states").values(next).execute();
    }
    changes.push({ skillId, name: skill.name, before, after, mastered, gained: mastered && !wasMastered, lost: wasMastered && !mastered });
  }
  return changes;
}

/**
 * The answer loop's core: checks the answer, appends the attempt (idempotent by the client's attempt id) and
 * updates the learner's knowledge state of every skill the item is tagged with — one transaction.
 */
export async function recordAttempt(deps: Deps, actor: Actor, courseId: string, input: RecordAttemptInput): Promise<AttemptResult> {
  await assertLearnerInCourse(deps.db, actor, courseId);
  const course = await deps.courses.get(courseId);
  const params = await bktParamsForCourse(deps.db, course);
  const result = await appendAttempt(deps, actor, course, params, input);
  return { ...result, next: await learnerNextActivity(deps, actor, courseId, { course, params }) };
}

async function appendAttempt(
  deps: Deps,
  actor: Actor,
  course: CourseContent,
  params: BktParams,
  input: RecordAttemptInput,
): Promise<Omit<AttemptResult, "next">> {
  const courseId = course.id;
  const existing = await findAttempt(deps.db, actor.id, input.attemptId);
  if (existing) return { ...existing, duplicate: true };

  const item = course.itemById.get(input.itemId);
  if (!item) throw notFound("Item");
  const check = checkAnswer(item, input.response as AnswerResponse);
  const at = deps.now().toISOString();
  const hintsUsed = input.hintsUsed ?? 0;

  try {
    return await deps.db.transaction().execute(async (trx) => {
      // One learner's answers are applied one at a time (SQLite serialises writers already; PostgreSQL needs the lock).
      if (deps.dialect === "postgres") await trx.selectFrom("users").select("id").where("id", "=", actor.id).forUpdate().execute();
      const masteryChanges = await updateSkillStates(trx, params, course, actor, item.skills, check.correct, hintsUsed, at);
      const result: StoredResult = {
        attemptId: input.attemptId,
        correct: check.correct,
        ...(check.feedback ? { feedback: check.feedback, feedbackHtml: renderMarkdown(check.feedback) } : {}),
        ...(check.formNote ? { formNote: check.formNote } : {}),
        ...(check.misconceptionId ? { misconceptionId: check.misconceptionId } : {}),
        ...(check.correct ? {} : { solution: item.solution, solutionHtml: renderMarkdown(item.solution) }),
        masteryChanges,
      };
      await appendToAttemptLog(trx, actor, {
        id: input.attemptId,
        courseId,
        item,
        response: input.response,
        check,
        result,
        hintsUsed,
        durationMs: input.durationMs,
        context: input.context ?? "practice",
        at,
      });
      return { ...result, duplicate: false };
    });
  } catch (error) {
    // The same attempt id arrived twice at once: the first one won; answer as for any retry.
    if (isUniqueViolation(error)) {
      const stored = await findAttempt(deps.db, actor.id, input.attemptId);
      if (stored) return { ...stored, duplicate: true };
    }
    throw error;
  }
}

async function findAttempt(db: Kysely<Database>, learnerId: string, attemptId: string): Promise<StoredResult | undefined> {
  const row = await db.selectFrom("attempts").select("result").where("learner_id", "=", learnerId).where("id", "=", attemptId).executeTakeFirst();
  return row ? (JSON.parse(row.result) as StoredResult) : undefined;
}
