import { describe, expect, it } from "vitest";
import { bktPredictCorrect, bktStep, createBktTracer, type BktSkillParams } from "./bkt.ts";
import { bktExpectedCounts, bktMaximize, fitBkt, sequencesBySkill } from "./bkt-fit.ts";
import { createSeededRng } from "./seeded-rng.ts";
import { simulateBktLearners } from "./simulate-learners.ts";

const P: BktSkillParams = { prior: 0.4, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 };

describe("BKT forward pass", () => {
  it("matches hand-computed numbers on the sequence right, wrong", () => {
    // Attempt 1: P(correct) = 0.4·0.9 + 0.6·0.2 = 0.48
    //   posterior known = 0.36 / 0.48 = 0.75;  then learn: 0.75 + 0.25·0.2 = 0.8
    // Attempt 2: P(correct) = 0.8·0.9 + 0.2·0.2 = 0.76
    //   wrong: posterior known = 0.8·0.1 / 0.24 = 1/3;  then learn: 1/3 + (2/3)·0.2 = 7/15
    expect(bktPredictCorrect(0.4, P)).toBeCloseTo(0.48, 12);
    const after1 = bktStep(0.4, true, P);
    expect(after1).toBeCloseTo(0.8, 12);
    expect(bktPredictCorrect(after1, P)).toBeCloseTo(0.76, 12);
    expect(bktStep(after1, false, P)).toBeCloseTo(7 / 15, 12);
  });

  it("gives the same numbers through the tracer interface", () => {
    const tracer = createBktTracer({ forgetting: false, skills: { a: P }, fallback: P });
    let s = tracer.initialState();
    expect(tracer.predict(s, { itemId: "i", skillIds: ["a"] })).toBeCloseTo(0.48, 12);
    s = tracer.update(s, { itemId: "i", skillIds: ["a"], correct: true });
    expect(tracer.mastery(s, "a")).toBeCloseTo(0.8, 12);
    s = tracer.update(s, { itemId: "i", skillIds: ["a"], correct: false });
    expect(tracer.mastery(s, "a")).toBeCloseTo(7 / 15, 12);
    expect(tracer.explain(s, "a")).toMatchObject({ correct: 1, incorrect: 1, prior: 0.4, recent: [true, false] });
  });
});

describe("BKT EM", () => {
  it("does one E-step and M-step as computed by hand", () => {
    // Sequence right, wrong with P above (F = 0). Enumerate hidden paths (K known, U unknown):
    //   K,K: 0.4·0.9·1·0.1   = 0.036
    //   U,K: 0.6·0.2·0.2·0.1 = 0.0024
    //   U,U: 0.6·0.2·0.8·0.8 = 0.0768        (K,U impossible without forgetting)
    //   P(sequence) = 0.1152 (= 0.48 · 0.24 from the forward pass)
    // Posteriors: γ₁(K) = 0.036/0.1152 = 5/16, γ₁(U) = 11/16; γ₂(K) = 0.0384/0.1152 = 1/3, γ₂(U) = 2/3;
    //   ξ(U→K) = 0.0024/0.1152 = 1/48.
    // M-step: prior = γ₁(K) = 5/16
    //         learn = ξ(U→K) / γ₁(U) = (1/48)/(11/16) = 1/33
    //         guess = Σγ(U)·[right] / Σγ(U) = (11/16) / (11/16 + 2/3) = 33/65
    //         slip  = Σγ(K)·[wrong] / Σγ(K) = (1/3) / (5/16 + 1/3) = 16/31
    const data = sequencesBySkill([{ learnerId: "u", observations: [
      { itemId: "i", skillIds: ["a"], correct: true },
      { itemId: "i", skillIds: ["a"], correct: false },
    ] }]).get("a");
    if (data === undefined) throw new Error("no sequences");
    const counts = bktExpectedCounts(data, P);
    expect(counts.logLikelihood).toBeCloseTo(Math.log(0.1152), 12);
    const next = bktMaximize(counts, P, false, 1, 1);
    expect(next.prior).toBeCloseTo(5 / 16, 10);
    expect(next.learn).toBeCloseTo(1 / 33, 10);
    expect(next.guess).toBeCloseTo(33 / 65, 10);
    expect(next.slip).toBeCloseTo(16 / 31, 10);
    expect(next.forget).toBe(0);
    // With the default bounds the M-step clamps guess and slip at 0.3.
    const bounded = bktMaximize(counts, P, false, 0.3, 0.3);
    expect(bounded.guess).toBe(0.3);
    expect(bounded.slip).toBe(0.3);
  });

  it("recovers the parameters of simulated learners", () => {
    const truth: Record<string, BktSkillParams> = {
      a: { prior: 0.3, learn: 0.15, guess: 0.2, slip: 0.1, forget: 0 },
      b: { prior: 0.6, learn: 0.05, guess: 0.25, slip: 0.05, forget: 0 },
    };
    const data = simulateBktLearners(truth, { learners: 600, attemptsPerLearner: 30, rng: createSeededRng(7) });
    const fit = fitBkt(data, { rng: createSeededRng(1) });
    for (const skill of ["a", "b"] as const) {
      const got = fit.skills[skill];
      const want = truth[skill] as BktSkillParams;
      expect(got).toBeDefined();
      for (const key of ["prior", "learn", "guess", "slip"] as const) {
        expect(Math.abs((got as BktSkillParams)[key] - want[key]), `${skill}.${key}`).toBeLessThan(0.05);
      }
    }
  });

  it("recovers a forgetting probability", () => {
    const truth = { a: { prior: 0.3, learn: 0.2, guess: 0.15, slip: 0.1, forget: 0.08 } };
    const data = simulateBktLearners(truth, { learners: 800, attemptsPerLearner: 25, rng: createSeededRng(3) });
    const fit = fitBkt(data, { rng: createSeededRng(2), forgetting: true });
    expect(Math.abs((fit.skills.a as BktSkillParams).forget - 0.08)).toBeLessThan(0.04);
    expect(Math.abs((fit.skills.a as BktSkillParams).learn - 0.2)).toBeLessThan(0.06);
  });

  it("is deterministic for a seed", () => {
    const data = simulateBktLearners({ a: P }, { learners: 50, attemptsPerLearner: 10, rng: createSeededRng(5) });
    expect(fitBkt(data, { rng: createSeededRng(9) })).toEqual(fitBkt(data, { rng: createSeededRng(9) }));
  });
});
