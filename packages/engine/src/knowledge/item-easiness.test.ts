import { describe, expect, it } from "vitest";
import { countItemEasiness, easinessLookups, ownItemCounts } from "./item-easiness.ts";
import { logit } from "./logistic.ts";
import { initialCounts, updateCounts } from "./logistic-state.ts";
import { BEST_SPEC } from "./logistic-models.ts";
import { createLogisticTracer, fitLogisticParams, type LogisticParams } from "./logistic-tracer.ts";
import { createSeededRng } from "./seeded-rng.ts";
import { simulateBktLearners } from "./simulate-learners.ts";
import type { LearnerHistory, Observation } from "./tracer.ts";

const histories: LearnerHistory[] = [
  { learnerId: "a", observations: [{ itemId: "q1", skillIds: ["s"], correct: true }, { itemId: "q2", skillIds: ["s"], correct: false }] },
  { learnerId: "b", observations: [{ itemId: "q1", skillIds: ["s"], correct: true }, { itemId: "q1", skillIds: ["s"], correct: false }] },
];

describe("item easiness", () => {
  it("is the smoothed log-odds of a correct answer (hand-computed)", () => {
    const table = countItemEasiness(histories, 2);
    const lookup = easinessLookups(table)();
    // p̄ = 2/4; q1: 2 of 3 right → (2 + 2·0.5) / (3 + 2) = 0.6
    expect(lookup("q1")).toBeCloseTo(logit(0.6), 12);
    expect(lookup("never-seen")).toBeCloseTo(logit(0.5), 12);
  });

  it("leaves a training learner's own answers out of his lookup", () => {
    const table = countItemEasiness(histories, 2);
    const withoutB = easinessLookups(table)(ownItemCounts(histories[1] as LearnerHistory));
    // Without b, q1 has 1 of 1 right → (1 + 1) / (1 + 2)
    expect(withoutB("q1")).toBeCloseTo(logit(2 / 3), 12);
  });
});

describe("Elo ability in the counts state", () => {
  it("rises after a right answer and falls after a wrong one, overall and at the skill", () => {
    const config = {
      skillEmaRates: [],
      totalEmaRates: [],
      longestWindowMs: 0,
      trackItems: false,
      elo: { alpha: 0.4, beta: 0, easiness: () => 1 },
    };
    const start = initialCounts(config);
    const right = updateCounts(start, { itemId: "q", skillIds: ["s"], correct: true }, config);
    const wrong = updateCounts(start, { itemId: "q", skillIds: ["s"], correct: false }, config);
    // θ = 0 + 0.4 · (1 − σ(1)) and 0 + 0.4 · (0 − σ(1))
    const s1 = 1 / (1 + Math.exp(-1));
    expect(right.theta).toBeCloseTo(0.4 * (1 - s1), 12);
    expect(wrong.theta).toBeCloseTo(-0.4 * s1, 12);
    expect(right.distinctSkills).toBe(1);
  });
});

describe("best with Elo ability and cross-fitted BKT", () => {
  it("fits the same weights twice for a seed, and serializes its easiness table", () => {
    const learners = simulateBktLearners(
      { add: { prior: 0.3, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 }, sub: { prior: 0.5, learn: 0.1, guess: 0.25, slip: 0.1, forget: 0 } },
      { learners: 40, attemptsPerLearner: 16, itemsPerSkill: 4, rng: createSeededRng(3) },
    );
    const a = fitLogisticParams(BEST_SPEC, learners, createSeededRng(5));
    const b = fitLogisticParams(BEST_SPEC, learners, createSeededRng(5));
    expect(a.weights).toEqual(b.weights);
    expect(a.easiness?.itemIds.length).toBeGreaterThan(0);
    const reloaded = createLogisticTracer(JSON.parse(JSON.stringify(a)) as LogisticParams);
    const original = createLogisticTracer(a);
    const o = learners[0]?.observations[0] as Observation;
    const s1 = original.update(original.initialState(), o);
    const s2 = reloaded.update(reloaded.initialState(), o);
    expect(reloaded.predict(s2, o)).toBeCloseTo(original.predict(s1, o), 12);
  });
});
