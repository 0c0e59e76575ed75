// Policy benchmark: every teaching policy on the same synthetic learners (same seed), adaptive placement, and the
// speed of one next-activity decision on a synthetic 500-skill course. Prints a table and writes it into
// docs/benchmarks.md between <!-- policy:begin --> and <!-- policy:end -->.
//   Usage: npx tsx bench/policy/run.ts [--course fractions] [--learners 500] [--seed 1] [--no-write]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildCourseGraph,
  createMemoryCard,
  createSeededRng,
  DEFAULT_TRUTH_RANGES,
  nextActivity,
  SIM_POLICIES,
  simulatePlacement,
  simulatePolicy,
  type ItemInfo,
  type MemoryCard,
  type PolicySimulationReport,
  type SkillNode,
} from "../../packages/engine/src/index.ts";
import { loadCourseGraphInput, resolveCourseDir } from "../../packages/server/src/simulation/course-graph-input.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const courseName = option("--course", "fractions");
const learners = Number(option("--learners", "500"));
const seed = Number(option("--seed", "1"));

const { input, errors } = await loadCourseGraphInput(resolveCourseDir(courseName, root));
const graph = buildCourseGraph(input);
process.stderr.write(`course ${courseName}: ${graph.skills.length} skills, ${graph.items.size} items, ${graph.lessons.size} lessons, ${errors} validation errors\n`);

const reports: (PolicySimulationReport & { seconds: number; label?: string })[] = [];
for (const policy of SIM_POLICIES) {
  const t = performance.now();
  const report = simulatePolicy(graph, { policy, learners, seed });
  reports.push({ ...report, seconds: (performance.now() - t) / 1000 });
  process.stderr.write(`${policy}: ${JSON.stringify(report)}\n`);
}
// Sensitivity: Attune without the review period after the last skill is mastered (fewer attempts, lower retention).
{
  const t = performance.now();
  const report = simulatePolicy(graph, { policy: "attune", learners, seed, attune: { reviewPeriodDays: 0 } });
  reports.push({ ...report, seconds: (performance.now() - t) / 1000, label: "attune, no review period" });
  process.stderr.write(`attune (no review period): ${JSON.stringify(report)}\n`);
}
const t = performance.now();
const placement = simulatePlacement(graph, { learners, seed });
const placementSeconds = (performance.now() - t) / 1000;
process.stderr.write(`placement: ${JSON.stringify(placement)}\n`);

// Decision speed on a synthetic 500-skill course: layered DAG, 1–3 prerequisites each, 10 items a skill.
function syntheticCourse(n: number) {
  const rng = createSeededRng(7);
  const skills: SkillNode[] = [];
  const items: ItemInfo[] = [];
  for (let i = 0; i < n; i++) {
    const prerequisites: string[] = [];
    if (i > 0) for (let k = 0, m = 1 + Math.floor(rng() * 3); k < m; k++) prerequisites.push(`s${Math.floor(rng() * i)}`);
    skills.push({ id: `s${i}`, name: `Skill ${i}`, prerequisites: [...new Set(prerequisites)] });
    for (let k = 0; k < 10; k++) items.push({ id: `s${i}-i${k}`, skillIds: [`s${i}`], difficulty: rng() * 2 - 1 });
  }
  return buildCourseGraph({ skills, items });
}
const big = syntheticCourse(500);
const rng = createSeededRng(11);
const now = Date.UTC(2025, 2, 3, 9);
const mastery = new Map<string, number>();
const memory = new Map<string, MemoryCard>();
for (const i of big.order) {
  const s = big.skills[i] as SkillNode;
  const ready = s.prerequisites.every((p) => (mastery.get(p) ?? 0) >= 0.95);
  const m = ready && rng() < 0.6 ? 0.96 + 0.03 * rng() : rng() * 0.8;
  mastery.set(s.id, m);
  if (m >= 0.95) memory.set(s.id, createMemoryCard(now - Math.floor(rng() * 20) * 86_400_000));
}
const recentAttempts = Array.from({ length: 20 }, (_, k) => ({ itemId: `s${k * 7}-i${k % 10}`, time: now - (20 - k) * 60_000 }));
const assignments = [{ skillIds: ["s450", "s120"], dueAt: now + 4 * 86_400_000, assignedBy: "Ms Rivera" }];
const decide = () => nextActivity({ now, rng, course: big, mastery, memory, recentAttempts, assignments, goals: [{ skillIds: ["s499"], targetDate: now + 60 * 86_400_000 }] });
for (let k = 0; k < 200; k++) decide();
const times: number[] = [];
for (let k = 0; k < 2000; k++) {
  const t0 = performance.now();
  decide();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] as number;
