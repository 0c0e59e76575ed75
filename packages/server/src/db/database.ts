import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteAdapter, type SqliteDatabase, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";
import { type Checkpointer, startCheckpointer } from "./sqlite-checkpointer.ts";

export type Dialect = "sqlite" | "postgres";

export type DatabaseHandle = {
  db: Kysely<Database>;
  dialect: Dialect;
  close: () => Promise<void>;
};

export type DatabaseOptions =
  | { kind: "sqlite"; file: string }
  | { kind: "postgres"; url: string; schema?: string; maxConnections?: number };

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Opens the embedded SQLite database or a PostgreSQL pool behind one Kysely interface. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.kind === "sqlite") {
    if (options.file !== ":memory:") fs.mkdirSync(path.dirname(options.file), { recursive: true });
    const sqlite = new SQLite(options.file);
    // WAL lets readers proceed during a write. Durability: see `syncCommitsInBackground`.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const checkpointer = options.file === ":memory:" ? null : syncCommitsInBackground(sqlite, options.file);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, () => checkpointer?.stop()) }) });
    return {
      db,
      dialect: "sqlite",
      close: async () => {
        await db.destroy();
        await checkpointer?.stopped;
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // Counts and sums arrive as int8/numeric strings from pg; both fit a JS number for our sizes.
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
        return pg.types.getTypeParser(oid, format as "text");
      }) as typeof pg.types.getTypeParser,
    },
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: "postgres",
    close: async () => {
      await db.destroy();
    },
  };
}

/**
 * Commits stop waiting for their own fsync: `synchronous=NORMAL` (WAL stays consistent: SQLite still syncs at
 * checkpoints and when the WAL restarts) plus a worker thread that fdatasyncs the WAL every 100 ms and checkpoints
 * every second, off the event loop. A process crash loses nothing (a commit is in the OS's page cache); a power cut
 * or kernel crash can lose the commits of the last ~100 ms — see docs/architecture.md for why that trade is made.
 * If the worker dies, the connection goes back to syncing every commit (`synchronous=FULL`, auto-checkpoints).
 */
function syncCommitsInBackground(sqlite: SQLite.Database, file: string): Checkpointer {
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("wal_autocheckpoint = 0");
  let failed = false;
  return startCheckpointer(file, (error) => {
    if (failed || !sqlite.open) return;
    failed = true;
    process.emitWarning(`SQLite background WAL sync stopped (${error.message}); every commit is synced again`);
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("wal_autocheckpoint = 1000");
  });
}

const MAX_STATEMENTS = 1000;

/**
 * better-sqlite3 behind Kysely, with prepared statements kept by their SQL text: Kysely's driver prepares every
 * query it runs, and preparing costs several times what running a point query does. Kysely holds the one
 * connection for a whole query (a stream included), so a cached statement is never used twice at once.
 */
function withStatementCache(sqlite: SQLite.Database, onClose: () => void): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        // Statements with `in (?, ?, …)` lists vary in text; a full cache simply starts over.
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      onClose();
      sqlite.close();
    },
  };
}

export function dialectOf(db: Kysely<unknown>): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? "sqlite" : "postgres";
}

/** ISO-8601 UTC text: the one timestamp representation of our own tables on both databases. */
export function toIso(value: Date | string | number): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
