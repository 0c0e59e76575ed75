/**
 * The answer loop at 500 attempts/s for 20 s (autocannon with 64 and 10 connections, evenly paced, Poisson arrivals) on SQLite, then on PostgreSQL, and the server's CPU per attempt one at
 * a time (`answer-loop.server-cpu.ts`, a figure that does not depend on what else the cores run); rewrites the api
 * section of docs/benchmarks.md (`npm run bench` writes the latency table too).
 *   npx tsx bench/api/update-doc.ts
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { writeBenchmarkSection } from "../support/benchmarks-doc.ts";
import { machineLine } from "../support/machine.ts";
import { type AnswerLoopResult, answerLoopSection, benchAnswerLoop, type Pacing } from "./answer-loop.bench.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

function serverCpu(db: string): { cpuMsPerAttempt: number; firstAttemptCpuMs: number; cpuMsPerSignedInGet: number } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "bench/api/answer-loop.server-cpu.ts", "--db", db, "--attempts", "2000"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) throw new Error(`answer-loop.server-cpu.ts --db ${db} failed`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!);
}

const loadBefore = os.loadavg()[0]!;
const results: AnswerLoopResult[] = [];
const cpu: string[] = [];
for (const db of ["sqlite", "postgres"] as const) {
  const runs: [Pacing, number][] = [["autocannon", 64], ["autocannon", 10], ["even", 64], ["poisson", 64]];
  for (const [pacing, connections] of runs) {
    const result = await benchAnswerLoop(db, 500, 20, pacing, connections);
    console.log(JSON.stringify(result));
    results.push(result);
  }
  const c = serverCpu(db);
  console.log(JSON.stringify({ db, ...c }));
  cpu.push(`| ${db} | ${c.cpuMsPerAttempt} | ${c.firstAttemptCpuMs} | ${c.cpuMsPerSignedInGet} |`);
}
const load = `1-minute load average ${loadBefore.toFixed(1)} before these runs and ${os.loadavg()[0]!.toFixed(1)} after (other jobs share the 2 cores; latencies under load depend on them, the CPU figures much less).`;
const notes =
  `${load}\n\n` +
  "Server CPU per request, one request at a time (`npx tsx bench/api/answer-loop.server-cpu.ts --db sqlite|postgres`; " +
  "node process only, PostgreSQL's own CPU not counted), ms:\n\n" +
  `| database | attempt | learner's first attempt (session read) | signed-in GET /api/me |\n|---|---|---|---|\n${cpu.join("\n")}`;
writeBenchmarkSection("api", answerLoopSection(results, machineLine(), notes));
