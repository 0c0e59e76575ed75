import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from "kysely";
import { dialectOf } from "./database.ts";
import * as createSchoolsAccountsClasses from "./migrations/20261124010000-create-schools-accounts-classes.ts";
import * as createCoursesSkillsLessonsItems from "./migrations/20261124020000-create-courses-skills-lessons-items.ts";
import * as createAttemptsAndLearnerModels from "./migrations/20261124030000-create-attempts-and-learner-models.ts";
import * as createLearnerSkillStates from "./migrations/20261124040000-create-learner-skill-states.ts";
import * as createLessonsSeenChoicesPlacementsGoals from "./migrations/20261124050000-create-lessons-seen-choices-placements-goals.ts";
import * as createLearnerProfiles from "./migrations/20261124060000-create-learner-profiles.ts";
import * as createTeachingRecords from "./migrations/20261124070000-create-teaching-records.ts";
import * as indexRecentAttempts from "./migrations/20261124090000-index-recent-attempts.ts";
import * as teachingReportIndexes from "./migrations/20261124100000-teaching-report-indexes.ts";
import * as doublePrecisionNumbers from "./migrations/20261124110000-double-precision-numbers.ts";

/**
 * Every migration, in order. Listed statically (not read from a folder) so the bundled server carries them;
 * names start with a UTC timestamp so they sort in the order they were written.
 */
export const migrations: Record<string, Migration> = {
  "20261124010000-create-schools-accounts-classes": createSchoolsAccountsClasses,
  "20261124020000-create-courses-skills-lessons-items": createCoursesSkillsLessonsItems,
  "20261124030000-create-attempts-and-learner-models": createAttemptsAndLearnerModels,
  "20261124040000-create-learner-skill-states": createLearnerSkillStates,
  "20261124050000-create-lessons-seen-choices-placements-goals": createLessonsSeenChoicesPlacementsGoals,
  "20261124060000-create-learner-profiles": createLearnerProfiles,
  "20261124070000-create-teaching-records": createTeachingRecords,
  "20261124090000-index-recent-attempts": indexRecentAttempts,
  "20261124100000-teaching-report-indexes": teachingReportIndexes,
  "20261124110000-double-precision-numbers": doublePrecisionNumbers,
};

/**
 * On PostgreSQL the migration tables are named in the connection's own schema: Kysely otherwise looks for them in
 * every schema of the database, and another schema's (a second Attune, a test running in parallel) would be taken
 * for ours.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
async function migrator(db: Kysely<any>): Promise<Migrator> {
  const provider = { getMigrations: async () => migrations };
  if (dialectOf(db) !== "postgres") return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]!.schema });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await (await migrator(db)).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** Names of migrations not yet applied: empty when the database is current (used by /readyz). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await (await migrator(db)).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
