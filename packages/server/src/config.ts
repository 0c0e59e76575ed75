import path from "node:path";
import { z } from "zod";

/**
 * The server's whole configuration, parsed once from the environment. Nothing else reads `process.env`:
 * an operator sees every problem at once, and tests pass a config object instead of mutating globals.
 */
const booleanFromEnv = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  ATTUNE_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  ATTUNE_DEMO: booleanFromEnv.optional(),
  ATTUNE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ATTUNE_PUBLIC_URL: z.url().optional(),
  ATTUNE_TRUST_PROXY: booleanFromEnv.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; absent means the embedded SQLite database in `dataDir`. */
  databaseUrl: string | undefined;
  sqliteFile: string;
  seedDemo: boolean;
  /** Signs session cookies. Generated and kept in `dataDir` when not given, so restarts keep sessions. */
  secret: string | undefined;
  publicUrl: string | undefined;
  trustProxy: boolean;
  logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  production: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.ATTUNE_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sqliteFile: path.join(dataDir, "attune.sqlite"),
    // The demo school is for trying Attune out: on by default only where nothing else lives (embedded database).
    seedDemo: e.ATTUNE_DEMO ?? e.DATABASE_URL === undefined,
    secret: e.ATTUNE_SECRET,
    publicUrl: e.ATTUNE_PUBLIC_URL,
    trustProxy: e.ATTUNE_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
  };
}
