import { describe, expect, it } from "vitest";
import { calibrateIrt, irtItemInformation, irtProbability } from "./irt-fit.ts";
import { createIrtTracer, fitIrtParams } from "./irt.ts";
import { createSeededRng } from "./seeded-rng.ts";
import type { LearnerHistory } from "./tracer.ts";

/** Learners of ability θ ~ N(0, 1) answering every item once, under a 2PL model with known item parameters. */
function simulate(items: { difficulty: number; discrimination: number }[], learners: number, seed: number): LearnerHistory[] {
  const rng = createSeededRng(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Array.from({ length: learners }, (_, u) => {
    const theta = gaussian();
    return {
      learnerId: `u${u}`,
      observations: items.map((item, i) => ({
        itemId: `i${i}`,
        skillIds: [i < items.length / 2 ? "first" : "second"],
        correct: rng() < irtProbability(theta, item),
      })),
    };
  });
}

describe("IRT calibration", () => {
  const items = [-1.5, -0.8, -0.2, 0, 0.4, 0.9, 1.6, -0.5].map((difficulty, i) => ({ difficulty, discrimination: i % 2 === 0 ? 0.7 : 1.6 }));

  it("recovers 1PL difficulties of simulated items", () => {
    const rasch = items.map((i) => ({ ...i, discrimination: 1 }));
    const fit = calibrateIrt(simulate(rasch, 1500, 1), { kind: "1pl" });
    rasch.forEach((item, i) => expect(Math.abs((fit.items.get(`i${i}`)?.difficulty ?? NaN) - item.difficulty)).toBeLessThan(0.2));
  });

  it("recovers 2PL discriminations well enough to tell low from high", () => {
    const fit = calibrateIrt(simulate(items, 2000, 2), { kind: "2pl" });
    items.forEach((item, i) => {
      const got = fit.items.get(`i${i}`);
      expect(Math.abs((got?.difficulty ?? NaN) - item.difficulty)).toBeLessThan(0.3);
      expect(Math.abs((got?.discrimination ?? NaN) - item.discrimination)).toBeLessThan(0.35);
    });
  });

  it("computes item information a²p(1 − p), largest where θ = b", () => {
    const item = { difficulty: 0.5, discrimination: 2 };
    expect(irtItemInformation(0.5, item)).toBeCloseTo(4 * 0.25, 12);
    expect(irtItemInformation(2, item)).toBeLessThan(irtItemInformation(0.5, item));
  });

  it("tracks ability online: right answers raise it and shrink its variance", () => {
    const tracer = createIrtTracer(fitIrtParams(simulate(items, 300, 3), "1pl"));
    const s0 = tracer.initialState();
    const s1 = tracer.update(s0, { itemId: "i3", skillIds: ["first"], correct: true });
    expect(s1.abilityMean).toBeGreaterThan(s0.abilityMean);
    expect(s1.abilityVariance).toBeLessThan(s0.abilityVariance);
    // Laplace step by hand: p = σ(0 − b), v' = 1/(1 + p(1 − p)), μ' = v'(1 − p)
    const b = fitIrtParams(simulate(items, 300, 3), "1pl").difficulty[3] as number;
    const p = 1 / (1 + Math.exp(b));
    const v = 1 / (1 + p * (1 - p));
    expect(s1.abilityVariance).toBeCloseTo(v, 12);
    expect(s1.abilityMean).toBeCloseTo(v * (1 - p), 12);
  });
});
