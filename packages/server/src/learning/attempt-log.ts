import type { CheckResult, Item } from "@attune/content";
import type { Kysely } from "kysely";
import { compiledQuery, paramsFor } from "../db/compiled-query.ts";
import type { AttemptsTable, Database } from "../db/schema.ts";
import type { Actor } from "../http/app-env.ts";

export type AttemptRecord = {
  id: string;
  courseId: string;
  item: Item;
  response: unknown;
  check: CheckResult;
  /** What the learner was shown (stored so a retried request answers the same). */
  result: unknown;
  hintsUsed: number;
  durationMs: number | undefined;
  context: "practice" | "review" | "lesson" | "placement";
  at: string;
};

const ATTEMPT_COLUMNS = ["learner_id", "id", "school_id", "course_id", "item_id", "skill_ids", "correct", "response", "result", "hints_used", "duration_ms", "context", "answered_at"] as const;

const insertAttempt = compiledQuery<AttemptsTable, unknown>((db, param) => db.insertInto("attempts").values(paramsFor(param, ATTEMPT_COLUMNS)));

/** Appends one answer to the evidence log (append-only: rows are never updated). */
export async function appendToAttemptLog(db: Kysely<Database>, actor: Actor, attempt: AttemptRecord): Promise<void> {
  await insertAttempt.execute(db, {
    learner_id: actor.id,
    id: attempt.id,
    school_id: actor.schoolId,
    course_id: attempt.courseId,
    item_id: attempt.item.id,
    skill_ids: JSON.stringify(attempt.item.skills),
    correct: attempt.check.correct ? 1 : 0,
    response: JSON.stringify({ response: attempt.response, normalized: attempt.check.normalized }),
    result: JSON.stringify(attempt.result),
    hints_used: attempt.hintsUsed,
    duration_ms: attempt.durationMs ?? null,
    context: attempt.context,
    answered_at: attempt.at,
  });
}
