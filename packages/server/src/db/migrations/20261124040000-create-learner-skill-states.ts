import type { Kysely } from "kysely";

/**
 * Each learner's knowledge state per skill: a projection of the attempt log (rebuildable by replaying it),
 * kept as rows so the answer loop reads one row per touched skill and dashboards read a class in one query.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("learner_skill_states")
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id"))
    .addColumn("skill_id", "text", (c) => c.notNull())
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("p_known", "real", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("correct", "integer", (c) => c.notNull())
    .addColumn("hints_used", "integer", (c) => c.notNull())
    .addColumn("recent", "text", (c) => c.notNull())
    .addColumn("last_practiced_at", "text")
    .addColumn("mastered_at", "text")
    .addColumn("memory", "text")
    .addColumn("review_due_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("learner_skill_states_pk", ["learner_id", "course_id", "skill_id"])
    .execute();
  await db.schema.createIndex("learner_skill_states_course").on("learner_skill_states").columns(["school_id", "course_id", "skill_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("learner_skill_states").execute();
}
