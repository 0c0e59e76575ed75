import type { SkillMastery } from "@attune/contract";
import { describe, expect, it } from "vitest";
import { masteryRange, missingPrerequisites, skillStatus } from "./skill-status.ts";

const skill = (id: string, over: Partial<SkillMastery> = {}): SkillMastery => ({
  skillId: id,
  name: id,
  prerequisites: [],
  mastery: 0.3,
  threshold: 0.95,
  mastered: false,
  attempts: 0,
  correct: 0,
  lastPracticedAt: null,
  reviewDueAt: null,
  recent: [],
  hintsUsed: 0,
  masteredAt: null,
  lastReviewedAt: null,
  practice: null,
  ...over,
});

describe("a skill's status on the map", () => {
  const now = Date.parse("2026-11-24T12:00:00Z");
  const a = skill("a", { mastered: true, reviewDueAt: "2026-12-01T00:00:00Z" });
  const due = skill("due", { mastered: true, reviewDueAt: "2026-11-20T00:00:00Z" });
  const b = skill("b", { prerequisites: ["a"] });
  const c = skill("c", { prerequisites: ["a"], attempts: 3 });
  const d = skill("d", { prerequisites: ["a", "b"] });
  const byId = new Map([a, due, b, c, d].map((s) => [s.skillId, s]));

  it("tells mastered, needs review, ready, in progress and locked apart", () => {
    expect([a, due, b, c, d].map((s) => skillStatus(s, byId, now))).toEqual(["mastered", "review", "ready", "in-progress", "locked"]);
  });

  it("names the prerequisites still to master", () => {
    expect(missingPrerequisites(d, byId).map((s) => s.skillId)).toEqual(["b"]);
  });
});

describe("the range an estimate could plausibly be in", () => {
  it("is wide on no evidence and narrows as answers come in", () => {
    const none = masteryRange(0.5, 0);
    const some = masteryRange(0.5, 5);
    const many = masteryRange(0.5, 40);
    expect(none.high - none.low).toBeGreaterThan(some.high - some.low);
    expect(some.high - some.low).toBeGreaterThan(many.high - many.low);
    // Wilson interval, z = 1.2816, n = 2 + 0 answers: 0.5 ± 0.336 (hand-computed).
    expect(none.low).toBeCloseTo(0.164, 2);
    expect(none.high).toBeCloseTo(0.836, 2);
  });

  it("stays within 0–100% and always contains the estimate", () => {
    for (const p of [0, 0.02, 0.5, 0.97, 1]) {
      for (const n of [0, 1, 10, 100]) {
        const r = masteryRange(p, n);
        expect(r.low).toBeGreaterThanOrEqual(0);
        expect(r.high).toBeLessThanOrEqual(1);
        expect(r.low).toBeLessThanOrEqual(p);
        expect(r.high).toBeGreaterThanOrEqual(p);
      }
    }
  });
});
