/**
 * Issue #7's performance targets, measured in-process on the real app (createApp + app.request, as the tests do):
 * the class dashboard of 35 learners × 40 skills with 50,000 attempts in ≤ 100 ms, and the school-wide report for
 * 2,000 learners in ≤ 1 s, on SQLite and on PostgreSQL. Prints median and p95 per endpoint and writes the
 * `teaching` section of docs/benchmarks.md (when both databases were measured).
 *   npx tsx bench/teaching/dashboard.bench.ts [--db sqlite|postgres|both] [--runs 30] [--warmup 5]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pino from "pino";
import { createAuth } from "../../packages/server/src/auth/auth.ts";
import { SessionResolver } from "../../packages/server/src/auth/sessions.ts";
import { SignInLimiter } from "../../packages/server/src/auth/sign-in-limiter.ts";
import { type DatabaseHandle, openDatabase } from "../../packages/server/src/db/database.ts";
import { migrateToLatest } from "../../packages/server/src/db/migrator.ts";
import { createApp } from "../../packages/server/src/http/app.ts";
import type { Deps } from "../../packages/server/src/http/app-env.ts";
import { CourseContentCache } from "../../packages/server/src/learning/course-content.ts";
import { type TestDatabase, freshSqlite } from "../../packages/server/src/testing/test-databases.ts";
import { writeBenchmarkSection } from "../support/benchmarks-doc.ts";
import { freshBenchDatabase } from "../support/postgres-database.ts";
import { machineLine } from "../support/machine.ts";
import { recordAttempt } from "../../packages/server/src/learning/attempts.service.ts";
import { BENCH_PASSWORD, SIZES, type TeachingFixture, seedTeaching } from "./seed-teaching.ts";
import { BENCH_COURSE_ID } from "./synthetic-course.ts";

type DbKind = "sqlite" | "postgres";
const SECRET = "bench-secret-bench-secret-bench-secret-0007";
const ORIGIN = "http://localhost:3000";

export type EndpointResult = {
  name: string;
  /** ok: every timed response was 200; missing: the router has no such route (yet). */
  status: "ok" | "missing" | "error";
  medianMs: number | null;
  p95Ms: number | null;
  /** Median CPU time of this process per request: what the request costs Node, whatever else the machine runs. */
  cpuMs: number | null;
  kilobytes: number | null;
  error?: string;
};

/** The dashboard as a teacher meets it: right after a server start, and while learners keep answering. */
export type DashboardScenarios = {
  /** Sum of the three dashboard requests on a freshly started app (nothing cached yet): median of `coldRuns`. */
  coldMs: number;
  coldRuns: number;
  /** Sum of the three dashboard requests right after `answeringLearners` learners each answered one question. */
  afterAnswersMs: number;
  afterAnswersP95Ms: number;
  answeringLearners: number;
  afterAnswersRuns: number;
};

export type DashboardBenchResult = { db: DbKind; seedSeconds: number; counts: Record<string, number>; endpoints: EndpointResult[]; loadAverage: number; scenarios: DashboardScenarios };

const DASHBOARD = ["mastery", "overview", "alerts"];

const median = (sorted: number[]) => (sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2);
const p95 = (sorted: number[]) => sorted[Math.ceil(0.95 * sorted.length) - 1]!;

/** The app as `npm start` builds it (logger silent), on the given database; each call starts with empty caches. */
function appOn(handle: DatabaseHandle) {
  return appAndDeps(handle).app;
}

function appAndDeps(handle: DatabaseHandle) {
  const logger = pino({ level: "silent" });
  const auth = createAuth({ db: handle.db, dialect: handle.dialect, secret: SECRET, publicUrl: ORIGIN, secureCookies: false, logger });
  const deps: Deps = { db: handle.db, dialect: handle.dialect, auth, logger, now: () => new Date(), courses: new CourseContentCache(handle.db), sessions: new SessionResolver(auth) };
  return { app: createApp(deps, { signInLimiter: new SignInLimiter({ perAccount: 1000, perAddress: 100000, windowMs: 60000 }) }).app, deps };
}

type App = ReturnType<typeof appOn>;

