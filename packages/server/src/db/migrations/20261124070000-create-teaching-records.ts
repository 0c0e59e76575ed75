import type { Kysely } from "kysely";

/**
 * What teachers and mentors do with the data: small groups, assignments (to a class, a group or learners, each
 * recipient listed so a later roster change does not rewrite history), mastery overrides (evidence with a reason,
 * undoable), dismissed alerts, notes and one-on-one check-ins with agreed next steps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("learner_groups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("class_id", "text", (c) => c.notNull().references("classes.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("skill_ids", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .execute();
  await db.schema.createIndex("learner_groups_class").on("learner_groups").columns(["class_id", "archived_at"]).execute();
  await db.schema
    .createTable("learner_group_members")
    .addColumn("group_id", "text", (c) => c.notNull().references("learner_groups.id"))
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("learner_group_members_pk", ["group_id", "learner_id"])
    .execute();

  await db.schema
    .createTable("assignments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("class_id", "text", (c) => c.notNull().references("classes.id"))
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("skill_ids", "text", (c) => c.notNull())
    .addColumn("lesson_id", "text")
    .addColumn("item_ids", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("group_id", "text")
    .addColumn("due_at", "text")
    .addColumn("note", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .execute();
  await db.schema.createIndex("assignments_class").on("assignments").columns(["class_id", "archived_at"]).execute();
  await db.schema
    .createTable("assignment_recipients")
    .addColumn("assignment_id", "text", (c) => c.notNull().references("assignments.id"))
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("assignment_recipients_pk", ["assignment_id", "learner_id"])
    .execute();
  await db.schema.createIndex("assignment_recipients_learner").on("assignment_recipients").columns(["learner_id"]).execute();

  await db.schema
    .createTable("mastery_overrides")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id"))
    .addColumn("skill_id", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("state_before", "text")
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("undone_at", "text")
    .addColumn("undone_by", "text")
    .execute();
  await db.schema.createIndex("mastery_overrides_learner").on("mastery_overrides").columns(["learner_id", "course_id"]).execute();

  await db.schema
    .createTable("alert_dismissals")
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("alert_key", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("dismissed_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("dismissed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("alert_dismissals_pk", ["learner_id", "alert_key"])
    .execute();

  await db.schema
    .createTable("learner_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("shared_with_family", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("learner_notes_learner").on("learner_notes").columns(["learner_id", "created_at"]).execute();

  await db.schema
    .createTable("check_ins")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("mentor_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("scheduled_at", "text", (c) => c.notNull())
    .addColumn("agenda", "text", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("next_steps", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .execute();
  await db.schema.createIndex("check_ins_learner").on("check_ins").columns(["learner_id", "scheduled_at"]).execute();
  // The school report sums lesson time of the last week school-wide.
  await db.schema.createIndex("lesson_views_school_time").on("lesson_views").columns(["school_id", "viewed_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("lesson_views_school_time").execute();
  for (const table of ["check_ins", "learner_notes", "alert_dismissals", "mastery_overrides", "assignment_recipients", "assignments", "learner_group_members", "learner_groups"]) {
    await db.schema.dropTable(table).execute();
  }
}
