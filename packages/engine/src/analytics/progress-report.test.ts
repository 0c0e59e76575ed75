import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectPlan } from "../planning/learning-plan.ts";
import { smallCourse } from "../policy/test-course.ts";
import { progressReport, type ProgressReportInput } from "./progress-report.ts";
import type { AttemptRecord, SkillStateRecord } from "./records.ts";

const course = smallCourse();
const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = Date.UTC(2025, 2, 10, 12);
const ago = (days: number) => now - days * DAY;
const a = (daysAgo: number, skill = "equivalent", minutes = 10): AttemptRecord => ({ learnerId: "maya", itemId: `${skill}-0`, skillIds: [skill], correct: true, answeredAt: ago(daysAgo) - HOUR, responseMs: minutes * 60_000 });

const states: SkillStateRecord[] = [
  { learnerId: "maya", skillId: "meaning", mastery: 0.99, attempts: 6, masteredAt: ago(20), reviewDueAt: ago(1) },
  { learnerId: "maya", skillId: "like", mastery: 0.97, attempts: 5, masteredAt: ago(1), reviewDueAt: ago(-4) },
  { learnerId: "maya", skillId: "decimals", mastery: 0.4, attempts: 2, lastPracticedAt: ago(5) },
  { learnerId: "maya", skillId: "equivalent", mastery: 0.71, attempts: 5, lastPracticedAt: ago(0) },
  { learnerId: "maya", skillId: "unlike", mastery: 0.2, attempts: 0 },
];
const goal = { unitIds: ["adding"], targetDate: now + 7 * DAY, weeklyMinutes: 30 };
const projection = projectPlan({ now, course, goal, mastery: new Map(states.map((s) => [s.skillId, s.mastery])), pace: { minutes: 60, attempts: 24, skillsMastered: 3 } });
const base: ProgressReportInput = {
  now,
  learnerId: "maya",
  learnerName: "Maya",
  course,
  // This week: 10, 9 and 8 March, 10 minutes each, and a 5-minute lesson; the week before: 20 minutes.
  attempts: [a(0), a(1), a(2), a(8), a(9)],
  lessonViews: [{ learnerId: "maya", lessonId: "unlike-lesson", viewedAt: ago(2), seconds: 300 }],
  skillStates: states,
  plans: [{ goalId: "g1", title: "Adding", weeklyMinutes: 30, targetDate: goal.targetDate, projection }],
};

describe("weekly progress report", () => {
  it("tells a guardian the week in sentences (hand-computed)", () => {
    const r = progressReport(base);
    expect(r.thisWeek.minutes).toBeCloseTo(35, 12);
    expect(r.previousWeek.minutes).toBeCloseTo(20, 12);
    expect(r.streakDays).toBe(3);
    expect(r.workingOn.map((s) => s.skillId)).toEqual(["equivalent", "decimals"]);
    expect(r.masteredThisWeek).toEqual([{ skillId: "like", name: "Adding like denominators", mastery: 0.97, masteredAt: ago(1) }]);
    expect(r.reviewsDue).toBe(1);
    expect(r.goals[0]).toMatchObject({ goalId: "g1", status: "behind", extraMinutesPerWeek: 10, remainingSkills: 2, thisWeek: [{ skillId: "equivalent", name: "Equivalent fractions", mastery: 0.71 }] });
    expect(r.sentences).toEqual([
      "Maya spent 35 minutes learning this week, on 3 days, up from 20 minutes the week before.",
      "This week Maya mastered Adding like denominators.",
      "Maya is working on Equivalent fractions (mastery 71%) and Tenths as decimals (40%).",
      "One mastered skill is due for a short review to keep it fresh.",
      "The goal “Adding” would be reached around 19 March at the current pace, after the 17 March target; about 10 minutes more a week would get there on time.",
      "Maya has been active 3 days in a row.",
    ]);
    expect(r.text).toBe(r.sentences.join(" "));
  });

  it("is encouraging about a quieter week: no comparison as loss, no lost streak", () => {
    const quieter = progressReport({ ...base, attempts: [a(0), a(1), a(8), a(9), a(10), a(10, "like")], lessonViews: [] });
    expect(quieter.sentences[0]).toBe("Maya spent 20 minutes learning this week, on 2 days (40 minutes the week before).");
    const none = progressReport({ ...base, attempts: [a(8), a(9)], lessonViews: [] });
    expect(none.sentences[0]).toBe("Maya has not practised yet this week; a short session on Equivalent fractions would be a good next step.");
    expect(none.streakDays).toBe(0);
    expect(none.text).not.toMatch(/in a row/);
    const same = progressReport({ ...base, attempts: [a(0), a(1), a(8), a(9)], lessonViews: [] });
    expect(same.sentences[0]).toBe("Maya spent 20 minutes learning this week, on 2 days, about the same as the week before.");
  });

  it("words each goal's status", () => {
    const at = (p: Partial<typeof goal>) => {
      const g = { ...goal, ...p };
      return progressReport({ ...base, plans: [{ title: "Adding", weeklyMinutes: g.weeklyMinutes, targetDate: g.targetDate, projection: projectPlan({ now, course, goal: g, mastery: new Map(states.map((s) => [s.skillId, s.mastery])), pace: { minutes: 60, attempts: 24, skillsMastered: 3 } }) }] }).goals[0]?.sentence;
    };
    expect(at({ targetDate: now + 60 * DAY })).toBe("The goal “Adding” is ahead of schedule: at this pace it would be reached around 19 March, before the 9 May target.");
    expect(at({ targetDate: now + 11 * DAY })).toBe("The goal “Adding” is on track for 21 March.");
    expect(at({ targetDate: now - DAY })).toBe("The target date of the goal “Adding” (9 March) has passed with 2 skills to go: a good moment to choose a new date together.");
    const done = progressReport({ ...base, plans: [{ weeklyMinutes: 30, targetDate: now + DAY, projection: projectPlan({ now, course, goal: { skillIds: ["like"], targetDate: now + DAY, weeklyMinutes: 30 }, mastery: () => 0.99, pace: { minutes: 1, attempts: 1, skillsMastered: 1 } }) }] });
    expect(done.goals[0]?.sentence).toBe("Maya has reached the plan's goal.");
  });

  it("never uses words of loss or blame", () => {
    const row = fc.record({ daysAgo: fc.integer({ min: 0, max: 20 }), minutes: fc.integer({ min: 0, max: 30 }), skill: fc.constantFrom("meaning", "like", "equivalent", "unlike") });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: -10, max: 60 }), fc.integer({ min: 0, max: 120 }), (rows, targetDays, weekly) => {
        const g = { unitIds: ["adding"], targetDate: now + targetDays * DAY, weeklyMinutes: weekly };
        const p = projectPlan({ now, course, goal: g, mastery: new Map(states.map((s) => [s.skillId, s.mastery])), pace: { minutes: 60, attempts: 24, skillsMastered: 3 } });
        const r = progressReport({ ...base, attempts: rows.map((x) => a(x.daysAgo, x.skill, x.minutes)), plans: [{ title: "Adding", weeklyMinutes: weekly, targetDate: g.targetDate, projection: p }] });
        expect(r.text).not.toMatch(/\b(lost|broke|broken|fail|failed|only|behind|lazy|less than|dropped|missed)\b/i);
        expect(r.sentences.length).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
