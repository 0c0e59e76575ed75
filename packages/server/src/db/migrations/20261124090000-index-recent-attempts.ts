import type { Kysely } from "kysely";

/**
 * Every answer asks for the learner's last 40 attempts in the course (item, time, context, outcome) to choose the
 * next activity. With those columns in the index the query reads 40 index entries and no table rows (an attempt row
 * carries its stored result, a kilobyte or so); `duration_ms` covers the pace and time-on-task reads the same way.
 * It replaces the (learner, course, time) index it extends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("attempts_learner_course_recent").on("attempts").columns(["learner_id", "course_id", "answered_at", "item_id", "context", "correct", "duration_ms"]).execute();
  await db.schema.dropIndex("attempts_learner_course_time").ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("attempts_learner_course_time").on("attempts").columns(["learner_id", "course_id", "answered_at"]).execute();
  await db.schema.dropIndex("attempts_learner_course_recent").ifExists().execute();
}
