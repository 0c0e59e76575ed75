import { describe, expect, it } from "vitest";
import { encodeRunFeatures, nextRun, nextSkillRuns, runKey, RUN_FEATURES, type PracticeRun, type SkillRuns } from "./practice-runs.ts";

/** The run features as a dense vector. */
function features(run: PracticeRun | undefined, skill: SkillRuns | undefined, key: string): number[] {
  const x = new Array<number>(RUN_FEATURES).fill(0);
  encodeRunFeatures(run, skill, key, (k, v) => {
    x[k] = v;
  });
  return x;
}

describe("practice runs", () => {
  it("continue on the same skills and restart on others (hand-computed)", () => {
    // s: wrong, right, right; then t: right.
    let run = nextRun(undefined, "s", false);
    run = nextRun(run, "s", true);
    run = nextRun(run, "s", true);
    expect(run).toEqual({ key: "s", length: 3, right: 2, streak: 2 });
    expect(nextRun(run, "t", true)).toEqual({ key: "t", length: 1, right: 1, streak: 1 });
    expect(nextRun(run, "s", false).streak).toBe(0);
  });

  it("key several skills by their sorted set", () => {
    expect(runKey(["b", "a", "b"])).toBe(runKey(["a", "b"]));
    expect(runKey(["a"])).toBe("a");
  });

  it("count runs and the longest streak per skill", () => {
    let skill: SkillRuns | undefined;
    let run: PracticeRun | undefined;
    for (const [key, correct] of [["s", true], ["s", true], ["t", false], ["s", true]] as const) {
      run = nextRun(run, key, correct);
      if (key === "s") skill = nextSkillRuns(skill, run);
    }
    // Two runs at s: right, right (streak 2), then right (streak 1).
    expect(skill).toEqual({ runs: 2, bestStreak: 2 });
  });

  it("encode a run in progress and a return to a skill (hand-computed)", () => {
    const run: PracticeRun = { key: "s", length: 3, right: 2, streak: 2 };
    const skill: SkillRuns = { runs: 2, bestStreak: 3 };
    // Continuing s: in a run; log(1 + 3 attempts), log(1 + 2 rights), log(1 + 1 wrong); streak 2 (one-hot at 4 + 2);
    // one earlier run (two counting this one): log 2; longest streak 3 of 3.
    expect(features(run, skill, "s")).toEqual([1, Math.log(4), Math.log(3), Math.log(2), 0, 0, 1, 0, Math.log(2), 1]);
    // Coming back to s after t: no run features, two earlier runs at s.
    expect(features({ key: "t", length: 1, right: 1, streak: 1 }, skill, "s")).toEqual([0, 0, 0, 0, 0, 0, 0, 0, Math.log(3), 1]);
    // A skill never practised: nothing.
    expect(features(undefined, undefined, "u")).toEqual(new Array(RUN_FEATURES).fill(0));
  });
});
