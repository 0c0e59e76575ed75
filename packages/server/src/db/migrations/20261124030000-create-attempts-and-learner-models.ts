import { type Kysely, sql } from "kysely";

/**
 * The evidence log and what is derived from it. `attempts` is append-only: one row per answer, keyed by the
 * learner and a client-generated id so a retried request never counts twice. `fitted_models` keeps knowledge
 * tracing parameters fitted from a course's attempts (versioned JSON). Classes follow a course.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("classes").addColumn("course_id", "text", (c) => c.references("courses.id")).execute();

  await db.schema
    .createTable("attempts")
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id"))
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("skill_ids", "text", (c) => c.notNull())
    .addColumn("correct", "integer", (c) => c.notNull().check(sql`correct in (0, 1)`))
    .addColumn("response", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("hints_used", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("duration_ms", "integer")
    .addColumn("context", "text", (c) => c.notNull().defaultTo("practice"))
    .addColumn("answered_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("attempts_pk", ["learner_id", "id"])
    .execute();
  await db.schema.createIndex("attempts_learner_course_time").on("attempts").columns(["learner_id", "course_id", "answered_at"]).execute();
  await db.schema.createIndex("attempts_course_item").on("attempts").columns(["course_id", "item_id"]).execute();
  await db.schema.createIndex("attempts_school_time").on("attempts").columns(["school_id", "answered_at"]).execute();

  await db.schema
    .createTable("fitted_models")
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id"))
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("attempts_used", "integer", (c) => c.notNull())
    .addColumn("learners_used", "integer", (c) => c.notNull())
    .addColumn("fitted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("fitted_models_pk", ["course_id", "model"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("fitted_models").execute();
  await db.schema.dropTable("attempts").execute();
  await db.schema.alterTable("classes").dropColumn("course_id").execute();
}
