/**
 * The answer loop under load: a real server (child process, as `npm start` runs it) with 1,000 learners, and
 * attempts posted at a fixed rate from this process. Prints latency percentiles.
 *   npx tsx bench/api/answer-loop.bench.ts [--db sqlite|postgres] [--rate 500] [--seconds 20] [--pacing autocannon|even|poisson] [--connections 64]
 *
 * Three ways to send "500 a second":
 * - autocannon (the issue's tool) with `overallRate`: each of its 64 connections sends its share of the second back to
 *   back as the second starts, then waits for the next (autocannon 8, lib/httpClient.js: `reqsMadeThisSecond` is reset
 *   by a 1 s interval). The server meets the whole second's attempts at once, 64 at a time: latency is mostly the wait
 *   behind the other 63.
 * - even: one attempt every 1/rate s (an open arrival process: sending never waits for the server), over up to 64
 *   keep-alive connections; latency counts from the moment the attempt was due, so a late sender is not hidden.
 * - poisson: the same, with exponential gaps between attempts (mean 1/rate, seeded): independent learners do not
 *   take turns, so attempts sometimes arrive close together; the queue this builds is part of the latency.
 * `--connections` sets autocannon's connections (each one a request in flight at the start of every second) and the
 * size of the keep-alive pool of the other two.
 * Diagnostics: BENCH_PROFILE=<dir> writes the server's CPU profile there; BENCH_NODE_ARGS='--trace-gc' passes node
 * flags to the server and shows its output; BENCH_SERIES=<file> writes each counted attempt's due time and latency (ms)
 * of an even or Poisson run, to see when a tail happened.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Item } from "@attune/content";
import autocannon from "autocannon";
import { importCourse } from "../../packages/server/src/courses/course-import.service.ts";
import { loadCourseDir } from "../../packages/server/src/courses/course-loader.ts";
import { openDatabase } from "../../packages/server/src/db/database.ts";
import { migrateToLatest } from "../../packages/server/src/db/migrator.ts";
import { hashAccountPassword } from "../../packages/server/src/services/passwords.ts";
import { dateForDialect, insertAccount } from "../../packages/server/src/services/users.service.ts";
import { arrivalTimes } from "../support/arrivals.ts";
import { freshBenchDatabase } from "../support/postgres-database.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const SECRET = "bench-secret-bench-secret-bench-secret-0001";
const LEARNERS = 1000;

export type AnswerLoopResult = {
  db: string;
  rate: number;
  seconds: number;
  pacing: Pacing;
  connections: number;
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
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(" ") : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "packages/server/src/cli/main.ts", "serve"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ATTUNE_DATA_DIR: dataDir, ATTUNE_SECRET: SECRET, ATTUNE_DEMO: "false", LOG_LEVEL: "error", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: ["ignore", process.env.BENCH_NODE_ARGS ? "inherit" : "ignore", "inherit"],
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

export type Pacing = "autocannon" | "even" | "poisson";

export const DEFAULT_CONNECTIONS = 64;

/**
 * Seconds of attempts at the measured rate before measuring: a server that has been running has compiled its hot
 * code and resolved its learners' sessions; a fresh child process meets all of that in its first seconds.
 */
const WARMUP_SECONDS = 5;

type AttemptRequest = { path: string; headers: Record<string, string>; body: string };

/**
 * Sends `rate × seconds` requests (after a warm-up, not counted) at the arrival times of `pacing`, over a keep-alive
 * pool of `connections` sockets; each latency runs from when the request was due to its response's last byte.
 * Percentiles in ms.
 */
async function openLoop(port: number, pacing: "even" | "poisson", rate: number, seconds: number, connections: number, next: () => AttemptRequest, warmupSeconds = 0) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const series: string[] = [];
  const t0 = performance.now();
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  const send = (due: number, request: AttemptRequest, counted: boolean) =>
    new Promise<void>((resolve) => {
      const req = http.request({ host: "127.0.0.1", port, method: "POST", path: request.path, agent, headers: { ...request.headers, "content-length": Buffer.byteLength(request.body) } }, (res) => {
        res.resume();
        res.on("end", () => {
          if (counted) {
            latencies.push(performance.now() - due);
            if (process.env.BENCH_SERIES) series.push(`${(due - t0).toFixed(1)} ${(performance.now() - due).toFixed(1)}`);
            statusCodes[String(res.statusCode)] = (statusCodes[String(res.statusCode)] ?? 0) + 1;
          }
          resolve();
        });
      });
      req.on("error", () => {
        if (counted) errors++;
        resolve();
      });
      req.end(request.body);
    });
  const warmup = Math.round(rate * warmupSeconds);
  const total = warmup + Math.round(rate * seconds);
  const due = arrivalTimes(pacing, rate, total);
  const start = performance.now() + 50;
  const pending: Promise<void>[] = [];
  for (let k = 0; k < total; ) {
    const now = performance.now();
    // Everything due by now goes out; then sleep until the next one is due (timers have ~1 ms resolution).
    while (k < total && start + (due[k] as number) <= now) {
      pending.push(send(start + (due[k] as number), next(), k >= warmup));
      k++;
    }
    if (k < total) await new Promise((r) => setTimeout(r, Math.max(0, start + (due[k] as number) - performance.now())));
  }
  await Promise.all(pending);
  agent.destroy();
  if (process.env.BENCH_SERIES) fs.writeFileSync(process.env.BENCH_SERIES, series.join("\n"));
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN);
  const ok = statusCodes["200"] ?? 0;
  return { requests: latencies.length + errors, non2xx: latencies.length + errors - ok, statusCodes, p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: pct(1) };
}

