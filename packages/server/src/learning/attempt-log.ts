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

/**
 * An answer as its row of the evidence log. The answer loop writes it; the demo seeder and the benches build their
 * simulated histories with it, so they hold exactly what the app would have written.
 */
export function attemptLogRow(learner: { id: string; schoolId: string }, attempt: AttemptRecord): AttemptsTable {
  return {
    learner_id: learner.id,
    id: attempt.id,
    school_id: learner.schoolId,
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
  };
}

/** Appends one answer to the evidence log (append-only: rows are never updated). */
export async function appendToAttemptLog(db: Kysely<Database>, actor: Actor, attempt: AttemptRecord): Promise<void> {
  await insertAttempt.execute(db, attemptLogRow(actor, attempt));
}
