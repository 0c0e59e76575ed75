// `simulate`: measures a teaching policy (or adaptive placement) on synthetic learners and prints one JSON line.
//   simulate --course fractions --policy <attune|linear-3ccr|fixed-count|oracle> --learners 500 --seed 1 --json
//   simulate --course fractions --placement --learners 500 --seed 1 --json
import { parseArgs } from "node:util";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCourseGraph, SIM_POLICIES, simulatePlacement, simulatePolicy, type SimPolicyName } from "@attune/engine";
import { loadCourseGraphInput, resolveCourseDir } from "./course-graph-input.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const USAGE = "simulate --course <name|path> (--policy <attune|linear-3ccr|fixed-count|oracle> | --placement) [--learners 500] [--seed 1] [--review-days <attune's review period, default 7>] [--json]";

/** Runs the simulate command; returns the exit code (0 ok, 2 bad arguments, 1 course errors). */
export async function runSimulateCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv[0] === "simulate" ? argv.slice(1) : argv,
      options: {
        course: { type: "string", default: "fractions" },
        policy: { type: "string" },
        placement: { type: "boolean", default: false },
        learners: { type: "string", default: "500" },
        seed: { type: "string", default: "1" },
        json: { type: "boolean", default: false },
        "review-days": { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: ${USAGE}`);
    return 2;
  }
  const learners = Number(values.learners);
  const seed = Number(values.seed);
  const policy = values.policy as SimPolicyName | undefined;
  if (!Number.isInteger(learners) || learners < 1 || !Number.isInteger(seed) || (!values.placement && (policy === undefined || !SIM_POLICIES.includes(policy)))) {
    console.error(`Usage: ${USAGE}`);
    return 2;
  }
  const dir = resolveCourseDir(values.course as string, REPO_ROOT);
  const { input, errors } = await loadCourseGraphInput(dir);
  if (input.skills.length === 0) {
    console.error(`No skills found in ${dir}.`);
    return 1;
  }
  if (errors > 0 && !values.json) console.error(`warning: ${dir} has ${errors} validation errors; simulating what parses.`);
  const graph = buildCourseGraph(input);
  const reviewDays = values["review-days"] === undefined ? undefined : Number(values["review-days"]);
  if (reviewDays !== undefined && !(reviewDays >= 0)) {
    console.error(`Usage: ${USAGE}`);
    return 2;
  }
  const attune = reviewDays === undefined ? {} : { attune: { reviewPeriodDays: reviewDays } };
  const result = values.placement ? simulatePlacement(graph, { learners, seed }) : simulatePolicy(graph, { policy: policy as SimPolicyName, learners, seed, ...attune });
  if (values.json) console.log(JSON.stringify(result));
  else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(24)} ${typeof v === "number" ? +v.toFixed(4) : v}`);
  return 0;
}

// Run directly: `npx tsx packages/server/src/simulation/simulate.command.ts --course fractions --policy attune --json`
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runSimulateCommand(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
