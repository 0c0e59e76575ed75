import { describe, expect, it } from "vitest";
import { createLayout, countsConfigOf, encodeFeatures, type FeatureBuffer } from "./logistic-features.ts";
import { initialCounts, updateCounts } from "./logistic-state.ts";
import { BEST_SPEC } from "./logistic-models.ts";
import { createLogisticTracer, fitLogisticParams, type LogisticParams } from "./logistic-tracer.ts";
import { createSeededRng } from "./seeded-rng.ts";
import { simulateBktLearners } from "./simulate-learners.ts";
import { createTreeInputs, fillTreeInputs } from "./tree-inputs.ts";
import type { Observation } from "./tracer.ts";
import { mapGet } from "./persistent-map.ts";

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

describe("context options of `best` (off by default, see logistic-spec.ts)", () => {
  const spec = { ...BEST_SPEC, runs: true, decay: { halfLives: [2], item: true, skill: true }, ownResidual: true };
  const layout = createLayout(spec, ["p", "q"], ["s", "t"]);
  const inputs = createTreeInputs(layout, new Array<number>(layout.columns).fill(0));
  const named = (name: string): number => inputs.names.indexOf(name);

  it("feed the run, the decayed answers and the own residual to the trees (hand-computed)", () => {
    const config = countsConfigOf(spec, undefined, () => 0);
    let state = initialCounts(config);
    // p at s: wrong, right; then q at s (the same run). Elo with easiness 0: θ = 0, so the residual at p is 1 − σ(…).
    for (const o of [at("p", "s", false), at("p", "s", true)]) state = updateCounts(state, o, config);
    const buffer: FeatureBuffer = { indices: [], values: [] };
    encodeFeatures(layout, config, state, "p", ["s"], undefined, buffer);
    const x = new Array<number>(inputs.names.length).fill(0);
    fillTreeInputs(inputs, buffer.indices, buffer.values, 0, buffer.indices.length, 0, x);
    expect(x[named("in a run")]).toBe(1);
    expect(x[named("log(1 + attempts in run)")]).toBeCloseTo(Math.log(3), 12);
    expect(x[named("streak in run")]).toBe(2); // code = streak 1 + 1
    // At the item, before attempt 2: the right answer one attempt back weighs 2^(−½), the wrong one two back ½.
    expect(x[named("decayed right at item (h 2)")]).toBeCloseTo(Math.log1p(Math.SQRT1_2), 12);
    expect(x[named("decayed wrong at item (h 2)")]).toBeCloseTo(Math.log1p(0.5), 12);
    expect(x[named("decayed right at skill (h 2)")]).toBeCloseTo(Math.log1p(Math.SQRT1_2), 12);
    expect(x[named("own residual at item")]).toBe(mapGet(state.items, "p")?.residual);
  });

  it("leave mastery to the evidence: the sequence models change no mastery", () => {
    const truth = { add: { prior: 0.3, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 } };
    const learners = simulateBktLearners(truth, { learners: 40, attemptsPerLearner: 20, rng: createSeededRng(8) });
    const params = fitLogisticParams(BEST_SPEC, learners, createSeededRng(9));
    expect(params.sequence?.length).toBe(BEST_SPEC.sequence?.folds);
    const { sequence: _models, ...rest } = params;
    // The sequence column is the last of the layout: dropping it and its models leaves the same additive evidence.
    const without = createLogisticTracer({ ...rest, spec: { ...params.spec, sequence: undefined }, weights: params.weights.slice(0, -1) } as LogisticParams);
    const withSequence = createLogisticTracer(params);
    let state = withSequence.initialState();
    let other = without.initialState();
    for (const o of learners[0]?.observations ?? []) {
      expect(withSequence.mastery(state, "add")).toBeCloseTo(without.mastery(other, "add"), 12);
      state = withSequence.update(state, o);
      other = without.update(other, o);
    }
  });
});
