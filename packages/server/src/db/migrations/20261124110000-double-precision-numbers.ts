import { type Kysely, sql } from "kysely";
import { dialectOf } from "../database.ts";

/**
 * Probabilities and thresholds in double precision on PostgreSQL. Its `real` is 4 bytes (about 7 digits): a stored
 * threshold of 0.95 came back as 0.949999988, and mastery read back lost digits between answers, so the same answers
 * gave slightly different knowledge states on PostgreSQL and SQLite (whose `real` is already 8 bytes: nothing to do).
 */
const COLUMNS: readonly [table: string, column: string][] = [
  ["learner_skill_states", "p_known"],
  ["courses", "mastery_threshold"],
  ["skills", "mastery_threshold"],
  ["lessons", "minutes"],
  ["items", "difficulty"],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  for (const [table, column] of COLUMNS) await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type double precision`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  for (const [table, column] of COLUMNS) await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type real`.execute(db);
}
