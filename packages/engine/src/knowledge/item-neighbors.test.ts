import { describe, expect, it } from "vitest";
import { fitItemNeighbors, neighborLookup } from "./item-neighbors.ts";
import { sigmoid } from "./logistic.ts";
import { createLayout, encodeFeatures, type FeatureBuffer } from "./logistic-features.ts";
import { initialCounts, updateCounts, type CountsConfig } from "./logistic-state.ts";
import { BEST_SPEC } from "./logistic-models.ts";
import { createLogisticTracer, fitLogisticParams, type LogisticParams } from "./logistic-tracer.ts";
import { createSeededRng } from "./seeded-rng.ts";
import type { LearnerHistory, Observation } from "./tracer.ts";

const at = (itemId: string, correct: boolean): Observation => ({ itemId, skillIds: ["s"], correct });
const options = { alpha: 0.4, window: 2, top: 5, shrinkage: 1, minPairs: 1 };

describe("related items", () => {
  it("measures similarity as the shrunk mean product of Elo residuals (hand-computed)", () => {
    // One learner, easiness 0 everywhere: r₁ = 1 − σ(0) = 0.5; θ = 0.2; r₂ = 1 − σ(0.2).
    const histories: LearnerHistory[] = [{ learnerId: "a", observations: [at("p", true), at("q", true)] }];
    const table = fitItemNeighbors(histories, () => 0, options);
    const r1 = 0.5;
    const r2 = 1 - sigmoid(0.2);
    const v = (r1 * r1 + r2 * r2) / 2;
    const expected = (r1 * r2) / ((1 + 1) * v);
    const lookup = neighborLookup(table);
    expect(lookup("p")).toEqual([["q", expect.closeTo(expected, 12)]]);
    expect(lookup("q")).toEqual([["p", expect.closeTo(expected, 12)]]);
    expect(lookup("never-seen")).toEqual([]);
  });

  it("pairs only answers within the window and never an item with itself", () => {
    const histories: LearnerHistory[] = [
      { learnerId: "a", observations: [at("p", true), at("x", false), at("y", true), at("q", false), at("q", true)] },
    ];
    const lookup = neighborLookup(fitItemNeighbors(histories, () => 0, options));
    const near = (id: string): string[] => lookup(id).map(([j]) => j);
    expect(near("p").sort()).toEqual(["x", "y"]); // q is 3 and 4 attempts after p: outside a window of 2
    expect(near("q")).not.toContain("q");
  });

  it("finds items whose surprises go together, and not unrelated ones", () => {
    // Learners who fail a fail b too (both 50/50 overall); c is answered at random.
    const rng = createSeededRng(9);
    const histories: LearnerHistory[] = Array.from({ length: 300 }, (_, k) => {
      const knows = rng() < 0.5;
      return { learnerId: `l${k}`, observations: [at("a", knows), at("c", rng() < 0.5), at("b", knows)] };
    });
    const lookup = neighborLookup(fitItemNeighbors(histories, () => 0, { ...options, shrinkage: 10 }));
    const similarity = (i: string, j: string): number => lookup(i).find(([k]) => k === j)?.[1] ?? 0;
    expect(similarity("a", "b")).toBeGreaterThan(0.5);
    expect(Math.abs(similarity("a", "c"))).toBeLessThan(0.2);
  });
});

describe("related-item features", () => {
  it("weigh the residual of the related item answered before, overall, within the window and just before", () => {
    const spec = { ...BEST_SPEC, neighbors: { window: 3, top: 5, shrinkage: 1, minPairs: 1 } };
    const layout = createLayout(spec, ["p", "q"], ["s"]);
    const config: CountsConfig = {
      skillEmaRates: spec.skillEmaRates,
      totalEmaRates: spec.totalEmaRates,
      longestWindowMs: 0,
      trackItems: true,
      elo: { alpha: 0.4, beta: 0, easiness: () => 0 },
      neighbors: (itemId) => (itemId === "q" ? [["p", 0.5]] : []),
    };
    const state = updateCounts(initialCounts(config), at("p", true), config);
    const buffer: FeatureBuffer = { indices: [], values: [] };
    encodeFeatures(layout, config, state, "q", ["s"], undefined, buffer);
    const value = (j: number): number | undefined => buffer.values[buffer.indices.indexOf(j)];
    // residual at p = 1 − σ(0) = 0.5; term = 0.5 · 0.5
    expect(value(layout.neighbors)).toBeCloseTo(0.25 / 1.5, 12);
    expect(value(layout.neighbors + 1)).toBeCloseTo(0.25, 12);
    expect(value(layout.neighbors + 2)).toBeCloseTo(0.25, 12);
    // Mastery (no item) has no context: no related-item term.
    encodeFeatures(layout, config, state, undefined, ["s"], undefined, buffer);
    expect(buffer.indices.filter((j) => j >= layout.neighbors && j < layout.neighbors + 3)).toEqual([]);
  });

  it("fit deterministically, serialize their table and predict the same after reloading", () => {
    const rng = createSeededRng(4);
    const learners: LearnerHistory[] = Array.from({ length: 30 }, (_, k) => ({
      learnerId: `l${k}`,
      observations: Array.from({ length: 12 }, (_, t) => at(`i${t % 6}`, rng() < 0.3 + 0.05 * t)),
    }));
    const a = fitLogisticParams(BEST_SPEC, learners, createSeededRng(5));
    const b = fitLogisticParams(BEST_SPEC, learners, createSeededRng(5));
    expect(a.weights).toEqual(b.weights);
    expect(a.neighbors?.itemIds.length).toBe(6);
    const reloaded = createLogisticTracer(JSON.parse(JSON.stringify(a)) as LogisticParams);
    const original = createLogisticTracer(a);
    let s1 = original.initialState();
    let s2 = reloaded.initialState();
    for (const o of learners[0]?.observations ?? []) {
      expect(reloaded.predict(s2, o)).toBeCloseTo(original.predict(s1, o), 12);
      s1 = original.update(s1, o);
      s2 = reloaded.update(s2, o);
    }
  });
});
