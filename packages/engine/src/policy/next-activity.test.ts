import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSeededRng } from "../knowledge/seeded-rng.ts";
import { createMemoryCard } from "../memory/memory-card.ts";
import { nextActivity, type NextActivityInput } from "./next-activity.ts";
import { smallCourse } from "./test-course.ts";

const course = smallCourse();
const DAY = 86_400_000;
const now = Date.UTC(2025, 2, 5, 9); // a Wednesday
const base = (mastery: Record<string, number>, extra: Partial<NextActivityInput> = {}): NextActivityInput => ({
  now,
  rng: createSeededRng(1),
  course,
  mastery: new Map(Object.entries(mastery)),
  ...extra,
});
const skillOf = (r: ReturnType<typeof nextActivity>) => r.activity?.skillId;

describe("nextActivity", () => {
  it("never recommends practice of a skill whose prerequisites are unmastered", () => {
    const ids = course.skills.map((s) => s.id);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: ids.length, maxLength: ids.length }), fc.integer(), (ms, seed) => {
        const mastery = new Map(ids.map((id, i) => [id, ms[i] as number]));
        const result = nextActivity({ now, rng: createSeededRng(seed), course, mastery, assignments: [{ skillIds: ["mixed"], dueAt: now + DAY }] });
        for (const rec of [result, ...result.alternatives]) {
          const a = "activity" in rec ? rec.activity : null;
          if (a === null || a.kind === "review") continue;
          const skill = course.skills[course.skillIndex.get(a.skillId) as number];
          for (const p of skill?.prerequisites ?? []) expect(mastery.get(p)).toBeGreaterThanOrEqual(0.95);
          expect(mastery.get(a.skillId)).toBeLessThan(0.95);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("recommends a due review, with the review as its reason", () => {
    const card = createMemoryCard(now - 30 * DAY); // mastered a month ago, never reviewed: recall well below 90%
    const result = nextActivity(base({ meaning: 0.99, like: 0.99, equivalent: 0.99, unlike: 0.99, mixed: 0.99, decimals: 0.99 }, { memory: new Map([["like", card]]) }));
    expect(result.activity).toMatchObject({ kind: "review", skillId: "like" });
    expect(result.reason.parts[0]?.code).toBe("review-due");
    expect(result.reason.text).toMatch(/time to review/);
  });

  it("interleaves: a due review appears among the choices while new skills are open", () => {
    const card = createMemoryCard(now - 30 * DAY);
    const result = nextActivity(base({ meaning: 0.99, like: 0.99 }, { memory: new Map([["like", card]]) }));
    const kinds = [result.activity, ...result.alternatives.map((a) => a.activity)].map((a) => a?.kind);
    expect(kinds).toContain("review");
    expect(kinds).toContain("practice");
  });

  it("ranks an assigned skill above an unassigned one and names the assignment and due day", () => {
    const mastery = { meaning: 0.99, like: 0.3, equivalent: 0.3 };
    const unassigned = nextActivity(base(mastery, { assignments: [{ skillIds: ["like"], dueAt: now + 2 * DAY, assignedBy: "Ms Rivera" }] }));
    expect(skillOf(unassigned)).toBe("like");
    const other = nextActivity(base(mastery, { assignments: [{ skillIds: ["equivalent"], dueAt: now + 2 * DAY }] }));
    expect(skillOf(other)).toBe("equivalent");
    expect(other.reason.parts.map((p) => p.code)).toContain("assigned");
    expect(other.reason.text).toContain("your teacher assigned it, due Friday");
    expect(unassigned.reason.text).toContain("Ms Rivera assigned it");
  });

  it("sends an assignment whose prerequisites are unmastered to the prerequisite, saying so", () => {
    const result = nextActivity(base({ meaning: 0.99, like: 0.99, equivalent: 0.2 }, { assignments: [{ skillIds: ["mixed"], dueAt: now + 3 * DAY }] }));
    expect(skillOf(result)).toBe("equivalent");
    expect(result.reason.parts).toContainEqual(expect.objectContaining({ code: "needed-for-assignment", target: { skillId: "mixed", name: "Adding mixed numbers" } }));
  });

  it("explains a newly unlocked skill by its prerequisites mastered this week", () => {
    const masteredAt = new Map([["like", now - 2 * DAY], ["equivalent", now - DAY]]);
    const result = nextActivity(base({ meaning: 0.99, like: 0.97, equivalent: 0.96, unlike: 0.8, decimals: 0.99 }, { masteredAt, assignments: [{ skillIds: ["unlike"], dueAt: now + 2 * DAY }] }));
    expect(skillOf(result)).toBe("unlike");
    // P(correct) = 0.8·(1 − 0.1) + 0.2·0.2 = 0.76 (BKT with the generic guess and slip).
    expect(result.reason.text).toBe(
      "Next: Adding fractions with unlike denominators — you mastered both of its prerequisites this week; your teacher assigned it, due Friday; you should get it right about 76% of the time: challenging but within reach.",
    );
  });

  it("shows an unseen lesson before practising a new skill, in the preferred medium", () => {
    const result = nextActivity(base({ meaning: 0.99, like: 0.99, equivalent: 0.99, unlike: 0.2, decimals: 0.99 }, { preferences: { preferredMedia: ["video"] } }));
    expect(result.activity).toEqual({ kind: "lesson", skillId: "unlike", lessonId: "unlike-lesson", media: "video" });
    const after = nextActivity(base({ meaning: 0.99, like: 0.99, equivalent: 0.99, unlike: 0.2, decimals: 0.99 }, { seenLessons: new Set(["unlike-lesson"]) }));
    expect(after.activity?.kind).toBe("practice");
  });

  it("prefers items about the learner's interests and does not repeat a recent item", () => {
    const result = nextActivity(base({ meaning: 0.99, like: 0.99, equivalent: 0.99, unlike: 0.99, mixed: 0.6, decimals: 0.99 }, { preferences: { interests: ["pizza"] } }));
    expect(result.activity).toMatchObject({ skillId: "mixed", itemId: "mixed-2" });
    expect(result.reason.parts).toContainEqual({ code: "matches-interest", interest: "pizza" });
    const recent = nextActivity(base({ meaning: 0.99, like: 0.99, equivalent: 0.99, unlike: 0.99, mixed: 0.6, decimals: 0.99 }, { preferences: { interests: ["pizza"] }, recentAttempts: [{ itemId: "mixed-2", time: now - 60_000 }] }));
    expect(recent.activity).toMatchObject({ skillId: "mixed" });
    expect(recent.activity && "itemId" in recent.activity ? recent.activity.itemId : "").not.toBe("mixed-2");
  });

  it("reopens practice when a failed review lowered mastery, and says why", () => {
    const card = createMemoryCard(now - 10 * DAY);
    const result = nextActivity(base({ meaning: 0.99, like: 0.7, equivalent: 0.99, unlike: 0.99, mixed: 0.99, decimals: 0.99 }, { memory: new Map([["like", card]]) }));
    expect(result.activity).toMatchObject({ kind: "practice", skillId: "like" });
    expect(result.reason.parts[0]?.code).toBe("mastery-reopened");
  });

  it("checks a mastered prerequisite early after three wrong answers in a row on the skill built on it", () => {
    // like mastered 2 days ago (FSRS "Good": predicted recall still above 90%, so no review is due yet).
    const card = createMemoryCard(now - 2 * DAY);
    const mastery = { meaning: 0.99, like: 0.97, equivalent: 0.99, unlike: 0.2, decimals: 0.99 };
    const wrong = (k: number, correct = false) => ({ itemId: `unlike-${k % 3}`, time: now - (10 - k) * 60_000, correct });
    const input = (recentAttempts: NextActivityInput["recentAttempts"]) => base(mastery, { memory: new Map([["like", card]]), seenLessons: new Set(["unlike-lesson"]), recentAttempts });
    const struggling = nextActivity(input([wrong(0), wrong(1), wrong(2)]));
    expect(struggling.activity).toMatchObject({ kind: "review", skillId: "like" });
    expect(struggling.reason.parts[0]).toEqual({ code: "prerequisite-check", struggling: { skillId: "unlike", name: "Adding fractions with unlike denominators" } });
    expect(struggling.reason.text).toContain("your last answers on Adding fractions with unlike denominators, which builds on it, were wrong");
    // Two wrong answers, a right one last, or no outcomes given: no check (the default before outcomes were passed).
    for (const recent of [[wrong(0), wrong(1)], [wrong(0), wrong(1), wrong(2), wrong(3, true)], [{ itemId: "unlike-0", time: now - 60_000 }]]) {
      expect(nextActivity(input(recent)).activity).toMatchObject({ kind: "practice", skillId: "unlike" });
    }
    expect(nextActivity({ ...input([wrong(0), wrong(1), wrong(2)]), options: { struggleRun: 0 } }).activity).toMatchObject({ kind: "practice", skillId: "unlike" });
  });

  it("returns ranked alternatives, best first", () => {
    const result = nextActivity(base({ meaning: 0.99 }));
    expect(result.alternatives.length).toBeGreaterThan(0);
    const scores = [result.score, ...result.alternatives.map((a) => a.score)];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("has nothing to do when everything is mastered and no review is due", () => {
    const all = Object.fromEntries(course.skills.map((s) => [s.id, 0.99]));
    const result = nextActivity(base(all));
    expect(result.activity).toBeNull();
    expect(result.reason.parts[0]?.code).toBe("all-mastered");
  });
});
