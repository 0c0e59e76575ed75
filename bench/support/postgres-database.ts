import pg from "pg";
import { TEST_POSTGRES_URL } from "../../packages/server/src/testing/test-databases.ts";

/** One statement on the test server's `test` database (create/drop database cannot run inside a transaction). */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh PostgreSQL database of a bench's own on the test server (not a schema in `test`: Kysely's migrator looks for
 * its tables in every schema, so a test running at the same time would disturb it). `drop` removes it, connections
 * and all.
 */
export async function freshBenchDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  await onServer(`drop database if exists ${name} with (force)`);
  await onServer(`create database ${name}`);
  return { url: TEST_POSTGRES_URL.replace(/\/test$/, `/${name}`), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}