const p95 = times[Math.floor(times.length * 0.95)] as number;
const sample = decide();

const f = (x: number, d: number): string => x.toFixed(d);
const linear = reports.find((r) => r.policy === "linear-3ccr");
const attune = reports.find((r) => r.policy === "attune" && r.label === undefined);
const oracle = reports.find((r) => r.policy === "oracle");
const lines = [
  `Policy simulation on \`courses/${courseName}\` (${graph.skills.length} skills, ${graph.items.size} items with template instances, ${graph.lessons.size} lessons at the time of the run), ${learners} synthetic learners, seed ${seed}; the same learners for every policy.`,
  `Command: \`npm run bench:policy\` (= \`npx tsx bench/policy/run.ts\`); one policy alone: \`npx tsx packages/server/src/simulation/simulate.command.ts --course ${courseName} --policy attune --learners ${learners} --seed ${seed} --json\`.`,
  "",
  "| policy | attempts / learner | of which placement | reviews | practice on a known skill | practice on an unknown skill | minutes / learner | true mastery at end | false mastery rate | retention 30 d | finished | run (s) |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...reports.map((r) => {
    const placed = r.placement_attempts_per_learner ?? 0;
    const reviewed = r.review_attempts_per_learner ?? 0;
    const onKnown = r.practice_on_known_skill_per_learner ?? 0;
    const onUnknown = r.attempts_per_learner - placed - reviewed - onKnown;
    return `| ${r.label ?? r.policy} | ${f(r.attempts_per_learner, 1)} | ${f(placed, 1)} | ${f(reviewed, 1)} | ${f(onKnown, 1)} | ${f(onUnknown, 1)} | ${f(r.minutes_per_learner, 0)} | ${f(r.true_mastery_at_end, 3)} | ${f(r.false_mastery_rate, 3)} | ${f(r.retention_30d, 3)} | ${f(r.finished_share, 3)} | ${f(r.seconds, 1)} |`;
  }),
  "",
  "Practice on a known skill: attempts whose target skill the learner already knew when answering (checks and confirmations, the price of inferring mastery from answers; the oracle never pays it). Practice on an unknown skill is the learning itself.",
  "",
  `| placement | items used | classification accuracy | stopped confident | run (s) |`,
  "|---|---:|---:|---:|---:|",
  `| adaptive (max 25 items, 90% confidence) | ${f(placement.items_used, 1)} | ${f(placement.classification_accuracy, 3)} | ${f(placement.confident_share, 3)} | ${f(placementSeconds, 1)} |`,
  "",
  `Next-activity decision, synthetic 500-skill course (1–3 prerequisites a skill, 10 items a skill, ${memory.size} memory cards, an assignment and a goal): median ${f(median * 1000, 0)} µs, p95 ${f(p95 * 1000, 0)} µs over 2,000 decisions (after 200 warm-up). Sample reason: “${sample.reason.text}”`,
  "",
  "Targets (issue): attune ≥ 30% fewer attempts than linear-3ccr with true mastery at least as high; false mastery ≤ 5%; retention 30 d ≥ 0.9; within 15% of oracle's attempts; placement ≥ 90% accuracy with ≤ 20 items; decision median ≤ 1 ms.",
  linear && attune && oracle
    ? (() => {
        const saving = 1 - attune.attempts_per_learner / linear.attempts_per_learner;
        const ok = (b: boolean): string => (b ? "met" : "NOT met");
        return [
          `Measured: attune uses ${f(Math.abs(saving) * 100, 1)}% ${saving >= 0 ? "fewer" : "more"} attempts than linear-3ccr (${ok(saving >= 0.3 && attune.true_mastery_at_end >= linear.true_mastery_at_end)}; true mastery ${f(attune.true_mastery_at_end, 3)} vs ${f(linear.true_mastery_at_end, 3)}),`,
          `${f((attune.attempts_per_learner / oracle.attempts_per_learner - 1) * 100, 1)}% more than the oracle (${ok(attune.attempts_per_learner <= 1.15 * oracle.attempts_per_learner)}); false mastery ${f(attune.false_mastery_rate * 100, 1)}% (${ok(attune.false_mastery_rate <= 0.05)});`,
          `retention 30 d ${f(attune.retention_30d, 3)} (${ok(attune.retention_30d >= 0.9)}); placement ${f(placement.classification_accuracy * 100, 1)}% with ${f(placement.items_used, 1)} items (${ok(placement.classification_accuracy >= 0.9 && placement.items_used <= 20)}); decision median ${f(median * 1000, 0)} µs (${ok(median <= 1)}).`,
        ].join(" ");
      })()
    : "",
  "",
  `Ground truth (\`packages/engine/src/simulation/synthetic-learner.ts\`, drawn per skill and learner, never given to a policy): P(known before | prerequisites known) ${DEFAULT_TRUTH_RANGES.prior.join("–")} shrinking with depth, shifted by ability N(0, ${DEFAULT_TRUTH_RANGES.abilitySpread}²) on the logit scale; learn ${DEFAULT_TRUTH_RANGES.learn.join("–")} × speed (lognormal), ×${DEFAULT_TRUTH_RANGES.prerequisitePenalty} while a prerequisite is unknown; guess ${DEFAULT_TRUTH_RANGES.guess.join("–")}, slip ${DEFAULT_TRUTH_RANGES.slip.join("–")}; power-law forgetting R = (1 + t/9S)⁻¹ with S ${DEFAULT_TRUTH_RANGES.stability.join("–")} days after learning (${DEFAULT_TRUTH_RANGES.priorStability.join("–")} for skills known before), S ← S·(1 + g(1 − R)) + 0.2 per retrieval, g ${DEFAULT_TRUTH_RANGES.growth.join("–")}; using a skill retrieves its direct prerequisites. Learners study 25 minutes a day; budget 1,000 attempts or 180 days. Every policy shows a skill's lessons once before practising it. Attune's BKT is fitted by EM on two pilot cohorts (300 learners taught by fixed-count, then 300 by Attune; one-skill items only), never the true parameters; it updates multi-skill items conjunctively and counts a lesson as one chance to learn (BKT's transition, no evidence); after three wrong answers in a row on a skill it reviews that skill's mastered prerequisites early (a forgotten prerequisite slows learning fourfold); FSRS reviews target retention 0.9 during the course and 0.92 for 7 days after its last skill is mastered; attune attempts include its placement items and reviews. Why attune stays far from the attempt targets (measured with 200-learner diagnostics, seed 1): its mastery declarations are almost never wrong (0.03 skills a learner are declared without ever having been known; its false mastery is forgetting), but BKT at the course's 0.95 threshold still needs 2.7 right answers after a skill is learned even with the simulator's true parameters (3.3 with the fitted ones), about 80 attempts over the ~30 skills a learner learns; and the simulator's memory (stability 2–8 days after learning) costs 80–115 attempts of reviews and relearning for 30-day retention ≥ 0.9 — lower review targets, crediting a review to prerequisites, or grading a failed review as a slip each saved 25–35 reviews but raised false mastery to 6–8%. Spacing the confirmation instead — practice paused for 0.5–3 days once P(known) reached 0.7–0.9, the later answer graded as the skill's first FSRS review — saved nothing (358–386 attempts against 362; 200 learners); reviews fell by at most 7 but practice on known skills rose by 3–9 (in the simulator, an answer a day after learning finds recall near 0.98, which adds little stability). Learning itself takes ~150 attempts (the oracle's 154), so ≤ 195 attempts is out of reach without relaxing the mastery threshold or the false-mastery bound.`,
];
const table = lines.join("\n");
console.log(table);

if (!args.includes("--no-write")) {
  const file = resolve(root, "docs/benchmarks.md");
  const begin = "<!-- policy:begin -->";
  const end = "<!-- policy:end -->";
  let text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const block = `${begin}\n## Teaching policies, placement and decision speed\n\n${table}\n${end}`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a >= 0 && b > a) text = text.slice(0, a) + block + text.slice(b + end.length);
  else text = `${text.replace(/\n*$/, "\n")}\n${block}\n`;
  writeFileSync(file, text);
  process.stderr.write(`wrote ${file}\n`);
}
