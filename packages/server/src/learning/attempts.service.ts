import { type AnswerResponse, checkAnswer } from "@attune/content";
import type { AttemptResult, MasteryChange, RecordAttemptInput } from "@attune/contract";
import { type BktParams, bktParamsFor } from "@attune/engine";
import type { Kysely } from "kysely";
import { compiledQuery, paramsFor } from "../db/compiled-query.ts";
import type { Dialect } from "../db/database.ts";
import type { Database, LearnerSkillStatesTable } from "../db/schema.ts";
import type { Actor, Deps } from "../http/app-env.ts";
import { notFound } from "../http/errors.ts";
import { bktParamsForCourse } from "./bkt-params.ts";
import { type CourseContent, courseMarkdownHtml } from "./course-content.ts";
import { appendToAttemptLog } from "./attempt-log.ts";
import { learnerCourseContent } from "./learner-access.ts";
import { learnerNextActivity, selectSkillStates } from "./next-activity.service.ts";
import { nextSkillState } from "./skill-state.ts";

type StoredResult = Omit<AttemptResult, "duplicate" | "masteryChanges" | "next"> & { masteryChanges: MasteryChange[] };

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === "23505" || e.code === "SQLITE_CONSTRAINT_PRIMARYKEY" || /UNIQUE constraint failed/.test(e.message ?? "");
}

const SKILL_STATE_KEY = ["learner_id", "course_id", "skill_id", "school_id"] as const;
const SKILL_STATE_VALUES = ["p_known", "attempts", "correct", "hints_used", "recent", "last_practiced_at", "mastered_at", "memory", "review_due_at", "updated_at"] as const;

const insertSkillState = compiledQuery<LearnerSkillStatesTable, unknown>((db, param) =>
  db.insertInto("learner_skill_states").values(paramsFor(param, [...SKILL_STATE_KEY, ...SKILL_STATE_VALUES])),
);
// The key columns stay out of SET: SQLite rewrites the entries of every index a SET column is part of.
const updateSkillState = compiledQuery<LearnerSkillStatesTable, unknown>((db, param) =>
  db
    .updateTable("learner_skill_states")
    .set(paramsFor(param, SKILL_STATE_VALUES))
    .where("learner_id", "=", param("learner_id"))
    .where("course_id", "=", param("course_id"))
    .where("skill_id", "=", param("skill_id")),
);

/**
 * Applies one answer to the touched skills' rows (BKT, Corbett & Anderson 1995) and says how mastery moved. Reads
 * all of the learner's rows in the course in one query, because the next activity needs them all: it gets them
 * back as they stand after this answer.
 */
async function updateSkillStates(
  trx: Kysely<Database>,
  params: BktParams,
  course: CourseContent,
  actor: Actor,
  skillIds: string[],
  correct: boolean,
  hintsUsed: number,
  at: string,
): Promise<{ changes: MasteryChange[]; states: LearnerSkillStatesTable[] }> {
  const states = await selectSkillStates.execute(trx, { learnerId: actor.id, courseId: course.id });
  const changes: MasteryChange[] = [];
  for (const skillId of skillIds) {
    const skill = course.skillById.get(skillId);
    if (!skill) continue;
    const index = states.findIndex((r) => r.skill_id === skillId);
    const row = index >= 0 ? states[index] : undefined;
    const { next, change } = nextSkillState(
      row,
      { learner_id: actor.id, course_id: course.id, skill_id: skillId, school_id: actor.schoolId },
      { skillName: skill.name, threshold: skill.masteryThreshold, params: bktParamsFor(params, skillId), correct, hintsUsed, at },
    );
    if (row) {
      await updateSkillState.execute(trx, next);
      states[index] = next;
    } else {
      await insertSkillState.execute(trx, next);
      states.push(next);
    }
    changes.push(change);
  }
  return { changes, states };
}

