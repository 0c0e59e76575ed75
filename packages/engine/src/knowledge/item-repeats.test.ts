import { describe, expect, it } from "vitest";
import { countItemRepeats, ownRepeatCounts, repeatGainLookups } from "./item-repeats.ts";
import { logit } from "./logistic.ts";
import { BEST_SPEC } from "./logistic-models.ts";
import { createLogisticTracer, fitLogisticParams } from "./logistic-tracer.ts";
import { createSeededRng } from "./seeded-rng.ts";
import type { LearnerHistory, Observation } from "./tracer.ts";

const at = (itemId: string, correct: boolean): Observation => ({ itemId, skillIds: ["s"], correct });
const histories: LearnerHistory[] = [
  { learnerId: "a", observations: [at("p", false), at("p", true), at("q", true), at("p", true)] },
  { learnerId: "b", observations: [at("q", false), at("p", false), at("q", true)] },
];

describe("item repeat gain", () => {
  it("counts first attempts and repeats per item", () => {
    const table = countItemRepeats(histories, 2);
    expect(table.itemIds).toEqual(["p", "q"]);
    // p: first answers wrong, wrong; repeats right, right. q: first answers right, wrong; one repeat, right.
    expect(table.counts).toEqual([
      [0, 2, 2, 2],
      [1, 2, 1, 1],
    ]);
  });

  it("is the shrunk log-odds on repeats minus on first attempts (hand-computed)", () => {
    const table = countItemRepeats(histories, 2);
    // Overall: first answers 1 right of 4, repeats 3 of 3 … so p̄_first = 1/4, p̄_repeat = 1.
    const gain = repeatGainLookups(table)();
    const pFirst = 1 / 4;
    const pRepeat = 1;
    expect(gain("p")).toBeCloseTo(logit((2 + 2 * pRepeat) / (2 + 2)) - logit((0 + 2 * pFirst) / (2 + 2)), 12);
    expect(gain("q")).toBeCloseTo(logit((1 + 2 * pRepeat) / (1 + 2)) - logit((1 + 2 * pFirst) / (2 + 2)), 12);
    // An item never seen gets the typical gain.
    expect(gain("new")).toBeCloseTo(logit(pRepeat) - logit(pFirst), 12);
  });

  it("leaves a learner's own answers out of his features (no smoothing: exactly the others' table)", () => {
    const table = countItemRepeats(histories, 0);
    const withoutA = repeatGainLookups(table)(ownRepeatCounts(histories[0] as LearnerHistory));
    const onlyB = repeatGainLookups(countItemRepeats([histories[1] as LearnerHistory], 0))();
    // b answered p once (first, wrong) and q twice (first wrong, repeat right).
    expect(withoutA("q")).toBeCloseTo(onlyB("q"), 12);
    expect(ownRepeatCounts(histories[1] as LearnerHistory).get("q")).toEqual([0, 1, 1, 1]);
  });

  it("enters `best` only on a repeated item", () => {
    const rng = createSeededRng(2);
    const learners: LearnerHistory[] = Array.from({ length: 40 }, (_, k) => ({
      learnerId: `l${k}`,
      observations: Array.from({ length: 10 }, (_, t) => at(`i${t % 4}`, rng() < (t < 4 ? 0.3 : 0.8))),
    }));
    const params = fitLogisticParams(BEST_SPEC, learners, createSeededRng(3));
    expect(params.repeats?.itemIds).toEqual(["i0", "i1", "i2", "i3"]);
    const tracer = createLogisticTracer(params);
    // With an empty table every item gets the typical gain: first attempts and mastery cannot tell the difference.
    const typical = createLogisticTracer({ ...params, repeats: { itemIds: [], counts: [], smoothing: 5 } });
    const state = tracer.update(tracer.initialState(), at("i0", true));
    expect(typical.predict(state, at("i1", true))).toBe(tracer.predict(state, at("i1", true)));
    expect(typical.mastery(state, "s")).toBe(tracer.mastery(state, "s"));
  });
});
