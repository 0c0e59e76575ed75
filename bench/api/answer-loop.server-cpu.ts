/**
 * CPU the real server spends per attempt: the load bench's server (child process, seeded the same way), sent
 * attempts one at a time, its CPU read from /proc before and after. One request at a time, so the figure does not
 * depend on what else the machine's cores are doing (latency under load does; that is answer-loop.bench.ts).
 *   npx tsx bench/api/answer-loop.server-cpu.ts [--db sqlite|postgres] [--attempts 3000]
 * Prints the CPU ms per attempt of each learner's first attempt (it also resolves their session) and of later ones,
 * and of a signed-in GET /api/me for comparison (what any API call costs).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freshBenchDatabase } from "../support/postgres-database.ts";
import { seed, startServer } from "./answer-loop.bench.ts";

const { values } = parseArgs({ options: { db: { type: "string", default: "sqlite" }, attempts: { type: "string", default: "3000" } } });
const dbKind = values.db as "sqlite" | "postgres";
const total = Number(values.attempts);
const CLOCK_TICKS_PER_MS = 100 / 1000; // USER_HZ

/** utime + stime of a process (all its threads), in ms. */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_MS;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-cpu-"));
const database = dbKind === "postgres" ? await freshBenchDatabase(`attune_cpu_${process.pid}`) : undefined;
const databaseUrl = database?.url;
const { cookies, items } = await seed(dbKind, dataDir, databaseUrl);
const port = 20000 + ((process.pid + 7) % 20000);
const server = await startServer(dataDir, port, databaseUrl);
try {
  let n = 0;
  const post = async () => {
    n++;
    const item = items[n % items.length]!;
    const choice = n % 3 === 0 ? item.choices.find((c) => !c.correct)! : item.choices.find((c) => c.correct)!;
    const response = await fetch(`http://127.0.0.1:${port}/api/courses/spanish-a1/attempts`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://127.0.0.1:${port}`, cookie: cookies[n % cookies.length]! },
      body: JSON.stringify({ attemptId: randomUUID(), itemId: item.id, response: choice.id, hintsUsed: 0, durationMs: 5000 }),
    });
    if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
  const measure = async (count: number) => {
    const before = cpuMsOf(server.pid!);
    for (let i = 0; i < count; i++) await post();
    return +((cpuMsOf(server.pid!) - before) / count).toFixed(3);
  };
  const firstAttemptCpuMs = await measure(cookies.length);
  const cpuMsPerAttempt = await measure(total);
  // The floor under any API call: a signed-in GET of /api/me (HTTP, middleware, session from the cache, JSON).
  const beforeMe = cpuMsOf(server.pid!);
  for (let i = 0; i < total; i++) {
    const response = await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { cookie: cookies[i % cookies.length]! } });
    await response.arrayBuffer();
  }
  const cpuMsPerSignedInGet = +((cpuMsOf(server.pid!) - beforeMe) / total).toFixed(3);
  console.log(JSON.stringify({ db: dbKind, attempts: total, cpuMsPerAttempt, firstAttemptCpuMs, cpuMsPerSignedInGet }));
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  fs.rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
}
