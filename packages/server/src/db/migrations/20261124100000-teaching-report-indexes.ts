import type { Kysely } from "kysely";

/**
 * Covering indexes for the school report (`school-report.service.ts`), so its two largest grouped queries read an
 * index alone instead of fetching every row they count (measured by `bench/teaching/dashboard.bench.ts`, 2,000
 * learners and 100,000 attempts in two weeks: on PostgreSQL a parallel seq scan of `attempts` became an index-only
 * scan, 1.5 s → 0.14 s; on SQLite 50,000 row lookups went, ~3× less CPU):
 * - a week of a school's attempts grouped by learner and course, summing `duration_ms`: the report was the only
 *   reader of `attempts_school_time` (school_id, answered_at), which this index extends, so that one is dropped;
 * - a school's mastered skills counted per learner and course.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("attempts_school_time_learner")
    .on("attempts")
    .columns(["school_id", "answered_at", "learner_id", "course_id", "duration_ms"])
    .execute();
  await db.schema.dropIndex("attempts_school_time").ifExists().execute();
  await db.schema
    .createIndex("learner_skill_states_school_learner")
    .on("learner_skill_states")
    .columns(["school_id", "learner_id", "course_id", "mastered_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("learner_skill_states_school_learner").ifExists().execute();
  await db.schema.createIndex("attempts_school_time").on("attempts").columns(["school_id", "answered_at"]).execute();
  await db.schema.dropIndex("attempts_school_time_learner").ifExists().execute();
}
