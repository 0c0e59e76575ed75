/**
 * The answer loop in process, without HTTP sockets or a load generator: seeds as the load bench does, builds the
 * app as `serve` does, and posts attempts one after another through `app.request`. Prints CPU ms per attempt, so
 * a change can be judged on a machine whose cores other work shares (run with `node --cpu-prof` to see where).
 *   npx tsx bench/api/answer-loop.profile.ts [--db sqlite|postgres] [--attempts 3000] [--profile out.cpuprofile]
 * `--profile` writes a V8 CPU profile of the measured attempts only (not of seeding or warm-up); with
 * `--profile-cold`, of the learners' first attempts instead (each resolves a session). `--sql` lists the
 * statements the measured attempts ran, with counts and time per run (on PostgreSQL, round trip included).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import SQLite from "better-sqlite3";
import pg from "pg";
import pino from "pino";
import { createAuth } from "../../packages/server/src/auth/auth.ts";
import { SessionResolver } from "../../packages/server/src/auth/sessions.ts";
import { openDatabase } from "../../packages/server/src/db/database.ts";
import { createApp } from "../../packages/server/src/http/app.ts";
import type { Deps } from "../../packages/server/src/http/app-env.ts";
import { CourseContentCache } from "../../packages/server/src/learning/course-content.ts";
import { freshBenchDatabase } from "../support/postgres-database.ts";
import { SECRET, seed } from "./answer-loop.bench.ts";

const { values } = parseArgs({ options: { db: { type: "string", default: "sqlite" }, attempts: { type: "string", default: "2000" }, profile: { type: "string" }, sql: { type: "boolean", default: false }, "profile-cold": { type: "boolean", default: false } } });
const dbKind = values.db as "sqlite" | "postgres";
const total = Number(values.attempts);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-profile-"));
const database = dbKind === "postgres" ? await freshBenchDatabase(`attune_profile_${process.pid}`) : undefined;
const databaseUrl = database?.url;
try {
  const { cookies, items } = await seed(dbKind, dataDir, databaseUrl);
  const handle = dbKind === "sqlite" ? openDatabase({ kind: "sqlite", file: path.join(dataDir, "attune.sqlite") }) : openDatabase({ kind: "postgres", url: databaseUrl! });
  const logger = pino({ level: "error" });
  const auth = createAuth({ db: handle.db, dialect: handle.dialect, secret: SECRET, publicUrl: undefined, secureCookies: false, logger });
  // The session cache's clock stands still, so the measured attempts never re-resolve a session however slowly
  // they run on a busy machine; the first attempt of each learner is measured on its own.
  const started = Date.now();
  const deps: Deps = { db: handle.db, dialect: handle.dialect, auth, logger, now: () => new Date(), courses: new CourseContentCache(handle.db), sessions: new SessionResolver(auth, () => started) };
  const { app } = createApp(deps);
  let n = 0;
  const post = async () => {
    n++;
    const item = items[n % items.length]!;
    const choice = n % 3 === 0 ? item.choices.find((c) => !c.correct)! : item.choices.find((c) => c.correct)!;
    const response = await app.request("http://127.0.0.1/api/courses/spanish-a1/attempts", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1", cookie: cookies[n % cookies.length]! },
      body: JSON.stringify({ attemptId: randomUUID(), itemId: item.id, response: choice.id, hintsUsed: 0, durationMs: 5000 }),
    });
    if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
    await response.text();
  };
  const inspector = values.profile ? new Session() : undefined;
  const profiled = async <T>(on: boolean, run: () => Promise<T>): Promise<T> => {
    if (!inspector || !on) return run();
    inspector.connect();
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.start");
    const result = await run();
    const { profile } = await inspector.post("Profiler.stop");
    fs.writeFileSync(values.profile!, JSON.stringify(profile));
    inspector.disconnect();
    return result;
  };
  const measure = async (count: number) => {
    const cpu = process.cpuUsage();
    for (let i = 0; i < count; i++) await post();
    const used = process.cpuUsage(cpu);
    return +((used.user + used.system) / 1000 / count).toFixed(3);
  };
  // Each learner's first attempt also resolves their session (cached for 30 s after), as in the load bench's first seconds.
  await measure(200); // warm-up of the code
  const coldSessionCpuMs = await profiled(values["profile-cold"], () => measure(cookies.length - 200));
  for (let i = 0; i < 500; i++) await post();
  const statements = values.sql ? (dbKind === "sqlite" ? timeStatements() : timePgQueries()) : undefined;
  const { wall, used } = await profiled(!values["profile-cold"], async () => {
    const cpu = process.cpuUsage();
    const begun = performance.now();
    for (let i = 0; i < total; i++) await post();
    return { wall: performance.now() - begun, used: process.cpuUsage(cpu) };
  });
  console.log(JSON.stringify({ db: dbKind, attempts: total, wallMsPerAttempt: +(wall / total).toFixed(3), cpuMsPerAttempt: +((used.user + used.system) / 1000 / total).toFixed(3), coldSessionCpuMs }));
  if (statements) {
    const rows = [...statements].sort((a, b) => b[1].ms - a[1].ms);
    for (const [source, e] of rows) console.log(`${(e.n / total).toFixed(2).padStart(6)} × ${(e.ms / e.n).toFixed(3)} ms  ${source.replace(/\s+/g, " ").slice(0, 160)}`);
  }
  await handle.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
}

/** Counts and times every better-sqlite3 statement run from now on (their methods live on one native prototype). */
function timeStatements(): Map<string, { n: number; ms: number }> {
  const stats = new Map<string, { n: number; ms: number }>();
  const probe = new SQLite(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("select 1")) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ["all", "run", "get"]) {
    const original = proto[method]!;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      const t = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const e = stats.get(this.source) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        stats.set(this.source, e);
      }
    };
  }
  return stats;
}

/** The same for node-postgres queries, timed from sending to the result (round trip and server time included). */
function timePgQueries(): Map<string, { n: number; ms: number }> {
  const stats = new Map<string, { n: number; ms: number }>();
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string }).text ?? "?");
    const t = performance.now();
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      void result.finally(() => {
        const e = stats.get(text) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        stats.set(text, e);
      }).catch(() => {});
    }
    return result;
  };
  return stats;
}
