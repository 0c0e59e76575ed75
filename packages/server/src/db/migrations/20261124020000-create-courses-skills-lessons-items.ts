import type { Kysely } from "kysely";

/**
 * Course content: courses, skills, lessons, items and projects, keyed by the course's own ids so a re-import
 * matches them. Content is installation-wide (not tenant data: it holds nothing about people). Rows removed
 * from a course are archived, never deleted, so learners' evidence keeps pointing at them.
 * Structured fields (prerequisites, variants, an item's full specification) are JSON text: they are read
 * whole by the engine, never queried inside.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("courses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("level", "text")
    .addColumn("license", "text")
    .addColumn("authors", "text", (c) => c.notNull())
    .addColumn("mastery_threshold", "real", (c) => c.notNull())
    .addColumn("units", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .execute();

  const contentTable = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn("course_id", "text", (c) => c.notNull().references("courses.id"))
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("archived_at", "text")
      .addPrimaryKeyConstraint(`${name}_pk`, ["course_id", "id"]);

  await contentTable("skills")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("prerequisites", "text", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("mastery_threshold", "real")
    .addColumn("bkt", "text")
    .execute();

  await contentTable("lessons")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("skills", "text", (c) => c.notNull())
    .addColumn("minutes", "real", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("variants", "text", (c) => c.notNull())
    .execute();

  await contentTable("items")
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("skills", "text", (c) => c.notNull())
    .addColumn("template_id", "text")
    .addColumn("difficulty", "real")
    .addColumn("spec", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("items_template").on("items").columns(["course_id", "template_id"]).execute();

  await contentTable("projects")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("skills", "text", (c) => c.notNull())
    .addColumn("spec", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["projects", "items", "lessons", "skills", "courses"]) await db.schema.dropTable(table).execute();
}