async function signIn(app: App, email: string): Promise<string> {
  const response = await app.request(`${ORIGIN}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** One GET, timed to the last byte of the body (wall clock, and CPU time of this process). */
async function timedGet(app: App, path: string, cookie: string) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const response = await app.request(`${ORIGIN}${path}`, { headers: { origin: ORIGIN, cookie } });
  const body = await response.text();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, status: response.status, body };
}

type Probe = { name: string; path: string; cookie: string };

/**
 * Warms every endpoint up, then times `runs` rounds; each round requests every endpoint once (interleaved, so
 * a burst of load from the machine's other jobs hits all endpoints alike). A route the router does not know is
 * "missing"; any other non-200 answer is an error, printed.
 */
async function measure(app: App, probes: Probe[], warmup: number, runs: number): Promise<EndpointResult[]> {
  const times = new Map<string, number[]>(probes.map((p) => [p.name, []]));
  const cpu = new Map<string, number[]>(probes.map((p) => [p.name, []]));
  const failed = new Map<string, string>();
  const missing = new Set<string>();
  const bytes = new Map<string, number>();
  for (let round = 0; round < warmup + runs; round++) {
    for (const probe of probes) {
      if (missing.has(probe.name) || failed.has(probe.name)) continue;
      const { ms, cpuMs, status, body } = await timedGet(app, probe.path, probe.cookie);
      if (status === 404 && body.includes("No such route.")) missing.add(probe.name);
      else if (status !== 200) failed.set(probe.name, `${status} ${body.slice(0, 300)}`);
      else if (round >= warmup) {
        times.get(probe.name)!.push(ms);
        cpu.get(probe.name)!.push(cpuMs);
      }
      bytes.set(probe.name, body.length);
    }
  }
  return probes.map((p) => {
    const none = { medianMs: null, p95Ms: null, cpuMs: null, kilobytes: null };
    if (missing.has(p.name)) return { name: p.name, status: "missing", ...none };
    if (failed.has(p.name)) return { name: p.name, status: "error", ...none, error: failed.get(p.name)! };
    const sorted = times.get(p.name)!.sort((a, b) => a - b);
    return { name: p.name, status: "ok", medianMs: median(sorted), p95Ms: p95(sorted), cpuMs: median(cpu.get(p.name)!.sort((a, b) => a - b)), kilobytes: bytes.get(p.name)! / 1024 };
  });
}

/**
 * The dashboard in two situations the steady-state rounds do not show. Cold: a newly started app (empty caches)
 * asked for mastery, overview and alerts in turn. While the class works: before each round `answering` learners of
 * the class answer one question each through the real answer loop (`recordAttempt`), then the dashboard is asked.
 */
async function measureScenarios(handle: DatabaseHandle, fixture: TeachingFixture, options: { coldRuns: number; rounds: number; answering: number }): Promise<DashboardScenarios> {
  const paths = DASHBOARD.map((name) => `/api/classes/${fixture.classId}/${name}`);
  const dashboard = async (app: App, cookie: string) => {
    let total = 0;
    for (const path of paths) {
      const r = await timedGet(app, path, cookie);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.body.slice(0, 200)}`);
      total += r.ms;
    }
    return total;
  };
  const cold: number[] = [];
  for (let run = 0; run < options.coldRuns; run++) {
    const app = appOn(handle);
    cold.push(await dashboard(app, await signIn(app, fixture.teacherEmail)));
  }
  const { app, deps } = appAndDeps(handle);
  const cookie = await signIn(app, fixture.teacherEmail);
  await dashboard(app, cookie);
  const learners = await handle.db
    .selectFrom("enrolments as e")
    .innerJoin("users as u", "u.id", "e.learner_id")
    .select(["u.id", "u.name", "u.email", "u.school_id"])
    .where("e.class_id", "=", fixture.classId)
    .orderBy("u.id")
    .execute();
  const course = await deps.courses.get(BENCH_COURSE_ID);
  const after: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < options.answering; k++) {
      const learner = learners[(round * options.answering + k) % learners.length]!;
      const item = course.items[(round * 7 + k * 13) % course.items.length]!;
      const actor = { id: learner.id, name: learner.name, email: learner.email, role: "learner" as const, schoolId: learner.school_id! };
      await recordAttempt(deps, actor, BENCH_COURSE_ID, { attemptId: crypto.randomUUID(), itemId: item.id, response: "a", durationMs: 20_000, hintsUsed: 0, context: "practice" });
    }
    after.push(await dashboard(app, cookie));
  }
  const sortedCold = cold.sort((a, b) => a - b);
  const sortedAfter = after.sort((a, b) => a - b);
  return {
    coldMs: median(sortedCold),
    coldRuns: options.coldRuns,
    afterAnswersMs: median(sortedAfter),
    afterAnswersP95Ms: p95(sortedAfter),
    answeringLearners: options.answering,
    afterAnswersRuns: options.rounds,
  };
}

