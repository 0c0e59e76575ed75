import { describe, expect, it } from "vitest";
import { createLayout, countsConfigOf, encodeFeatures, type FeatureBuffer } from "./logistic-features.ts";
import { initialCounts, updateCounts } from "./logistic-state.ts";
import { BEST_SPEC } from "./logistic-models.ts";
import { createLogisticTracer, fitLogisticParams, type LogisticParams } from "./logistic-tracer.ts";
import { createSeededRng } from "./seeded-rng.ts";
import { simulateBktLearners } from "./simulate-learners.ts";
import { createTreeInputs, fillTreeInputs } from "./tree-inputs.ts";
import type { Observation } from "./tracer.ts";

const at = (itemId: string, skillId: string, correct: boolean): Observation => ({ itemId, skillIds: [skillId], correct });

describe("tree inputs", () => {
  const layout = createLayout(BEST_SPEC, ["p", "q"], ["s", "t"]);
  const weights = Array.from({ length: layout.columns }, (_, j) => j / 100);
  const inputs = createTreeInputs(layout, weights);
  const named = (name: string): number => inputs.names.indexOf(name);

  it("name every input once, the logistic log-odds first", () => {
    expect(inputs.names[0]).toBe("log-odds");
    expect(new Set(inputs.names).size).toBe(inputs.names.length);
  });

  it("fold one-hots into their fitted weight or code, and per-skill counts into the skill asked", () => {
    const config = countsConfigOf(BEST_SPEC, undefined, () => 0);
    let state = initialCounts(config);
    for (const o of [at("p", "t", true), at("q", "t", false), at("q", "t", true)]) state = updateCounts(state, o, config);
    const buffer: FeatureBuffer = { indices: [], values: [] };
    encodeFeatures(layout, config, state, "q", ["t"], undefined, buffer);
    const x = new Array<number>(inputs.names.length).fill(0);
    fillTreeInputs(inputs, buffer.indices, buffer.values, 0, buffer.indices.length, 1.25, x);
    expect(x[0]).toBe(1.25);
    expect(x[named("item difficulty weight")]).toBe(weights[layout.item + 1]);
    expect(x[named("skill difficulty weight")]).toBe(weights[layout.skill + 1]);
    expect(x[named("log(1 + right at skill)")]).toBeCloseTo(Math.log(3), 12);
    expect(x[named("log(1 + wrong at skill)")]).toBeCloseTo(Math.log(2), 12);
    expect(x[named("last answer at item (+1 right, −1 wrong)")]).toBe(1);
    // The last three answers at the skill, right-wrong-right: code = slot + 1 = (2³ − 1) + 0b101 + 1.
    expect(x[named("pattern at skill")]).toBe(7 + 5 + 1);
  });
});

describe("residual trees in `best`", () => {
  it("correct the prediction of an attempt but leave mastery to the additive model", () => {
    const truth = { add: { prior: 0.3, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 }, sub: { prior: 0.5, learn: 0.1, guess: 0.25, slip: 0.08, forget: 0 } };
    const learners = simulateBktLearners(truth, { learners: 80, attemptsPerLearner: 30, rng: createSeededRng(6) });
    const params = fitLogisticParams(BEST_SPEC, learners, createSeededRng(7));
    expect(params.boosted?.trees.length).toBe(BEST_SPEC.boost?.trees);
    const { boosted: _trees, ...additive } = params;
    const withTrees = createLogisticTracer(params);
    const without = createLogisticTracer(additive as LogisticParams);
    let state = withTrees.initialState();
    let differs = false;
    for (const o of learners[0]?.observations ?? []) {
      differs ||= withTrees.predict(state, o) !== without.predict(state, o);
      for (const s of ["add", "sub"]) expect(withTrees.mastery(state, s)).toBe(without.mastery(state, s));
      state = withTrees.update(state, o);
    }
    expect(differs).toBe(true);
  });

  it("fit the same trees twice for a seed, also when they are fitted on a drawn subset of rows", () => {
    const truth = { add: { prior: 0.3, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 } };
    const learners = simulateBktLearners(truth, { learners: 40, attemptsPerLearner: 20, rng: createSeededRng(8) });
    const spec = { ...BEST_SPEC, boost: { ...(BEST_SPEC.boost as NonNullable<typeof BEST_SPEC.boost>), trees: 5, maxRows: 300 } };
    const a = fitLogisticParams(spec, learners, createSeededRng(9));
    const b = fitLogisticParams(spec, learners, createSeededRng(9));
    expect(a.boosted).toEqual(b.boosted);
    expect(a.boosted?.trees.length).toBe(5);
  });
});
