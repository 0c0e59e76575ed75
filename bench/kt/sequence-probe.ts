// Probe: one sequence model of sequence-model.ts alone (GRU or decay cell), fitted on the inner training learners of
// the validation split (as in validate.ts) and scored one-step-ahead on the held-out training learners; CPU of the fit.
//   npx tsx bench/kt/sequence-probe.ts <a09|statics|a15|spanish> '{"cell":"decay","hidden":16,"epochs":6,…}'
import { readAttemptLog } from "../../packages/server/src/evaluation/attempt-log.ts";
import { splitByLearner } from "../../packages/server/src/evaluation/learner-split.ts";
import { createSeededRng } from "../../packages/engine/src/knowledge/seeded-rng.ts";
import { fitSequenceModel, sequenceRunner, type SequenceOptions } from "../../packages/engine/src/knowledge/sequence-model.ts";
import { sigmoid } from "../../packages/engine/src/knowledge/logistic.ts";
import { scorePredictions } from "../../packages/engine/src/metrics/scores.ts";
import { KT_DATASET_FILES } from "./datasets.ts";

const ds = process.argv[2] ?? "a15";
const f = KT_DATASET_FILES[ds];
if (f === undefined) throw new Error(`unknown data set ${ds}`);
const train =
  f.length === 2
    ? readAttemptLog(f[0] as string).histories
    : splitByLearner(readAttemptLog(f[0] as string).histories, 0.8, createSeededRng(42)).train;
const inner = splitByLearner(train, 0.8, createSeededRng(7));
const defaults: SequenceOptions = { hidden: 16, epochs: 10, learningRate: 0.01, maxRows: 1e9, chunk: 50, batch: 512 };
const options: SequenceOptions = { ...defaults, ...JSON.parse(process.argv[3] ?? "{}") };
const c0 = process.cpuUsage();
const model = fitSequenceModel(inner.train, options, createSeededRng(42));
const cpu = process.cpuUsage(c0);
const runner = sequenceRunner(model);
const labels: number[] = [];
const predictions: number[] = [];
for (const history of inner.test) {
  let h: Float64Array = new Float64Array(model.hidden);
  for (const o of history.observations) {
    predictions.push(sigmoid(runner.logit(h, o.itemId, o.skillIds)));
    labels.push(o.correct ? 1 : 0);
    h = runner.step(h, o.itemId, o.skillIds, o.correct);
  }
}
const s = scorePredictions(labels, predictions);
console.log(`${ds} ${JSON.stringify(options)} alone VAL auc ${s.auc.toFixed(4)} ece ${s.ece.toFixed(4)} fit cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
