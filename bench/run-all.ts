/**
 * `npm run bench`: every benchmark, one after another (they share 2 cores, so never in parallel), each printing
 * its figures; sections of docs/benchmarks.md are rewritten with the results. `--all` adds the knowledge
 * tracing table (`npm run bench:kt`, a few minutes).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { benchCourseImport } from "./content/course-import.bench.ts";
import { writeBenchmarkSection } from "./support/benchmarks-doc.ts";
import { machineLine } from "./support/machine.ts";
import { benchTeachingDashboard, teachingSection } from "./teaching/dashboard.bench.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

function runScript(script: string, args: string[] = []): string {
  if (!fs.existsSync(path.join(ROOT, script))) return "";
  console.log(`\n== ${script} ${args.join(" ")}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  process.stdout.write(result.stdout);
  if (result.status !== 0) throw new Error(`${script} failed`);
  return result.stdout;
}

const checker = runScript("bench/content/checker.bench.ts");
console.log("\n== Fractions validation + import");
const imported = await benchCourseImport();
console.log(`${imported.totalSeconds.toFixed(2)} s (validate ${imported.validateSeconds.toFixed(2)} s, import ${imported.importSeconds.toFixed(2)} s, ${imported.items} items)`);
writeBenchmarkSection(
  "content",
  `## Content: answer checking and course import\n\nMeasured ${machineLine()}. \`npx tsx bench/content/checker.bench.ts\` and ` +
    `\`npx tsx bench/content/course-import.bench.ts\`. Targets: ≥ 10,000 expression checks/s; Fractions validation + import under 5 s.\n\n` +
    `| measure | result |\n|---|---|\n| Fractions validation + import (fresh SQLite) | ${imported.totalSeconds.toFixed(2)} s (validate ${imported.validateSeconds.toFixed(2)} s, import ${imported.importSeconds.toFixed(2)} s, ${imported.items} items) |\n\n` +
    "Answer checker output:\n\n```\n" + checker.trim() + "\n```",
);
runScript("bench/policy/run.ts");
if (process.argv.includes("--all")) runScript("bench/kt/run.ts");

runScript("bench/web/update-doc.ts");
runScript("bench/web/feedback-latency.bench.ts");

console.log("\n== answer loop under load (500 attempts/s for 20 s, 1,000 learners; autocannon, evenly paced, Poisson arrivals)");
runScript("bench/api/update-doc.ts");

console.log("\n== teaching: class dashboard (35 learners, 50,000 attempts) and school report (2,000 learners)");
const teaching = [];
for (const db of ["sqlite", "postgres"] as const) teaching.push(await benchTeachingDashboard(db));
writeBenchmarkSection("teaching", teachingSection(teaching));
