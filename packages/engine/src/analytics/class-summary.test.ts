import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smallCourse } from "../policy/test-course.ts";
import { summarizeActivity, summarizeClass } from "./class-summary.ts";
import { skillStatus, type AttemptRecord, type SkillStateRecord } from "./records.ts";

const course = smallCourse();
const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = Date.UTC(2025, 2, 10, 12);
const ago = (days: number) => now - days * DAY;
const learners = [{ learnerId: "ana", name: "Ana" }, { learnerId: "ben" }, { learnerId: "cy" }];

const states: SkillStateRecord[] = [
  { learnerId: "ana", skillId: "meaning", mastery: 0.99, attempts: 6, masteredAt: ago(20), reviewDueAt: ago(1) },
  { learnerId: "ana", skillId: "like", mastery: 0.97, attempts: 5, masteredAt: new Date(ago(2)).toISOString(), reviewDueAt: ago(-5) },
  { learnerId: "ana", skillId: "equivalent", mastery: 0.6, attempts: 4 },
  { learnerId: "ben", skillId: "meaning", mastery: 0.97, attempts: 3, masteredAt: ago(9), reviewDueAt: ago(-2) },
  { learnerId: "ben", skillId: "equivalent", mastery: 0.3, attempts: 2, masteredAt: null },
  { learnerId: "zed", skillId: "meaning", mastery: 0.1, attempts: 9 },
];
const a = (learnerId: string, skill: string, at: number, correct: boolean, responseMs: number | null): AttemptRecord => ({ learnerId, itemId: `${skill}-0`, skillIds: [skill], correct, answeredAt: at, responseMs });
const attempts = [
  a("ana", "like", ago(1), true, 60_000),
  a("ana", "like", ago(1) + HOUR, false, 30 * 60_000), // a tab left open: counted as 10 minutes
  a("ana", "equivalent", ago(3), true, 120_000),
  a("ana", "equivalent", ago(8), true, 60_000), // before the week
  a("ben", "equivalent", now - HOUR, true, null),
  a("zed", "meaning", now - HOUR, true, 60_000),
];
const lessonViews = [{ learnerId: "ana", lessonId: "unlike-lesson", viewedAt: new Date(ago(2)).toISOString(), seconds: 300 }];

