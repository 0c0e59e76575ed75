// Content benchmarks: answer-checker throughput and course validation time. Prints plain figures.
// Run: npx tsx bench/content/checker.bench.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkAnswer, readCourseDir, validateCourse, type ExpressionItem, type NumericAnswer } from "@attune/content";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function expressionItem(answer: string): ExpressionItem {
  return { id: "bench", skills: ["s"], prompt: "", hints: [], solution: "", tags: [], type: "expression", answer, variables: [], form: "any", misconceptions: [] };
}

/** Answers and, for each, learner responses: equivalent rewritings and wrong ones. */
const CASES: [string, string[]][] = [
  ["2(x+3)", ["2x+6", "6+2x", "2*(x+3)", "2x+3", "2(x-3)", "x+x+6"]],
  ["x^2+2x+1", ["(x+1)^2", "(x+1)(x+1)", "x^2+1", "x²+2x+1", "1+2x+x^2", "(x-1)^2"]],
  ["(13x+11)(13x-11)", ["169x^2-121", "(13x-11)(13x+11)", "(13x-11)^2", "169x^2+121", "13x^2-11", "(11+13x)(13x-11)"]],
  ["\\frac{x+1}{x-1}", ["(x+1)/(x-1)", "1+2/(x-1)", "(x-1)/(x+1)", "x+1/x-1", "\\frac{x+1}{x-1}", "-(x+1)/(1-x)"]],
  ["3x^2y - 2xy^2", ["3x^2 y-2x y^2", "xy(3x-2y)", "3yx^2-2xy^2", "xy(3x+2y)", "3x^2y", "-2xy^2+3x^2y"]],
  ["log(x)+log(y)", ["log(xy)", "log(x*y)", "log(x+y)", "log(x)log(y)", "log(y)+log(x)", "log(x y)"]],
];

function expressionThroughput(seconds: number): { checks: number; perSecond: number; perCpuSecond: number; correct: number } {
  const items = CASES.map(([answer, responses]) => ({ item: expressionItem(answer), responses }));
  // Warm up (compiles and caches each item's answer).
  for (const { item, responses } of items) for (const r of responses) checkAnswer(item, r);
  let checks = 0;
  let correct = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  let round = 0;
  while (performance.now() - start < seconds * 1000) {
    round++;
    for (const { item, responses } of items) {
      for (const r of responses) {
        // A varying amount of whitespace makes every response a fresh string (no response is cached anyway).
        if (checkAnswer(item, `${r}${" ".repeat(round % 3)}`).correct) correct++;
        checks++;
      }
    }
  }
  const elapsed = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { checks, perSecond: checks / elapsed, perCpuSecond: checks / ((used.user + used.system) / 1e6), correct };
}

function numericThroughput(seconds: number): number {
  const item: NumericAnswer = { type: "numeric", answer: "7/12", units: [], form: "lowest-terms", misconceptions: [{ match: "2/7", feedback: "" }] };
  const responses = ["7/12", "14/24", "0.58333333333", "2/7", "1 1/12", "7 / 12", "−7/12", "seven"];
  let checks = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const r of responses) checkAnswer(item, r);
    checks += responses.length;
  }
  return checks / ((performance.now() - start) / 1000);
}

const expression = expressionThroughput(2);
console.log(
  `expression checks: ${expression.checks} in 2 s = ${Math.round(expression.perSecond)} checks/s wall, ` +
    `${Math.round(expression.perCpuSecond)} checks per CPU second (target >= 10000); ${expression.correct} accepted`,
);
console.log(`numeric checks: ${Math.round(numericThroughput(1))} checks/s`);

const fractions = `${ROOT}courses/fractions`;
if (existsSync(fractions)) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { course, problems, sources } = await readCourseDir(fractions);
  const parsed = performance.now();
  const validation = validateCourse(course, sources);
  const done = performance.now();
  const used = process.cpuUsage(cpu);
  const errors = [...problems, ...validation.problems].filter((p) => p.severity === "error").length;
  console.log(
    `courses/fractions: read+parse ${Math.round(parsed - start)} ms, validate+expand ${Math.round(done - parsed)} ms; ` +
      `${Math.round((used.user + used.system) / 1000)} ms CPU in all; ` +
      `${course.templates.length} templates -> ${validation.expandedItemCount} items, ${validation.itemCount} written items, ${errors} errors`,
  );
  // Again in the same process: the first run includes JIT warm-up of mathjs and zod.
  const warmCpu = process.cpuUsage();
  const warmStart = performance.now();
  const { expandedItemCount } = validateCourse(course, sources);
  const warmUsed = process.cpuUsage(warmCpu);
  console.log(
    `courses/fractions (warm): validate+expand ${Math.round(performance.now() - warmStart)} ms wall, ` +
      `${Math.round((warmUsed.user + warmUsed.system) / 1000)} ms CPU for ${expandedItemCount} generated items`,
  );
} else {
  console.log("courses/fractions: not present, skipped");
}
