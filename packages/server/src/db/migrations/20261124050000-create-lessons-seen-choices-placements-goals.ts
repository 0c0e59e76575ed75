import type { Kysely } from "kysely";

/**
 * More evidence and intent: lessons a learner opened (with time on task), the activity they chose when it was
 * not the recommended one, placement tests in progress or done, and plan goals.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("lesson_views")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id"))
    .addColumn("lesson_id", "text", (c) => c.notNull())
    .addColumn("variant", "text", (c) => c.notNull())
    .addColumn("seconds", "integer", (c) => c.notNull())
    .addColumn("viewed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("lesson_views_learner").on("lesson_views").columns(["learner_id", "course_id", "lesson_id"]).execute();

  await db.schema
    .createTable("activity_choices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id"))
    .addColumn("recommended", "text", (c) => c.notNull())
    .addColumn("chosen", "text", (c) => c.notNull())
    .addColumn("chosen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("activity_choices_learner").on("activity_choices").columns(["learner_id", "chosen_at"]).execute();

  await db.schema
    .createTable("placements")
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id"))
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addPrimaryKeyConstraint("placements_pk", ["learner_id", "course_id"])
    .execute();

  await db.schema
    .createTable("goals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("skill_ids", "text", (c) => c.notNull())
    .addColumn("unit_id", "text")
    .addColumn("target_date", "text", (c) => c.notNull())
    .addColumn("minutes_per_week", "integer", (c) => c.notNull())
    .addColumn("set_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .execute();
  await db.schema.createIndex("goals_learner").on("goals").columns(["learner_id", "course_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["goals", "placements", "activity_choices", "lesson_views"]) await db.schema.dropTable(table).execute();
}