/** A fresh, migrated PostgreSQL database of its own, with the production pool of 10 connections. */
async function freshPostgresDatabase(): Promise<TestDatabase> {
  const database = await freshBenchDatabase(`attune_teaching_bench_${process.pid}`);
  const handle = openDatabase({ kind: "postgres", url: database.url });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

/** Seeds a fresh database of the kind, measures every teaching endpoint and drops the database. */
export async function benchTeachingDashboard(db: DbKind, options: { warmup?: number; runs?: number; log?: (line: string) => void } = {}): Promise<DashboardBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const handle = db === "sqlite" ? await freshSqlite() : await freshPostgresDatabase();
  try {
    log(`${db}: seeding`);
    const started = Date.now();
    const fixture: TeachingFixture = await seedTeaching(handle, new Date(), log);
    const seedSeconds = (Date.now() - started) / 1000;
    log(`${db}: seeded in ${seedSeconds.toFixed(1)} s: ${JSON.stringify(fixture.counts)}`);
    // Fresh statistics, as autovacuum would have gathered them on a database that grew over weeks.
    if (db === "postgres") await sql`analyze`.execute(handle.db);
    const app = appOn(handle);
    const teacher = await signIn(app, fixture.teacherEmail);
    const admin = await signIn(app, fixture.adminEmail);
    const cls = `/api/classes/${fixture.classId}`;
    const probes: Probe[] = [
      { name: "mastery", path: `${cls}/mastery`, cookie: teacher },
      { name: "overview", path: `${cls}/overview`, cookie: teacher },
      { name: "alerts", path: `${cls}/alerts`, cookie: teacher },
      { name: "item-analysis", path: `${cls}/item-analysis`, cookie: teacher },
      { name: "groups/suggestions", path: `${cls}/groups/suggestions`, cookie: teacher },
      { name: "learners/{id}", path: `${cls}/learners/${fixture.learnerId}`, cookie: teacher },
      { name: "school/report", path: "/api/school/report", cookie: admin },
    ];
    const loadAverage = os.loadavg()[0]!;
    const endpoints = await measure(app, probes, options.warmup ?? 5, options.runs ?? 30);
    for (const e of endpoints) {
      if (e.status === "ok") {
        log(`${db}  ${e.name.padEnd(20)} median ${e.medianMs!.toFixed(1).padStart(7)} ms  p95 ${e.p95Ms!.toFixed(1).padStart(7)} ms  CPU ${e.cpuMs!.toFixed(1).padStart(7)} ms  ${e.kilobytes!.toFixed(0)} KiB`);
      } else if (e.status === "missing") log(`${db}  ${e.name.padEnd(20)} not available`);
      else log(`${db}  ${e.name.padEnd(20)} ERROR ${e.error}`);
    }
    const scenarios = await measureScenarios(handle, fixture, { coldRuns: 3, rounds: Math.max(5, Math.round((options.runs ?? 30) / 2)), answering: 5 });
    log(`${db}  dashboard cold (new app, nothing cached) ${scenarios.coldMs.toFixed(0)} ms; after ${scenarios.answeringLearners} learners answered: median ${scenarios.afterAnswersMs.toFixed(0)} ms, p95 ${scenarios.afterAnswersP95Ms.toFixed(0)} ms`);
    return { db, seedSeconds, counts: fixture.counts, endpoints, loadAverage, scenarios };
  } finally {
    await handle.drop();
  }
}