export async function benchAnswerLoop(dbKind: "sqlite" | "postgres", rate: number, seconds: number, pacing: Pacing = "autocannon", connections = DEFAULT_CONNECTIONS): Promise<AnswerLoopResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-bench-"));
  const database = dbKind === "postgres" ? await freshBenchDatabase(`attune_bench_${process.pid}`) : undefined;
  const databaseUrl = database?.url;
  const { cookies, items } = await seed(dbKind, dataDir, databaseUrl);
  const port = 20000 + (process.pid % 20000);
  const server = await startServer(dataDir, port, databaseUrl);
  try {
    let n = 0;
    const attempt = (): AttemptRequest => {
      n++;
      const item = items[n % items.length]!;
      const choice = n % 3 === 0 ? item.choices.find((c) => !c.correct)! : item.choices.find((c) => c.correct)!;
      return {
        path: "/api/courses/spanish-a1/attempts",
        headers: { "content-type": "application/json", origin: `http://127.0.0.1:${port}`, cookie: cookies[n % cookies.length]! },
        body: JSON.stringify({ attemptId: randomUUID(), itemId: item.id, response: choice.id, hintsUsed: 0, durationMs: 5000 }),
      };
    };
    if (pacing !== "autocannon") return { db: dbKind, rate, seconds, pacing, connections, ...(await openLoop(port, pacing, rate, seconds, connections, attempt, WARMUP_SECONDS)) };
    // The same warm-up at the same rate, not counted.
    await autocannon({ url: `http://127.0.0.1:${port}`, connections, overallRate: rate, duration: WARMUP_SECONDS, requests: [{ method: "POST", path: "/api/courses/spanish-a1/attempts", setupRequest: (request) => ({ ...request, ...attempt() }) }] });
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections,
      overallRate: rate,
      duration: seconds,
      requests: [
        {
          method: "POST",
          path: "/api/courses/spanish-a1/attempts",
          setupRequest: (request) => {
            const { headers, body } = attempt();
            return { ...request, headers, body };
          },
        },
      ],
    });
    return {
      db: dbKind,
      rate,
      seconds,
      pacing,
      connections,
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
    await database?.drop();
  }
}

/** The api section of docs/benchmarks.md for these runs (`bench/api/update-doc.ts` and `npm run bench` write it). */
export function answerLoopSection(results: AnswerLoopResult[], machine: string, notes = ""): string {
  const sending = { autocannon: "autocannon", even: "evenly paced", poisson: "Poisson arrivals" } as const;
  const rows = results.map((r) => `| ${r.db} | ${sending[r.pacing]} | ${r.connections} | ${r.rate} | ${r.requests} | ${r.non2xx} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} |`);
  return (
    `## Answer loop under load\n\nMeasured ${machine}. A real server (child process) with 1,000 learners; attempts posted for 20 s ` +
    `from a process on the same machine over keep-alive connections. \`npx tsx bench/api/answer-loop.bench.ts --db sqlite|postgres --rate 500 --seconds 20 --pacing autocannon|even|poisson [--connections 64]\`. ` +
    `Target: p99 ≤ 15 ms at 500 attempts/s on SQLite. Latencies in ms.\n\n` +
    `Three ways of sending 500 a second. autocannon's \`overallRate\` has each connection send its share of the second back to back ` +
    `when the second starts (autocannon 8, lib/httpClient.js), so the server meets a burst of 500 attempts every second, as many at ` +
    `a time as there are connections, and latency is mostly the wait behind the others in flight (64 connections, and autocannon's ` +
    `default of 10). Evenly paced sends one attempt every 2 ms; Poisson arrivals send them with random (exponential, seeded) gaps of ` +
    `2 ms on average, as independent learners would, so attempts sometimes bunch up. Both count latency from when each attempt was ` +
    `due, so a late sender is not hidden. Each measured run follows ${WARMUP_SECONDS} s of the same load, not counted.\n\n` +
    `| database | sending | connections | rate /s | requests | non-2xx | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|---|---|---|---|\n${rows.join("\n")}` +
    (notes ? `\n\n${notes}` : "")
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { db: { type: "string", default: "sqlite" }, rate: { type: "string", default: "500" }, seconds: { type: "string", default: "20" }, pacing: { type: "string", default: "autocannon" }, connections: { type: "string", default: String(DEFAULT_CONNECTIONS) } } });
  if (!["autocannon", "even", "poisson"].includes(values.pacing as string)) throw new Error(`--pacing must be autocannon, even or poisson, not ${values.pacing}`);
  const result = await benchAnswerLoop(values.db as "sqlite" | "postgres", Number(values.rate), Number(values.seconds), values.pacing as Pacing, Number(values.connections));
  console.log(JSON.stringify(result));
}
