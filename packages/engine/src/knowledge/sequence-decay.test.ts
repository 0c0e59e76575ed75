import { describe, expect, it } from "vitest";
import { decayedLossGradient, decayedSequenceRunner, fitDecayedSequence } from "./sequence-decay.ts";
import { numericLossGradient, type SequenceModel, type SequenceOptions } from "./sequence-model.ts";
import { createSeededRng } from "./seeded-rng.ts";
import type { LearnerHistory, Observation } from "./tracer.ts";

const at = (itemId: string, skillId: string, correct: boolean): Observation => ({ itemId, skillIds: [skillId], correct });

const options: SequenceOptions = { cell: "decay", hidden: 4, epochs: 8, learningRate: 0.02, maxRows: 1e9, chunk: 7, batch: 64 };

describe("decayed sequence model", () => {
  // One unit, one skill s: tokens (s, wrong) → −1, (s, right) → 2; λ = σ(0) = ½; output 2·q(h) − ½, q(v) = v / (1 + |v|).
  const tiny: SequenceModel = { cell: "decay", skillIds: ["s"], hidden: 1, embed: [-1, 2], recur: [0], biasN: [], out: [2, -0.5] };

  it("adds the answer's vector to the faded state and reads it through the skill's output (hand-computed)", () => {
    const runner = decayedSequenceRunner(tiny);
    const h0 = new Float64Array(1);
    expect(runner.logit(h0, "p", ["s"])).toBeCloseTo(-0.5, 12);
    const h1 = runner.step(h0, "p", ["s"], true); // ½·0 + 2
    expect(h1[0]).toBeCloseTo(2, 12);
    expect(runner.logit(h1, "p", ["s"])).toBeCloseTo(-0.5 + (2 * 2) / 3, 12);
    const h2 = runner.step(h1, "p", ["s"], false); // ½·2 − 1
    expect(h2[0]).toBeCloseTo(0, 12);
    expect(h0[0]).toBe(0); // steps leave their input as it was
    // An unknown skill only fades the state and reads 0.
    expect(runner.step(h1, "q", ["u"], true)[0]).toBeCloseTo(1, 12);
    expect(runner.logit(h1, "q", ["u"])).toBe(0);
  });

  it("back-propagates the exact gradient (finite differences)", () => {
    const rng = createSeededRng(3);
    const draw = (n: number): number[] => Array.from({ length: n }, () => rng() - 0.5);
    const H = 3;
    const model: SequenceModel = { cell: "decay", skillIds: ["a", "b"], hidden: H, embed: draw(4 * H), recur: draw(H), biasN: [], out: draw(2 * (H + 1)) };
    const observations = [at("p", "a", true), at("q", "b", false), at("p", "a", false), at("q", "b", true), at("q", "b", true)];
    const g = decayedLossGradient(model, observations);
    const check = (field: "embed" | "recur" | "out", analytic: Float64Array): void => {
      const numeric = numericLossGradient(model, field, observations);
      expect(analytic.length).toBe(numeric.length);
      numeric.forEach((n, k) => expect(analytic[k]).toBeCloseTo(n, 6));
    };
    check("embed", g.embed);
    check("recur", g.decay);
    check("out", g.out);
  });

  // Learners whose answer at b copies their last answer at a: the model must learn that transfer.
  const learners: LearnerHistory[] = Array.from({ length: 60 }, (_, u) => {
    const rng = createSeededRng(100 + u);
    const observations: Observation[] = [];
    for (let k = 0; k < 20; k++) {
      const right = rng() < 0.5;
      observations.push(at(`a${k % 3}`, "a", right), at(`b${k % 3}`, "b", right));
    }
    return { learnerId: `l${u}`, observations };
  });

  it("learns transfer between skills, deterministically for a seed", () => {
    const model = fitDecayedSequence(learners, options, createSeededRng(9));
    expect(fitDecayedSequence(learners, options, createSeededRng(9))).toEqual(model);
    const runner = decayedSequenceRunner(model);
    const afterRight = runner.step(new Float64Array(model.hidden), "a0", ["a"], true);
    const afterWrong = runner.step(new Float64Array(model.hidden), "a0", ["a"], false);
    expect(runner.logit(afterRight, "b0", ["b"]) - runner.logit(afterWrong, "b0", ["b"])).toBeGreaterThan(1);
  });

  it("gives frequent items their own token and lets rare ones share their skill's", () => {
    const withRare = [...learners, { learnerId: "rare", observations: [at("z", "a", true)] }];
    const model = fitDecayedSequence(withRare, { ...options, epochs: 1, by: "item", minItemAttempts: 2 }, createSeededRng(9));
    expect(model.skillIds).toEqual(["i:a0", "i:a1", "i:a2", "i:b0", "i:b1", "i:b2", "s:a"]);
    const runner = decayedSequenceRunner(model);
    const h = runner.step(new Float64Array(model.hidden), "z", ["a"], true);
    expect(Array.from(h)).toEqual(model.embed.slice(2 * 6 * model.hidden + model.hidden, 2 * 7 * model.hidden));
  });
});