const fmt = (ms: number | null) => (ms === null ? "—" : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

/** The class dashboard (mastery + overview + alerts): the sum of the medians, and whether every part exists. */
function dashboardSum(result: DashboardBenchResult) {
  const parts = result.endpoints.filter((e) => DASHBOARD.includes(e.name));
  const ok = parts.filter((e) => e.status === "ok");
  const sum = (f: (e: EndpointResult) => number) => ok.reduce((total, e) => total + f(e), 0);
  return { ms: sum((e) => e.medianMs!), p95: sum((e) => e.p95Ms!), cpu: sum((e) => e.cpuMs!), complete: ok.length === DASHBOARD.length, missing: parts.filter((e) => e.status !== "ok").map((e) => e.name) };
}

function cell(e: EndpointResult | undefined): string {
  if (!e) return "— | — | —";
  if (e.status === "missing") return "not available | — | —";
  if (e.status === "error") return "error | — | —";
  return `${fmt(e.medianMs)} | ${fmt(e.p95Ms)} | ${fmt(e.cpuMs)}`;
}

/** The `teaching` section of docs/benchmarks.md. */
export function teachingSection(results: DashboardBenchResult[]): string {
  const by = (db: DbKind) => results.find((r) => r.db === db);
  const names = results[0]!.endpoints.map((e) => e.name);
  const target = (name: string) => (DASHBOARD.includes(name) ? "part of ≤ 100" : name === "school/report" ? "≤ 1000" : "");
  const rows = names.map((name) => {
    const path = name === "school/report" ? "`GET /api/school/report` (admin, 2,000 learners)" : `\`GET /api/classes/{id}/${name}\``;
    return `| ${path} | ${target(name)} | ${cell(by("sqlite")?.endpoints.find((e) => e.name === name))} | ${cell(by("postgres")?.endpoints.find((e) => e.name === name))} |`;
  });
  const sumCell = (r: DashboardBenchResult | undefined) => {
    if (!r) return "— | — | —";
    const s = dashboardSum(r);
    return `**${fmt(s.ms)}**${s.complete ? "" : ` (without ${s.missing.join(", ")})`} | ${fmt(s.p95)} | ${fmt(s.cpu)}`;
  };
  const scenarioCell = (r: DashboardBenchResult | undefined, f: (s: DashboardScenarios) => [number, number | null]) => {
    if (!r) return "— | — | —";
    const [m, p] = f(r.scenarios);
    return `${fmt(m)} | ${fmt(p)} | —`;
  };
  const sc = results[0]!.scenarios;
  rows.splice(
    3,
    0,
    `| **class dashboard** = mastery + overview + alerts (sum), nothing changed since the last view | **≤ 100** | ${sumCell(by("sqlite"))} | ${sumCell(by("postgres"))} |`,
    `| class dashboard right after ${sc.answeringLearners} learners each answered a question (${sc.afterAnswersRuns} rounds) | | ${scenarioCell(by("sqlite"), (x) => [x.afterAnswersMs, x.afterAnswersP95Ms])} | ${scenarioCell(by("postgres"), (x) => [x.afterAnswersMs, x.afterAnswersP95Ms])} |`,
    `| class dashboard, first view after the server started (nothing cached; median of ${sc.coldRuns}) | | ${scenarioCell(by("sqlite"), (x) => [x.coldMs, null])} | ${scenarioCell(by("postgres"), (x) => [x.coldMs, null])} |`,
  );
  const verdicts = results.flatMap((r) => {
    const s = dashboardSum(r);
    const report = r.endpoints.find((e) => e.name === "school/report");
    const label = r.db === "sqlite" ? "SQLite" : "PostgreSQL";
    return [
      `${label} class dashboard: ${s.complete ? (s.ms <= 100 ? "met" : "**not met**") : `not measurable yet (${s.missing.join(", ")} not available)${s.ms > 100 ? "; **already over** without it" : ""}`} (${fmt(s.ms)} ms) when nothing changed since the last view; ` +
        `${fmt(r.scenarios.afterAnswersMs)} ms right after ${r.scenarios.answeringLearners} learners answered (${r.scenarios.afterAnswersMs <= 100 ? "also within" : "over"} the 100 ms); ` +
        `${fmt(r.scenarios.coldMs)} ms for the first view after a server start.`,
      `${label} school report: ${report?.status === "ok" ? (report.medianMs! <= 1000 ? "met" : "**not met**") : "not measurable"} (${fmt(report?.medianMs ?? null)} ms).`,
    ];
  });
  const counts = results[0]!.counts;
  const n = (x: number | undefined) => (x ?? 0).toLocaleString("en-US");
  const load = results.map((r) => `${r.db} ${r.loadAverage.toFixed(1)}`).join(", ");
  return (
    `## Teaching: class dashboard and school report\n\n` +
    `Measured ${machineLine()} (shared with other jobs: 1-minute load average at the start of timing ${load}). ` +
    `\`npx tsx bench/teaching/dashboard.bench.ts --db both\` (\`npm run bench:teaching\`). In-process on the real app ` +
    `(\`createApp\` + \`app.request\`, signed-in teacher and admin cookies), body read to the end; 5 warm-up rounds, then 30 ` +
    `rounds of every endpoint in turn; milliseconds: median and p95 of the wall clock, and the median CPU time of the ` +
    `Node process per request (what the request costs the server process whatever else the machine runs; on PostgreSQL ` +
    `the database server's own time is not in it). Targets (issue #7): the class dashboard ` +
    `(35 learners × 40 skills, 50,000 attempts) ≤ 100 ms, the school report for 2,000 learners ≤ 1 s, on both databases.\n\n` +
    `Data (fresh database each, all inserts in one transaction; PostgreSQL \`analyze\`d after seeding, as autovacuum would): ` +
    `a synthetic course of 40 skills (4 units of prerequisite trees/chains, 5 single-choice items and a lesson per skill); ` +
    `school A: one class of ${SIZES.classLearners} learners with ${n(counts.classAttempts)} attempts over ${SIZES.classWeeks} weeks ` +
    `(practice and reviews, hints, durations, \`masteryChanges\` from the answer loop's BKT + FSRS update; two strugglers, a hint ` +
    `clicker, a rapid guesser, two who stopped), their knowledge states and lesson views, 6 goals; school B: ` +
    `${n(SIZES.schoolLearners)} learners in ${SIZES.schoolClasses} classes with ${n(counts.schoolAttempts)} attempts of the last ` +
    `${SIZES.schoolWeeks} weeks. Totals: ${n(counts.attempts)} attempts, ${n(counts.learner_skill_states)} knowledge-state rows, ` +
    `${n(counts.lesson_views)} lesson views. Seeding took ${results.map((r) => `${r.seedSeconds.toFixed(0)} s (${r.db})`).join(", ")}.\n\n` +
    `Alerts and each learner's week are kept per learner until that learner's evidence changes (a new attempt, a ` +
    `knowledge-state update, a lesson view, a goal) or the hour turns (\`packages/server/src/teaching/learner-digests.ts\`): ` +
    `a view recomputes only the learners who did something since the last one, so its cost grows with them, as the ` +
    `second and third dashboard rows show.\n\n` +
    `| endpoint | target | SQLite median | p95 | CPU | PostgreSQL median | p95 | CPU |\n|---|---|---|---|---|---|---|---|\n${rows.join("\n")}\n\n` +
    verdicts.map((v) => `- ${v}`).join("\n")
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { db: { type: "string", default: "both" }, runs: { type: "string", default: "30" }, warmup: { type: "string", default: "5" } } });
  const kinds: DbKind[] = values.db === "both" ? ["sqlite", "postgres"] : [values.db as DbKind];
  const results: DashboardBenchResult[] = [];
  for (const db of kinds) results.push(await benchTeachingDashboard(db, { runs: Number(values.runs), warmup: Number(values.warmup) }));
  for (const r of results) {
    const s = dashboardSum(r);
    console.log(`${r.db}: class dashboard (sum of medians${s.complete ? "" : `, without ${s.missing.join(", ")}`}) ${fmt(s.ms)} ms`);
  }
  if (kinds.length === 2) {
    writeBenchmarkSection("teaching", teachingSection(results));
    console.log("docs/benchmarks.md: teaching section written");
  } else {
    console.log("(docs/benchmarks.md is written only by --db both)");
  }
}