describe("class summary", () => {
  it("counts each skill's statuses with the class map's rule and the mean mastery (hand-counted)", () => {
    const s = summarizeClass({ now, course, learners, skillStates: states, attempts, lessonViews });
    const meaning = s.skills.find((d) => d.skillId === "meaning");
    expect(meaning).toMatchObject({ learners: 3, mastered: 1, reviewDue: 1, inProgress: 0, notStarted: 1 });
    expect(meaning?.meanMastery).toBeCloseTo(0.98, 12);
    expect(meaning?.message).toBe("2 of 3 learners have mastered Fractions as equal parts (1 due for a review), 0 are working on it and 1 has not started; mean mastery 98%.");
    const equivalent = s.skills.find((d) => d.skillId === "equivalent");
    expect(equivalent?.message).toBe("0 of 3 learners have mastered Equivalent fractions, 2 are working on it and 1 has not started; mean mastery 45%.");
    expect(s.skills.find((d) => d.skillId === "mixed")).toMatchObject({ notStarted: 3, meanMastery: null });
    expect(s.skills.map((d) => d.skillId)).toEqual(course.skills.map((k) => k.id));
    const withPrior = summarizeClass({ now, course, learners, skillStates: states, attempts, defaultMastery: () => 0.1 });
    expect(withPrior.skills[0]?.meanMastery).toBeCloseTo((0.99 + 0.97 + 0.1) / 3, 12);
  });

  it("sums each learner's week: active days, capped minutes on task plus lesson time, answers (hand-computed)", () => {
    const s = summarizeClass({ now, course, learners, skillStates: states, attempts, lessonViews });
    const [ana, ben, cy] = s.learners;
    // 1 + 10 (capped) + 2 minutes of practice, 5 of lesson; 9, 7 (attempts) and 8 March (lesson).
    expect(ana).toMatchObject({ learnerId: "ana", name: "Ana", activeDays: 3, activeDayList: ["2025-03-07", "2025-03-08", "2025-03-09"], attempts: 3, correct: 2, skillsPractised: 2, skillsMastered: 1 });
    expect(ana?.practiceMinutes).toBeCloseTo(13, 12);
    expect(ana?.lessonMinutes).toBe(5);
    expect(ana?.minutes).toBeCloseTo(18, 12);
    expect(ana?.lastActiveAt).toBe(ago(1) + HOUR);
    expect(ana?.message).toBe("Active on 3 days: 18 minutes on task (13 practising, 5 in lessons), 3 answers (2 right), 1 skill mastered.");
    expect(ben?.message).toBe("Active on 1 day: 0 minutes on task, 1 answer (1 right).");
    expect(cy?.message).toBe("No activity this week.");
    expect(cy?.lastActiveAt).toBeNull();
    expect(s.activeLearners).toBe(2);
    expect(s.message).toBe("2 of 3 learners were active this week: 18 minutes on task and 4 answers in all.");
  });

  it("uses the viewer's time zone for the week's edge", () => {
    // 3 March 23:30 UTC is 4 March 00:30 in Paris: inside the week there, before it in UTC.
    const late = [a("ana", "like", Date.UTC(2025, 2, 3, 23, 30), true, 60_000)];
    expect(summarizeClass({ now, course, learners, skillStates: [], attempts: late }).learners[0]?.attempts).toBe(0);
    expect(summarizeClass({ now, course, learners, skillStates: [], attempts: late, timeZoneOffsetMinutes: 60 }).learners[0]?.attempts).toBe(1);
    // The calendar week from Monday: on Monday 10 March only that day counts.
    expect(summarizeClass({ now, course, learners, skillStates: [], attempts, week: "monday" }).learners[0]?.attempts).toBe(0);
  });

  it("accounts for every learner in every skill's counts, and for every attempt of the week", () => {
    const row = fc.record({ learner: fc.integer({ min: 0, max: 5 }), skill: fc.integer({ min: 0, max: 5 }), hoursAgo: fc.integer({ min: 0, max: 24 * 20 }), ms: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: null }), correct: fc.boolean() });
    const stateRow = fc.record({ learner: fc.integer({ min: 0, max: 5 }), skill: fc.integer({ min: 0, max: 5 }), mastery: fc.double({ min: 0, max: 1, noNaN: true }), attempts: fc.integer({ min: 0, max: 9 }), mastered: fc.boolean(), dueInDays: fc.integer({ min: -5, max: 5 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.uniqueArray(stateRow, { maxLength: 36, selector: (s) => `${s.learner}:${s.skill}` }), (rows, stateRows) => {
        const ls = [0, 1, 2, 3, 4, 5].map((k) => ({ learnerId: `l${k}` }));
        const skillIds = course.skills.map((s) => s.id);
        const at = rows.map((r) => a(`l${r.learner}`, skillIds[r.skill] as string, now - r.hoursAgo * HOUR, r.correct, r.ms));
        const st = stateRows.map((s): SkillStateRecord => ({ learnerId: `l${s.learner}`, skillId: skillIds[s.skill] as string, mastery: s.mastery, attempts: s.attempts, masteredAt: s.mastered ? ago(3) : null, reviewDueAt: ago(-s.dueInDays) }));
        const sum = summarizeClass({ now, course, learners: ls, skillStates: st, attempts: at });
        for (const d of sum.skills) {
          expect(d.mastered + d.reviewDue + d.inProgress + d.notStarted).toBe(6);
          const statuses = ls.map((l) => skillStatus(st.find((s) => s.learnerId === l.learnerId && s.skillId === d.skillId), now));
          expect(d.reviewDue).toBe(statuses.filter((x) => x === "review-due").length);
        }
        const inWeek = at.filter((x) => (x.answeredAt as number) >= sum.week.start && (x.answeredAt as number) <= now).length;
        expect(sum.attempts).toBe(inWeek);
        for (const l of sum.learners) {
          expect(l.activeDays).toBeLessThanOrEqual(7);
          expect(l.minutes).toBeLessThanOrEqual(l.attempts * 10 + 1e-9);
        }
      }),
    );
  });

  it("summarises activity in any window", () => {
    const s = summarizeActivity("ana", attempts, lessonViews, ago(9), ago(7));
    expect(s).toMatchObject({ attempts: 1, activeDays: 1, minutes: 1 });
  });
});
