import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSeededRng } from "../knowledge/seeded-rng.ts";
import { buildCourseGraph, type SkillNode } from "../policy/course-graph.ts";
import { smallCourse } from "../policy/test-course.ts";
import { suggestSmallGroups, type GroupingLearner, type GroupingState, type SmallGroupsResult } from "./small-groups.ts";

const course = smallCourse();
const ALL = ["meaning", "like", "equivalent", "unlike", "mixed", "decimals"];

/** A learner who has mastered `mastered` (0.99) plus extra states. */
function learner(id: string, mastered: string[], extra: Omit<GroupingState, "learnerId">[] = [], name?: string): { learner: GroupingLearner; states: GroupingState[] } {
  return {
    learner: { id, ...(name ? { name } : {}) },
    states: [...mastered.map((skillId) => ({ learnerId: id, skillId, mastery: 0.99, mastered: true, attempts: 4 })), ...extra.map((e) => ({ learnerId: id, ...e }))],
  };
}
function run(rows: ReturnType<typeof learner>[], minSize?: number, maxSize?: number): SmallGroupsResult {
  return suggestSmallGroups({ course, learners: rows.map((r) => r.learner), states: rows.flatMap((r) => r.states), ...(minSize ? { minSize } : {}), ...(maxSize ? { maxSize } : {}) });
}

