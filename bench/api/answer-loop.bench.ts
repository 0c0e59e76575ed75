/**
 * The answer loop under load: a real server (child process, as `npm start` runs it) with 1,000 learners, and
 * autocannon posting attempts at a fixed rate from this process. Prints latency percentiles.
 *   npx tsx bench/api/answer-loop.bench.ts [--db sqlite|postgres] [--rate 500] [--seconds 20]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Item } from "@attune/content";
import autocannon from "autocannon";
import pg from "pg";
import { importCourse } from "../../packages/server/src/courses/course-import.service.ts";
import { loadCourseDir } from "../../packages/server/src/courses/course-loader.ts";
import { openDatabase } from "../../packages/server/src/db/database.ts";
import { migrateToLatest } from "../../packages/server/src/db/migrator.ts";
import { hashAccountPassword } from "../../packages/server/src/services/passwords.ts";
import { dateForDialect, insertAccount } from "../../packages/server/src/services/users.service.ts";
import { TEST_POSTGRES_URL } from "../../packages/server/src/testing/test-databases.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const SECRET = "bench-secret-bench-secret-bench-secret-0001";
const LEARNERS = 1000;

export type AnswerLoopResult = {
  db: string;
  rate: number;
  seconds: number;
  requests: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  p50: number;
  p90: number;
  p99: number;
  max: number;
};

/** better-auth's signed session cookie: `token.base64(HMAC-SHA256(secret, token))`, URL-encoded. */
function sessionCookie(token: string): string {
  const signature = createHmac("sha256", SECRET).update(token).digest("base64");
  return `attune.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

/** A database with the Spanish course and 1,000 enrolled learners with sessions; returns their cookies and the single-choice items. */
export async function seed(dbKind: "sqlite" | "postgres", dataDir: string, databaseUrl: string | undefined) {
  const handle = dbKind === "sqlite" ? openDatabase({ kind: "sqlite", file: path.join(dataDir, "attune.sqlite") }) : openDatabase({ kind: "postgres", url: databaseUrl! });
  await migrateToLatest(handle.db);
  const course = await loadCourseDir(path.join(ROOT, "courses/spanish-a1"));
  await importCourse(handle.db, course.course, course.items, "folder", new Date());
  const now = new Date();
  const schoolId = randomUUID();
  await handle.db.insertInto("schools").values({ id: schoolId, name: "Bench School", created_at: now.toISOString() }).execute();
  const classId = randomUUID();
  await handle.db.insertInto("classes").values({ id: classId, school_id: schoolId, name: "Bench class", subject: null, course_id: "spanish-a1", created_at: now.toISOString(), archived_at: null }).execute();
  const hash = await hashAccountPassword("bench-password");
  const cookies: string[] = [];
  // As a sign-in creates them (7 days), so resolving one does not also refresh it (better-auth refreshes after a day).
  const expires = dateForDialect({ dialect: handle.dialect }, new Date(Date.now() + 7 * 86_400_000));
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < LEARNERS; i++) {
      const learner = await insertAccount(trx, handle.dialect, schoolId, { name: `Learner ${i}`, email: `l${i}@bench.test`, role: "learner", passwordHash: hash }, now);
      await trx.insertInto("enrolments").values({ class_id: classId, learner_id: learner.id, created_at: now.toISOString() }).execute();
      const token = randomUUID().replaceAll("-", "");
      const at = dateForDialect({ dialect: handle.dialect }, now);
      await trx.insertInto("sessions").values({ id: randomUUID(), user_id: learner.id, token, expires_at: expires, ip_address: null, user_agent: null, created_at: at, updated_at: at }).execute();
      cookies.push(sessionCookie(token));
    }
  });
  await handle.close();
  const items = course.items.filter((i): i is Extract<Item, { type: "single-choice" }> => i.type === "single-choice");
  return { cookies, items };
}

/** Starts the real server (`attune serve`) as a child process on a seeded data folder and waits until it is ready. */
export async function startServer(dataDir: string, port: number, databaseUrl: string | undefined): Promise<ChildProcess> {
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "packages/server/src/cli/main.ts", "serve"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ATTUNE_DATA_DIR: dataDir, ATTUNE_SECRET: SECRET, ATTUNE_DEMO: "false", LOG_LEVEL: "error", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error("server did not start");
}

export async function benchAnswerLoop(dbKind: "sqlite" | "postgres", rate: number, seconds: number): Promise<AnswerLoopResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-bench-"));
  let databaseUrl: string | undefined;
  const dbName = `attune_bench_${process.pid}`;
  if (dbKind === "postgres") {
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName}`);
    await admin.query(`create database ${dbName}`);
    await admin.end();
    databaseUrl = TEST_POSTGRES_URL.replace(/\/test$/, `/${dbName}`);
  }
  const { cookies, items } = await seed(dbKind, dataDir, databaseUrl);
  const port = 20000 + (process.pid % 20000);
  const server = await startServer(dataDir, port, databaseUrl);
  try {
    let n = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 64,
      overallRate: rate,
      duration: seconds,
      requests: [
        {
          method: "POST",
          path: "/api/courses/spanish-a1/attempts",
          setupRequest: (request) => {
            n++;
            const item = items[n % items.length]!;
            const choice = n % 3 === 0 ? item.choices.find((c) => !c.correct)! : item.choices.find((c) => c.correct)!;
            return {
              ...request,
              headers: { "content-type": "application/json", origin: `http://127.0.0.1:${port}`, cookie: cookies[n % cookies.length]! },
              body: JSON.stringify({ attemptId: randomUUID(), itemId: item.id, response: choice.id, hintsUsed: 0, durationMs: 5000 }),
            };
          },
        },
      ],
    });
    return {
      db: dbKind,
      rate,
      seconds,
      requests: result.requests.total,
      non2xx: result.non2xx + result.errors,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, (stat as { count: number }).count])),
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (dbKind === "postgres") {
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
}

/** The api section of docs/benchmarks.md for these runs (`bench/api/update-doc.ts` and `npm run bench` write it). */
export function answerLoopSection(results: AnswerLoopResult[], machine: string, notes = ""): string {
  const rows = results.map((r) => `| ${r.db} | ${r.rate} | ${r.requests} | ${r.non2xx} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} |`);
  return (
    `## Answer loop under load\n\nMeasured ${machine}. A real server (child process) with 1,000 learners; autocannon (64 connections, ` +
    `fixed rate, same machine) posts attempts for 20 s. \`npx tsx bench/api/answer-loop.bench.ts --db sqlite|postgres --rate 500 --seconds 20\`. ` +
    `Target: p99 ≤ 15 ms at 500 attempts/s on SQLite. Latencies in ms.\n\n` +
    `| database | rate /s | requests | non-2xx | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|---|---|\n${rows.join("\n")}` +
    (notes ? `\n\n${notes}` : "")
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { db: { type: "string", default: "sqlite" }, rate: { type: "string", default: "500" }, seconds: { type: "string", default: "20" } } });
  const result = await benchAnswerLoop(values.db as "sqlite" | "postgres", Number(values.rate), Number(values.seconds));
  console.log(JSON.stringify(result));
}
