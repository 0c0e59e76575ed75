// Online update cost per attempt: fit a model on ASSISTments 2009 train, then time update() over the test attempts.
// Usage: npx tsx bench/kt/update-speed.ts [model …]   (defaults: pfa best-lr best bkt)
import { performance } from "node:perf_hooks";
import { createSeededRng, fitTracer } from "../../packages/engine/src/index.ts";
import { readAttemptLog } from "../../packages/server/src/evaluation/attempt-log.ts";

const dir = new URL("../../../shared/data/gervet_assistments09/", import.meta.url).pathname;
const train = readAttemptLog(`${dir}preprocessed_data_train.csv`).histories;
const test = readAttemptLog(`${dir}preprocessed_data_test.csv`).histories;
const models = process.argv.length > 2 ? process.argv.slice(2) : ["pfa", "best-lr", "best", "bkt"];
for (const model of models) {
  const tracer = fitTracer(model, train, { rng: createSeededRng(42) });
  let updates = 0;
  let updateMs = 0;
  let predictMs = 0;
  for (let round = 0; round < 3; round++) {
    for (const history of test) {
      let state = tracer.initialState();
      for (const o of history.observations) {
        const t0 = performance.now();
        tracer.predict(state, o);
        const t1 = performance.now();
        state = tracer.update(state, o);
        const t2 = performance.now();
        predictMs += t1 - t0;
        updateMs += t2 - t1;
        updates++;
      }
    }
  }
  console.log(`${model}: update ${((1000 * updateMs) / updates).toFixed(2)} µs, predict ${((1000 * predictMs) / updates).toFixed(2)} µs per attempt (${updates} attempts)`);
}