describe("small groups", () => {
  it("groups learners by their most shared next skill and explains each group (hand-traced)", () => {
    const base = ["meaning", "like", "equivalent", "decimals"];
    const rows = [
      learner("a1", base, [{ skillId: "unlike", mastery: 0.2, attempts: 3 }], "Ana"),
      learner("a2", base, [{ skillId: "unlike", mastery: 0.3, attempts: 4 }], "Ali"),
      learner("a3", base, [{ skillId: "unlike", mastery: 0.45, attempts: 2 }], "Amy"),
      learner("a4", base, [{ skillId: "unlike", mastery: 0.6, attempts: 5 }], "Abe"),
      learner("a5", base, [], "Ari"),
      learner("b1", ["meaning", "decimals"], [], "Bea"),
      learner("b2", ["meaning", "decimals"], [], "Bo"),
      learner("b3", ["meaning", "decimals"], [], "Bud"),
      learner("c1", [], [], "Cy"),
    ];
    const { groups, notes } = run(rows);
    expect(notes).toEqual([]);
    // Unlike: 5 ready (one group); then like and equivalent both 3 → like (earlier in the course); Cy (ready for
    // meaning and decimals only) joins the closer profile: the "like" group (distance 0.33 against 0.71).
    expect(groups.map((g) => [g.name, g.learnerIds])).toEqual([
      ["Adding like denominators", ["b1", "b2", "b3", "c1"]],
      ["Adding fractions with unlike denominators", ["a1", "a2", "a3", "a4", "a5"]],
    ]);
    const [like, unlike] = groups;
    expect(like?.reason).toBe("3 of 4 are ready for Adding like denominators. Cy needs Fractions as equal parts first; placed here as the closest match by mastery.");
    expect(like?.evidence).toEqual({ size: 4, ready: 3, notReadyLearnerIds: ["c1"], meanFocusMastery: 0, struggling: 0 });
    expect(unlike?.skillIds).toEqual(["unlike"]);
    expect(unlike?.focusSkillId).toBe("unlike");
    expect(unlike?.reason).toBe("All 5 are ready for Adding fractions with unlike denominators. 3 of 5 have started it and are below 50% mastery: start with a worked example.");
    expect(unlike?.evidence.meanFocusMastery).toBeCloseTo(0.31, 12);
    expect(unlike?.evidence.struggling).toBe(3);
  });

  it("lists the other skills every member is ready for, and uses given frontiers", () => {
    const rows = ["x1", "x2", "x3"].map((id) => learner(id, ["meaning"]));
    const [g] = run(rows).groups;
    expect(g?.skillIds).toEqual(["like", "equivalent", "decimals"]);
    expect(g?.reason).toBe("All 3 are ready for Adding like denominators. All of them are also ready for Equivalent fractions and Tenths as decimals.");
    const given = suggestSmallGroups({ course, learners: ["x1", "x2", "x3"].map((id) => ({ id, frontier: ["decimals"] })), states: [] }).groups[0];
    expect(given?.skillIds).toEqual(["decimals"]);
  });

  it("splits a large ready group into balanced groups, contiguous by mastery of the skill", () => {
    const base = ["meaning", "like", "equivalent", "decimals"];
    const rows = Array.from({ length: 13 }, (_, k) => learner(`L${String(k).padStart(2, "0")}`, base, [{ skillId: "unlike", mastery: k * 0.05, attempts: 1 }]));
    const { groups } = run(rows, 3, 6);
    expect(groups.map((g) => g.learnerIds.length)).toEqual([5, 4, 4]);
    expect(groups.map((g) => g.name)).toEqual(["Adding fractions with unlike denominators (1)", "Adding fractions with unlike denominators (2)", "Adding fractions with unlike denominators (3)"]);
    expect(groups[0]?.learnerIds).toEqual(["L00", "L01", "L02", "L03", "L04"]);
    expect(groups[2]?.learnerIds).toEqual(["L09", "L10", "L11", "L12"]);
  });

  it("explains when the sizes cannot be met", () => {
    const base = ["meaning", "like", "equivalent", "decimals"];
    const seven = Array.from({ length: 7 }, (_, k) => learner(`L${k}`, base));
    const r = run(seven, 5, 6);
    expect(r.groups.map((g) => g.learnerIds.length)).toEqual([6, 1]);
    expect(r.notes).toEqual(["7 learners cannot all be placed in groups of 5 to 6: one group has 1."]);
    const two = run(seven.slice(0, 2), 3, 6);
    expect(two.groups.map((g) => g.learnerIds)).toEqual([["L0", "L1"]]);
    expect(two.groups[0]?.reason).toBe("Both are ready for Adding fractions with unlike denominators.");
    expect(two.notes).toEqual(["There are only 2 learners, fewer than the smallest group size (3): they form one group."]);
    expect(run([], 3, 6)).toEqual({ groups: [], notes: ["No learners to group."] });
    expect(() => run(seven, 4, 3)).toThrow(/minSize/);
  });

  it("makes an extension group of learners who have mastered everything, and says when a member could lead", () => {
    const done = ["e1", "e2", "e3"].map((id) => learner(id, ALL));
    const ext = run(done).groups[0];
    expect(ext).toMatchObject({ name: "Extension", focusSkillId: null, skillIds: [] });
    expect(ext?.reason).toBe("All 3 have mastered every skill of the course: an extension group for projects, reviews or helping others.");
    // min 3, max 4: four of five ready for unlike fill a group; the fifth joins the two ready for like.
    const base = ["meaning", "like", "equivalent", "decimals"];
    const rows = [...Array.from({ length: 5 }, (_, k) => learner(`a${k}`, base, [], `A${k}`)), learner("b1", ["meaning", "decimals"]), learner("b2", ["meaning", "decimals"])];
    const { groups } = run(rows, 3, 4);
    expect(groups.map((g) => [g.focusSkillId, g.learnerIds])).toEqual([
      ["like", ["a4", "b1", "b2"]],
      ["unlike", ["a0", "a1", "a2", "a3"]],
    ]);
    expect(groups[0]?.reason).toBe("2 of 3 are ready for Adding like denominators. A4 has mastered it already and can lead a worked example; placed here as the closest match by mastery.");
  });

  it("repairs a group below the minimum by taking the closest members of larger groups", () => {
    // min 3, max 4, 9 learners: "like" 4 and "unlike" 4 fill up, Cy (ready for decimals only) is alone; the others
    // have no room for Cy (2 × 4 < 9), so Cy's group takes one member from each (the closest profiles, by id).
    const rows = [
      ...["a1", "a2", "a3", "a4"].map((id) => learner(id, ["meaning", "like", "equivalent", "decimals"])),
      ...["b1", "b2", "b3", "b4"].map((id) => learner(id, ["meaning", "decimals"])),
      learner("c1", ["meaning", "like", "equivalent", "unlike", "mixed"], [], "Cy"),
    ];
    const { groups, notes } = run(rows, 3, 4);
    expect(notes).toEqual([]);
    expect(groups.map((g) => [g.focusSkillId, g.learnerIds])).toEqual([
      ["like", ["b2", "b3", "b4"]],
      ["unlike", ["a2", "a3", "a4"]],
      ["decimals", ["a1", "b1", "c1"]],
    ]);
    expect(groups[2]?.reason).toBe("1 of 3 is ready for Tenths as decimals. a1 and b1 have mastered it already and can lead a worked example; placed here as the closest match by mastery.");
  });

  const classArb = fc.record({
    learners: fc.integer({ min: 1, max: 40 }),
    seed: fc.integer(),
    minSize: fc.integer({ min: 1, max: 5 }),
    extra: fc.integer({ min: 0, max: 4 }),
  });
  function randomClass(x: { learners: number; seed: number }) {
    const rng = createSeededRng(x.seed);
    const learners = Array.from({ length: x.learners }, (_, k) => ({ id: `l${String(k).padStart(2, "0")}` }));
    const states = learners.flatMap((l) => ALL.map((skillId) => ({ learnerId: l.id, skillId, mastery: rng() < 0.5 ? 0.99 : rng() * 0.9, attempts: Math.floor(rng() * 6) })));
    return { learners, states };
  }

  it("places every learner exactly once, never above the maximum, within range whenever possible", () => {
    fc.assert(
      fc.property(classArb, (x) => {
        const { learners, states } = randomClass(x);
        const minSize = x.minSize;
        const maxSize = x.minSize + x.extra;
        const r = suggestSmallGroups({ course, learners, states, minSize, maxSize });
        const placed = r.groups.flatMap((g) => g.learnerIds);
        expect([...placed].sort()).toEqual(learners.map((l) => l.id));
        const n = learners.length;
        let feasible = false;
        for (let k = 1; k <= n; k++) if (k * minSize <= n && n <= k * maxSize) feasible = true;
        for (const g of r.groups) {
          expect(g.learnerIds.length).toBeLessThanOrEqual(maxSize);
          if (feasible) expect(g.learnerIds.length).toBeGreaterThanOrEqual(minSize);
          expect(g.evidence.size).toBe(g.learnerIds.length);
          expect(g.reason.length).toBeGreaterThan(10);
          if (g.focusSkillId !== null) {
            expect(g.skillIds[0]).toBe(g.focusSkillId);
            expect(g.evidence.ready + g.evidence.notReadyLearnerIds.length).toBe(g.evidence.size);
          }
        }
        expect(r.notes.length > 0).toBe(!feasible);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same groups whatever the order of learners and states", () => {
    fc.assert(
      fc.property(classArb, fc.integer(), (x, shuffleSeed) => {
        const { learners, states } = randomClass(x);
        const rng = createSeededRng(shuffleSeed);
        const shuffle = <T>(list: T[]) => list.map((v) => ({ v, k: rng() })).sort((a, b) => a.k - b.k).map((e) => e.v);
        const opts = { course, minSize: x.minSize, maxSize: x.minSize + x.extra };
        expect(suggestSmallGroups({ ...opts, learners: shuffle([...learners]), states: shuffle([...states]) })).toEqual(suggestSmallGroups({ ...opts, learners, states }));
      }),
      { numRuns: 100 },
    );
  });

  it("is fast for 35 and 200 learners on 40 skills", () => {
    // A 40-skill course: four strands of ten, each skill needing the one before and, from the fifth on, the strand
    // before's skill at the same depth.
    const skills: SkillNode[] = [];
    for (let strand = 0; strand < 4; strand++) {
      for (let d = 0; d < 10; d++) {
        const prerequisites = [...(d > 0 ? [`s${strand}-${d - 1}`] : []), ...(strand > 0 && d >= 4 ? [`s${strand - 1}-${d}`] : [])];
        skills.push({ id: `s${strand}-${d}`, name: `Skill ${strand}.${d}`, prerequisites });
      }
    }
    const big = buildCourseGraph({ skills, items: [] });
    const rng = createSeededRng(7);
    for (const count of [35, 200]) {
      const learners = Array.from({ length: count }, (_, k) => ({ id: `l${k}` }));
      const states = learners.flatMap((l) => {
        const depth = Math.floor(rng() * 10);
        return skills.map((s) => ({ learnerId: l.id, skillId: s.id, mastery: Number(s.id.split("-")[1]) < depth ? 0.97 + rng() * 0.02 : rng() * 0.8, attempts: 2 }));
      });
      const started = performance.now();
      const r = suggestSmallGroups({ course: big, learners, states, minSize: 3, maxSize: 6 });
      const ms = performance.now() - started;
      expect(r.groups.flatMap((g) => g.learnerIds)).toHaveLength(count);
      expect(r.groups.every((g) => g.learnerIds.length >= 3 && g.learnerIds.length <= 6)).toBe(true);
      expect(ms).toBeLessThan(count === 35 ? 50 : 500);
    }
  });
});
