// CPU seconds of one `best` fit (spec overrides as in validate.ts) on a data set's full training file, fit only.
//   npx tsx bench/kt/fit-cpu.ts <a09|statics> '{"name":{…spec overrides…}}'   (null: group off)
import { readAttemptLog } from "../../packages/server/src/evaluation/attempt-log.ts";
import { createSeededRng } from "../../packages/engine/src/knowledge/seeded-rng.ts";
import { fitLogisticParams } from "../../packages/engine/src/knowledge/logistic-tracer.ts";
import { BEST_SPEC } from "../../packages/engine/src/knowledge/logistic-models.ts";
import type { LogisticSpec } from "../../packages/engine/src/knowledge/logistic-features.ts";
import { KT_DATASET_FILES } from "./datasets.ts";

const ds = process.argv[2] ?? "a09";
const train = readAttemptLog((KT_DATASET_FILES[ds] as string[])[0] as string).histories;
const variants: Record<string, Partial<LogisticSpec>> = JSON.parse(process.argv[3] ?? '{"base":{}}');
for (const [name, v] of Object.entries(variants)) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const spec = { ...BEST_SPEC, ...Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x ?? undefined])) } as LogisticSpec;
  fitLogisticParams(spec, train, createSeededRng(42));
  const cpu = process.cpuUsage(c0);
  console.log(`${ds} ${name.padEnd(16)} fit cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)}), wall ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
