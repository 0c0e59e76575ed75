import { describe, expect, it } from "vitest";
import { createSeededRng } from "../knowledge/seeded-rng.ts";
import { smallCourse } from "../policy/test-course.ts";
import { simulatePlacement } from "./placement-simulation.ts";
import { SIM_POLICIES, simulatePolicy } from "./run-simulation.ts";
import { answerItem, answerItemDetailed, drawCourseTruth, drawLearner } from "./synthetic-learner.ts";

const course = smallCourse();

describe("policy simulation", () => {
  it("is reproducible: the same seed gives the same report", () => {
    const a = simulatePolicy(course, { policy: "linear-3ccr", learners: 30, seed: 3 });
    const b = simulatePolicy(course, { policy: "linear-3ccr", learners: 30, seed: 3 });
    expect(a).toEqual(b);
  });

  it("reports every metric in range for every policy", () => {
    for (const policy of SIM_POLICIES) {
      const r = simulatePolicy(course, { policy, learners: 15, seed: 1, pilotLearners: 30 });
      expect(r.policy).toBe(policy);
      for (const k of ["true_mastery_at_end", "false_mastery_rate", "retention_30d", "finished_share"] as const) {
        expect(r[k]).toBeGreaterThanOrEqual(0);
        expect(r[k]).toBeLessThanOrEqual(1);
      }
      expect(r.attempts_per_learner).toBeGreaterThan(0);
    }
  });

  it("gives the oracle no false mastery and full mastery when it finishes", () => {
    const r = simulatePolicy(course, { policy: "oracle", learners: 30, seed: 2 });
    expect(r.false_mastery_rate).toBe(0);
    expect(r.finished_share).toBe(1);
    expect(r.true_mastery_at_end).toBe(1);
  });

  it("accounts for every attempt alike: placement and reviews only for attune, no practice on known skills for the oracle", () => {
    for (const policy of SIM_POLICIES) {
      const r = simulatePolicy(course, { policy, learners: 10, seed: 4, pilotLearners: 30 });
      const parts = (r.placement_attempts_per_learner ?? 0) + (r.review_attempts_per_learner ?? 0) + (r.practice_on_known_skill_per_learner ?? 0);
      expect(parts).toBeLessThanOrEqual(r.attempts_per_learner);
      if (policy !== "attune") expect((r.placement_attempts_per_learner ?? 0) + (r.review_attempts_per_learner ?? 0)).toBe(0);
      if (policy === "oracle") expect(r.practice_on_known_skill_per_learner).toBe(0);
    }
  });

  it("uses exactly the fixed count per skill for fixed-count", () => {
    const r = simulatePolicy(course, { policy: "fixed-count", learners: 5, seed: 1, fixedCount: 4 });
    expect(r.attempts_per_learner).toBe(4 * course.skills.length);
  });
});

describe("synthetic learners", () => {
  it("answer identically through answerItemDetailed, which also tells what they knew", () => {
    const truth = drawCourseTruth(course, createSeededRng(5));
    const skills = [course.skillIndex.get("like")!, course.skillIndex.get("meaning")!];
    for (let u = 0; u < 50; u++) {
      const l1 = drawLearner(course, truth, 0, createSeededRng(u));
      const l2 = drawLearner(course, truth, 0, createSeededRng(u));
      const knewBefore = skills.map((s) => l2.known[s] === 1);
      const plain = answerItem(course, truth, l1, skills, 0, createSeededRng(99 + u));
      const detailed = answerItemDetailed(course, truth, l2, skills, 0, createSeededRng(99 + u));
      expect(detailed.correct).toBe(plain);
      expect(detailed.knew).toEqual(knewBefore);
      expect(Array.from(l2.known)).toEqual(Array.from(l1.known));
    }
  });

  it("learn more slowly while a prerequisite is unknown", () => {
    const truth = drawCourseTruth(course, createSeededRng(1));
    const unlike = course.skillIndex.get("unlike")!;
    const rate = (prerequisitesKnown: boolean): number => {
      let learned = 0;
      for (let u = 0; u < 400; u++) {
        const learner = drawLearner(course, truth, 0, createSeededRng(u));
        learner.known.fill(0);
        if (prerequisitesKnown) for (const p of course.prerequisites[unlike]!) learner.known[p] = 1;
        answerItem(course, truth, learner, [unlike], 0, createSeededRng(10_000 + u));
        learned += learner.known[unlike]!;
      }
      return learned / 400;
    };
    expect(rate(true)).toBeGreaterThan(2 * rate(false));
  });

  it("are placed accurately on the small course", () => {
    const r = simulatePlacement(course, { learners: 40, seed: 1, placement: { particles: 600 } });
    expect(r.classification_accuracy).toBeGreaterThan(0.8);
    expect(r.items_used).toBeLessThanOrEqual(25);
  });
});