/**
 * The answer loop's core: checks the answer, appends the attempt (idempotent by the client's attempt id) and
 * updates the learner's knowledge state of every skill the item is tagged with — one transaction.
 */
export async function recordAttempt(deps: Deps, actor: Actor, courseId: string, input: RecordAttemptInput): Promise<AttemptResult> {
  const course = await learnerCourseContent(deps, actor, courseId);
  const params = await bktParamsForCourse(deps.db, course);
  const { states, ...result } = await appendAttempt(deps, actor, course, params, input);
  return { ...result, next: await learnerNextActivity(deps, actor, courseId, { course, params, ...(states ? { states } : {}) }) };
}

async function appendAttempt(
  deps: Deps,
  actor: Actor,
  course: CourseContent,
  params: BktParams,
  input: RecordAttemptInput,
): Promise<Omit<AttemptResult, "next"> & { states?: LearnerSkillStatesTable[] }> {
  const courseId = course.id;
  const item = course.itemById.get(input.itemId);
  // Checked before the transaction opens, so the learner's lock is held only for reads and writes.
  const check = item ? checkAnswer(item, input.response as AnswerResponse) : undefined;
  const at = deps.now().toISOString();
  const hintsUsed = input.hintsUsed ?? 0;

  try {
    return await deps.db.transaction().execute(async (trx) => {
      const existing = await lockLearnerAndFindAttempt(trx, deps.dialect, actor.id, input.attemptId);
      if (existing) return { ...existing, duplicate: true };
      if (!item || !check) throw notFound("Item");
      const { changes: masteryChanges, states } = await updateSkillStates(trx, params, course, actor, item.skills, check.correct, hintsUsed, at);
      const result: StoredResult = {
        attemptId: input.attemptId,
        correct: check.correct,
        ...(check.feedback ? { feedback: check.feedback, feedbackHtml: courseMarkdownHtml(course, check.feedback) } : {}),
        ...(check.formNote ? { formNote: check.formNote } : {}),
        ...(check.misconceptionId ? { misconceptionId: check.misconceptionId } : {}),
        ...(check.correct ? {} : { solution: item.solution, solutionHtml: courseMarkdownHtml(course, item.solution) }),
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
      return { ...result, duplicate: false, states };
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

/**
 * A retried attempt id answers with what was stored. On PostgreSQL the same query locks the learner's row, so one
 * learner's answers apply one at a time (SQLite serialises writers already); a retry that was waiting for the lock
 * behind its own first try reads from before it and meets the unique key on insert instead (handled above).
 */
async function lockLearnerAndFindAttempt(trx: Kysely<Database>, dialect: Dialect, learnerId: string, attemptId: string): Promise<StoredResult | undefined> {
  if (dialect === "sqlite") return findAttempt(trx, learnerId, attemptId);
  const row = await lockLearnerFindAttempt.executeTakeFirst(trx, { learnerId, attemptId });
  return row?.result ? (JSON.parse(row.result) as StoredResult) : undefined;
}

async function findAttempt(db: Kysely<Database>, learnerId: string, attemptId: string): Promise<StoredResult | undefined> {
  const row = await selectAttemptResult.executeTakeFirst(db, { learnerId, attemptId });
  return row ? (JSON.parse(row.result) as StoredResult) : undefined;
}

type AttemptKey = { learnerId: string; attemptId: string };
const selectAttemptResult = compiledQuery<AttemptKey, { result: string }>((db, param) =>
  db.selectFrom("attempts").select("result").where("learner_id", "=", param("learnerId")).where("id", "=", param("attemptId")),
);
const lockLearnerFindAttempt = compiledQuery<AttemptKey, { result: string | null }>((db, param) =>
  db
    .selectFrom("users as u")
    .leftJoin("attempts as a", (join) => join.onRef("a.learner_id", "=", "u.id").on("a.id", "=", param("attemptId")))
    .select("a.result")
    .where("u.id", "=", param("learnerId"))
    .forUpdate("u"),
);
