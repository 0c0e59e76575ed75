import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pino, { type Logger } from "pino";
import { createAuth } from "./auth/auth.ts";
import type { Config } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./db/database.ts";
import { migrateToLatest } from "./db/migrator.ts";
import type { Deps } from "./http/app-env.ts";
import { SessionResolver } from "./auth/sessions.ts";
import { CourseContentCache } from "./learning/course-content.ts";

export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({ level: config.logLevel, base: undefined });
}

export function openConfiguredDatabase(config: Config): DatabaseHandle {
  return config.databaseUrl
    ? openDatabase({ kind: "postgres", url: config.databaseUrl })
    : openDatabase({ kind: "sqlite", file: config.sqliteFile });
}

/** Runs an operator command against the configured, migrated database, and closes it whatever happens. */
export async function withMigratedDatabase<T>(config: Config, run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = openConfiguredDatabase(config);
  try {
    await migrateToLatest(handle.db);
    return await run(handle);
  } finally {
    await handle.close();
  }
}

/** The session-signing secret: configured, or generated once and kept beside the data so restarts keep sessions. */
export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  const file = path.join(config.dataDir, "secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Opens and migrates the database and wires the services' dependencies. */
export async function createRuntime(config: Config, logger: Logger): Promise<{ deps: Deps; handle: DatabaseHandle }> {
  const handle = openConfiguredDatabase(config);
  const result = await migrateToLatest(handle.db);
  for (const m of result.results ?? []) logger.info({ migration: m.migrationName, status: m.status }, "migration");
  const auth = createAuth({
    db: handle.db,
    dialect: handle.dialect,
    secret: resolveSecret(config),
    publicUrl: config.publicUrl,
    secureCookies: config.publicUrl?.startsWith("https://") ?? false,
    logger,
  });
  return { deps: { db: handle.db, dialect: handle.dialect, auth, logger, now: () => new Date(), courses: new CourseContentCache(handle.db), sessions: new SessionResolver(auth) }, handle };
}
