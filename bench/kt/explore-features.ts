// Try variants of the `best` feature spec on one data set without touching the registry:
//   npx tsx bench/kt/explore-features.ts a09 '{"no-bkt":{"bkt":false},"pattern-4":{"skillPattern":4}}'
// Data sets: a09, statics (given splits), a15, spanish (learner split 0.8, seed 42). Prints AUC, ECE, fit seconds.
// This scores on the TEST learners: choose variants with bench/kt/validate.ts (held-out training learners) instead.
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
const f = files[ds]!;
let train, test;
if (f.length === 2) { train = readAttemptLog(f[0]!).histories; test = readAttemptLog(f[1]!).histories; }
else ({ train, test } = splitByLearner(readAttemptLog(f[0]!).histories, 0.8, createSeededRng(42)));
const variants: Record<string, Partial<LogisticSpec>> = JSON.parse(process.argv[3] ?? '{"base":{}}');
for (const [name, v] of Object.entries(variants)) {
  const spec = { ...BEST_SPEC, ...v } as LogisticSpec;
  const t = performance.now();
  const params = fitLogisticParams(spec, train, createSeededRng(42));
  const fit = (performance.now() - t) / 1000;
  const { labels, predictions } = replayOneStepAhead(createLogisticTracer(params), test);
  const s = scorePredictions(labels, predictions);
  console.log(ds, name.padEnd(20), "auc", s.auc.toFixed(4), "ece", s.ece.toFixed(4), "fit", fit.toFixed(1));
}
