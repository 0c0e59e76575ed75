import { describe, expect, it } from "vitest";
import { fitGru, gruLossGradient, gruRunner } from "./sequence-gru.ts";
import { numericLossGradient, sequenceLoss, type SequenceModel } from "./sequence-model.ts";
import { createSeededRng } from "./seeded-rng.ts";
import type { LearnerHistory, Observation } from "./tracer.ts";

const at = (skillId: string, correct: boolean): Observation => ({ itemId: skillId, skillIds: [skillId], correct });

describe("GRU sequence model", () => {
  it("takes one GRU step (hand-computed)", () => {
    // One unit, one skill; token (s, right) = 1 has input weights 0 (r), 0 (z), 0 (n); U = [0, 0, 2], b_n = 0.
    const model: SequenceModel = { skillIds: ["s"], hidden: 1, embed: [9, 9, 9, 0, 0, 0], recur: [0, 0, 2], biasN: [0], out: [1, 0] };
    const runner = gruRunner(model);
    // From h = ½: r = z = σ(0) = ½, n = tanh(0 + ½·(2·½)) = tanh(½), h' = ½·tanh(½) + ½·½.
    const h = runner.step(Float64Array.of(0.5), "s", ["s"], true);
    expect(h[0]).toBeCloseTo(0.5 * Math.tanh(0.5) + 0.25, 12);
    expect(runner.logit(h, "s", ["s"])).toBeCloseTo(h[0] as number, 12);
  });

  it("back-propagates the exact gradient (finite differences)", () => {
    const rng = createSeededRng(5);
    const draw = (n: number): number[] => Array.from({ length: n }, () => rng() - 0.5);
    const H = 3;
    const model: SequenceModel = { skillIds: ["a", "b"], hidden: H, embed: draw(4 * 3 * H), recur: draw(3 * H * H), biasN: draw(H), out: draw(2 * (H + 1)) };
    const observations = [at("a", true), at("b", false), at("a", false), at("b", true), at("a", true)];
    const g = gruLossGradient(model, observations);
    // The online runner is a path independent of the back-propagation.
    expect(g.loss).toBeCloseTo(sequenceLoss(model, observations), 10);
    for (const field of ["embed", "recur", "biasN", "out"] as const) {
      const analytic = g[field];
      const numeric = numericLossGradient(model, field, observations);
      expect(analytic.length).toBe(numeric.length);
      numeric.forEach((n, k) => expect(analytic[k]).toBeCloseTo(n, 6));
    }
  });

  it("learns transfer between skills, deterministically for a seed", () => {
    const learners: LearnerHistory[] = Array.from({ length: 60 }, (_, u) => {
      const rng = createSeededRng(200 + u);
      const observations: Observation[] = [];
      for (let k = 0; k < 20; k++) {
        const right = rng() < 0.5;
        observations.push(at("a", right), at("b", right));
      }
      return { learnerId: `l${u}`, observations };
    });
    const options = { hidden: 4, epochs: 8, learningRate: 0.02, maxRows: 1e9, chunk: 7, batch: 64 };
    const model = fitGru(learners, options, createSeededRng(9));
    expect(fitGru(learners, options, createSeededRng(9))).toEqual(model);
    const runner = gruRunner(model);
    const afterRight = runner.step(new Float64Array(4), "a", ["a"], true);
    const afterWrong = runner.step(new Float64Array(4), "a", ["a"], false);
    expect(runner.logit(afterRight, "b", ["b"]) - runner.logit(afterWrong, "b", ["b"])).toBeGreaterThan(1);
  });
});
