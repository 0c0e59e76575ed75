import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrator.ts";

/** The PostgreSQL server tests use: the machine's local one (trust auth, database `test`). */
export const TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

export type TestDatabase = DatabaseHandle & { drop: () => Promise<void> };

/** A fresh, migrated SQLite file in a temporary folder. */
export async function freshSqlite(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-test-"));
  const handle = openDatabase({ kind: "sqlite", file: path.join(dir, "attune.sqlite") });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated PostgreSQL schema of its own, so parallel test files never collide; dropped afterwards. */
export async function freshPostgres(): Promise<TestDatabase> {
  const schema = `attune_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ kind: "postgres", url: TEST_POSTGRES_URL, schema, maxConnections: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

/** Both storage engines: every storage test runs once on each. */
export const DIALECTS = [
  { name: "sqlite", open: freshSqlite },
  { name: "postgres", open: freshPostgres },
] as const;
