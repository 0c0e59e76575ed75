// Hyperparameter / feature selection WITHOUT looking at test data: the training learners of a data set are split
// again by learner (80/20, seed 7); each variant of the `best` spec is fitted on the inner 80% and scored
// one-step-ahead on the held-out 20% of TRAINING learners. Only the chosen variant is later run on the test split
// (bench/kt/run.ts, or add --test here to print test figures of the listed variants once a choice is made).
//   npx tsx bench/kt/validate.ts <a09|statics|a15|spanish> '{"name":{…spec overrides…}}' [--test] [--fit-seed N]
//   (an override of null switches a group off)
import { readAttemptLog } from "../../packages/server/src/evaluation/attempt-log.ts";
import { splitByLearner } from "../../packages/server/src/evaluation/learner-split.ts";
import { replayOneStepAhead } from "../../packages/server/src/evaluation/one-step-ahead.ts";
import { createSeededRng } from "../../packages/engine/src/knowledge/seeded-rng.ts";
import { createLogisticTracer, fitLogisticParams } from "../../packages/engine/src/knowledge/logistic-tracer.ts";
import { BEST_SPEC } from "../../packages/engine/src/knowledge/logistic-models.ts";
import type { LogisticSpec } from "../../packages/engine/src/knowledge/logistic-features.ts";
import { scorePredictions } from "../../packages/engine/src/metrics/scores.ts";
import { KT_DATASET_FILES } from "./datasets.ts";

const ds = process.argv[2] ?? "a09";
const files = KT_DATASET_FILES;
const f = files[ds];
if (f === undefined) throw new Error(`unknown data set ${ds}`);
let train, test;
if (f.length === 2) {
  train = readAttemptLog(f[0] as string).histories;
  test = readAttemptLog(f[1] as string).histories;
} else ({ train, test } = splitByLearner(readAttemptLog(f[0] as string).histories, 0.8, createSeededRng(42)));
// The validation split is carved from the training learners only.
const inner = splitByLearner(train, 0.8, createSeededRng(7));
const showTest = process.argv.includes("--test");
// --fit-seed N: another seed for the fits (default 42), to see how much a difference owes to the fit's randomness.
const seedAt = process.argv.indexOf("--fit-seed");
const fitSeed = seedAt > 0 ? Number(process.argv[seedAt + 1]) : 42;
const variants: Record<string, Partial<LogisticSpec>> = JSON.parse(process.argv[3] ?? '{"base":{}}');
for (const [name, v] of Object.entries(variants)) {
  // A null override switches a group off (e.g. '{"no-seq":{"sequence":null}}').
  const spec = { ...BEST_SPEC, ...Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x ?? undefined])) } as LogisticSpec;
  let t = performance.now();
  const params = fitLogisticParams(spec, inner.train, createSeededRng(fitSeed));
  const fit = (performance.now() - t) / 1000;
  const val = replayOneStepAhead(createLogisticTracer(params), inner.test);
  const s = scorePredictions(val.labels, val.predictions);
  let line = `${ds} ${name.padEnd(22)} VAL auc ${s.auc.toFixed(4)} ece ${s.ece.toFixed(4)} fit ${fit.toFixed(1)}`;
  if (showTest) {
    t = performance.now();
    const full = fitLogisticParams(spec, train, createSeededRng(fitSeed));
    const fitFull = (performance.now() - t) / 1000;
    const r = replayOneStepAhead(createLogisticTracer(full), test);
    const st = scorePredictions(r.labels, r.predictions);
    line += ` | TEST auc ${st.auc.toFixed(4)} ece ${st.ece.toFixed(4)} fit ${fitFull.toFixed(1)}`;
  }
  console.log(line);
}
