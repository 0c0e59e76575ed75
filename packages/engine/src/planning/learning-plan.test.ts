import { describe, expect, it } from "vitest";
import { smallCourse } from "../policy/test-course.ts";
import { projectPlan } from "./learning-plan.ts";

const course = smallCourse();
const DAY = 86_400_000;
const now = Date.UTC(2025, 2, 3);

describe("learning plans", () => {
  it("projects completion from the measured pace (hand-computed)", () => {
    // Goal: unit "adding" = like + unlike; unlike needs equivalent too. Mastered: meaning, like.
    // Remaining: equivalent, unlike = 2 skills. Pace: 60 min and 24 attempts for 3 skills → 20 min, 8 attempts a skill.
    // Remaining 40 min at 30 min/week → 1.333 weeks → now + 9.33 days. Target in 7 days → behind;
    // to finish in 1 week: 40 − 30 = 10 more minutes a week.
    const p = projectPlan({
      now,
      course,
      goal: { unitIds: ["adding"], targetDate: now + 7 * DAY, weeklyMinutes: 30 },
      mastery: new Map([["meaning", 0.99], ["like", 0.97], ["decimals", 0.99]]),
      pace: { minutes: 60, attempts: 24, skillsMastered: 3 },
    });
    expect(p.remainingSkillIds).toEqual(["equivalent", "unlike"]);
    expect(p.minutesPerSkill).toBe(20);
    expect(p.remainingAttempts).toBe(16);
    expect(p.weeksNeeded).toBeCloseTo(4 / 3, 10);
    expect(p.projectedCompletion).toBe(now + (4 / 3) * 7 * DAY);
    expect(p.status).toBe("behind");
    expect(p.extraMinutesPerWeek).toBe(10);
    expect(p.thisWeekSkillIds).toEqual(["equivalent"]);
  });

  it("is ahead when the work needs under 80% of the weeks left, and asks for no extra time", () => {
    const p = projectPlan({
      now,
      course,
      goal: { skillIds: ["like"], targetDate: now + 28 * DAY, weeklyMinutes: 60 },
      mastery: new Map([["meaning", 0.99]]),
      pace: { minutes: 0, attempts: 0, skillsMastered: 0 },
    });
    expect(p.remainingSkillIds).toEqual(["like"]);
    expect(p.minutesPerSkill).toBe(15); // the default before any mastery
    expect(p.status).toBe("ahead");
    expect(p.extraMinutesPerWeek).toBe(0);
  });

  it("is done when the goal's skills are mastered", () => {
    const p = projectPlan({ now, course, goal: { skillIds: ["meaning"], targetDate: now + DAY, weeklyMinutes: 30 }, mastery: () => 0.99, pace: { minutes: 10, attempts: 5, skillsMastered: 1 } });
    expect(p.remainingSkillIds).toEqual([]);
    expect(p.projectedCompletion).toBe(now);
    expect(p.status).toBe("ahead");
  });
});
