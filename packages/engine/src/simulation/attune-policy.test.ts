import { describe, expect, it } from "vitest";
import { bktStep, type BktSkillParams } from "../knowledge/bkt.ts";
import { bktStepConjunctive, masteryAfterLesson } from "./attune-policy.ts";

const a: BktSkillParams = { prior: 0.3, learn: 0.15, guess: 0.2, slip: 0.1, forget: 0 };
const b: BktSkillParams = { prior: 0.3, learn: 0.25, guess: 0.15, slip: 0.05, forget: 0 };

describe("conjunctive BKT update of multi-skill items", () => {
  it("is exactly bktStep for a one-skill item", () => {
    for (const m of [0.05, 0.4, 0.97]) for (const correct of [true, false]) expect(bktStepConjunctive([m], correct, [a])).toEqual([bktStep(m, correct, a)]);
  });

  it("blames a wrong answer mostly on the skill being learnt, not on the mastered one", () => {
    const [mastered, learning] = bktStepConjunctive([0.97, 0.3], false, [a, b]);
    expect(mastered!).toBeGreaterThan(bktStep(0.97, false, a));
    expect(mastered!).toBeGreaterThan(0.9);
    expect(learning!).toBeLessThan(0.3);
  });

  it("never lowers a skill after a right answer and keeps every mastery in [0, 1]", () => {
    for (const m1 of [0.01, 0.3, 0.7, 0.99]) for (const m2 of [0.01, 0.5, 0.99]) {
      const after = bktStepConjunctive([m1, m2], true, [a, b]);
      expect(after[0]!).toBeGreaterThanOrEqual(m1);
      expect(after[1]!).toBeGreaterThanOrEqual(m2);
      for (const correct of [true, false]) for (const x of bktStepConjunctive([m1, m2], correct, [a, b])) expect(x >= 0 && x <= 1).toBe(true);
    }
  });
});

describe("a lesson as a chance to learn", () => {
  it("applies BKT's transition alone: P + (1 − P)·T", () => {
    // 0.2 + 0.8·0.15 = 0.32; 0.9 + 0.1·0.15 = 0.915.
    expect(masteryAfterLesson(0.2, a)).toBeCloseTo(0.32, 12);
    expect(masteryAfterLesson(0.9, a)).toBeCloseTo(0.915, 12);
  });

  it("never lowers mastery and stays in [0, 1]", () => {
    for (const m of [0, 0.01, 0.5, 0.99, 1]) {
      const after = masteryAfterLesson(m, b);
      expect(after).toBeGreaterThanOrEqual(m);
      expect(after).toBeLessThanOrEqual(1);
    }
  });
});
