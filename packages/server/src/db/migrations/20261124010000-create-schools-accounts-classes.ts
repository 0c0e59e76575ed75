import { type Kysely, sql } from "kysely";
import { dialectOf } from "../database.ts";

/**
 * Schools (tenants), accounts (better-auth's user/session/account/verification tables, mapped to snake_case),
 * classes with teachers and enrolments, guardian links and the audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = dialectOf(db) === "sqlite";
  // better-auth writes Date objects on PostgreSQL and ISO text on SQLite; booleans likewise.
  const authTimestamp = sqlite ? "text" : "timestamptz";
  const authBoolean = sqlite ? "integer" : "boolean";

  await db.schema
    .createTable("schools")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("email_verified", authBoolean, (c) => c.notNull())
    .addColumn("image", "text")
    .addColumn("created_at", authTimestamp, (c) => c.notNull())
    .addColumn("updated_at", authTimestamp, (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin', 'teacher', 'learner', 'guardian')`))
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("users_school_role").on("users").columns(["school_id", "role", "name"]).execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", authTimestamp, (c) => c.notNull())
    .addColumn("ip_address", "text")
    .addColumn("user_agent", "text")
    .addColumn("created_at", authTimestamp, (c) => c.notNull())
    .addColumn("updated_at", authTimestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("accounts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("provider_id", "text", (c) => c.notNull())
    .addColumn("access_token", "text")
    .addColumn("refresh_token", "text")
    .addColumn("id_token", "text")
    .addColumn("access_token_expires_at", authTimestamp)
    .addColumn("refresh_token_expires_at", authTimestamp)
    .addColumn("scope", "text")
    .addColumn("password", "text")
    .addColumn("created_at", authTimestamp, (c) => c.notNull())
    .addColumn("updated_at", authTimestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("accounts_user").on("accounts").column("user_id").execute();

  await db.schema
    .createTable("verifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("identifier", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("expires_at", authTimestamp, (c) => c.notNull())
    .addColumn("created_at", authTimestamp, (c) => c.notNull())
    .addColumn("updated_at", authTimestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("verifications_identifier").on("verifications").column("identifier").execute();

  await db.schema
    .createTable("classes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("subject", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("archived_at", "text")
    .execute();
  await db.schema.createIndex("classes_school").on("classes").columns(["school_id", "name"]).execute();

  await db.schema
    .createTable("class_teachers")
    .addColumn("class_id", "text", (c) => c.notNull().references("classes.id").onDelete("cascade"))
    .addColumn("teacher_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("class_teachers_pk", ["class_id", "teacher_id"])
    .execute();
  await db.schema.createIndex("class_teachers_teacher").on("class_teachers").column("teacher_id").execute();

  await db.schema
    .createTable("enrolments")
    .addColumn("class_id", "text", (c) => c.notNull().references("classes.id").onDelete("cascade"))
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("enrolments_pk", ["class_id", "learner_id"])
    .execute();
  await db.schema.createIndex("enrolments_learner").on("enrolments").column("learner_id").execute();

  await db.schema
    .createTable("guardian_links")
    .addColumn("guardian_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("learner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("guardian_links_pk", ["guardian_id", "learner_id"])
    .execute();
  await db.schema.createIndex("guardian_links_learner").on("guardian_links").column("learner_id").execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", sqlite ? "integer" : "bigserial", (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("actor_role", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("learner_id", "text")
    .addColumn("target_type", "text")
    .addColumn("target_id", "text")
    .addColumn("details", "text")
    .execute();
  await db.schema.createIndex("audit_events_school_at").on("audit_events").columns(["school_id", "id"]).execute();
  await db.schema.createIndex("audit_events_learner").on("audit_events").columns(["learner_id", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_events",
    "guardian_links",
    "enrolments",
    "class_teachers",
    "classes",
    "verifications",
    "accounts",
    "sessions",
    "users",
    "schools",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
