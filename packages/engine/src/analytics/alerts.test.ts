import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectPlan } from "../planning/learning-plan.ts";
import { smallCourse } from "../policy/test-course.ts";
import { DEFAULT_ALERT_THRESHOLDS } from "./alert-context.ts";
import type { Alert, LearnerAlertInput } from "./alert-types.ts";
import { classAlerts, learnerAlerts, sortAlerts } from "./alerts.ts";
import { medianResponseMsByItem, rapidThresholdMs } from "./alerts-behaviour.ts";
import type { AttemptRecord, MasteryPoint, SkillStateRecord } from "./records.ts";

const course = smallCourse();
const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = Date.UTC(2025, 2, 10, 12); // Monday 10 March 2025, noon UTC
const ago = (days: number) => now - days * DAY;

function attempt(skill: string, daysAgo: number, correct: boolean, extra: Partial<AttemptRecord> = {}): AttemptRecord {
  return { learnerId: "maya", itemId: `${skill}-0`, skillIds: [skill], correct, answeredAt: new Date(ago(daysAgo)).toISOString(), responseMs: 20_000, hintsUsed: 0, ...extra };
}
function state(skillId: string, mastery: number, extra: Partial<SkillStateRecord> = {}): SkillStateRecord {
  return { learnerId: "maya", skillId, mastery, attempts: 1, masteredAt: mastery >= 0.95 ? ago(20) : null, ...extra };
}
function alertsOf(partial: Partial<LearnerAlertInput>): Alert[] {
  return learnerAlerts({ now, learnerId: "maya", learnerName: "Maya", course, attempts: [], ...partial });
}
const only = <K extends Alert["kind"]>(alerts: Alert[], kind: K) => alerts.filter((a): a is Extract<Alert, { kind: K }> => a.kind === kind);

/** 12 attempts at Equivalent fractions over 3 days: 5 right, 7 hints (hand-counted). */
function spinning(n = 12): AttemptRecord[] {
  return Array.from({ length: n }, (_, k) => attempt("equivalent", 3 - Math.floor(k / 4), k % 12 < 5, { hintsUsed: k < 7 ? 1 : 0, answeredAt: ago(3 - Math.floor(k / 4)) + k * 60_000 }));
}

describe("wheel-spinning alerts", () => {
  it("reports 10+ attempts without mastery, with the weakest prerequisite as the action (hand-counted)", () => {
    const alerts = alertsOf({ attempts: spinning(), skillStates: [state("equivalent", 0.48, { attempts: 12 }), state("meaning", 0.62)] });
    const [a] = only(alerts, "wheel-spinning");
    expect(a).toBeDefined();
    expect(a?.skillId).toBe("equivalent");
    expect(a?.severity).toBe("medium");
    expect(a?.evidence).toMatchObject({ attempts: 12, correct: 5, hintsUsed: 7, days: 3, mastery: 0.48, threshold: 0.95 });
    expect(a?.evidence.correctShare).toBeCloseTo(5 / 12, 12);
    expect(a?.evidence.unmasteredPrerequisites).toEqual([{ skillId: "meaning", name: "Fractions as equal parts", mastery: 0.62, threshold: 0.95 }]);
    expect(a?.message).toBe(
      "Maya has answered 12 questions on Equivalent fractions over 3 days without reaching mastery: 5 of 12 right (42%), 7 hints used, mastery now 48% (mastered at 95%).",
    );
    expect(a?.suggestedAction).toBe("Work one-on-one on Fractions as equal parts (mastery 62%), which Equivalent fractions builds on, before more practice of Equivalent fractions.");
  });

  it("needs 10 attempts (Beck & Gong 2013): 9 are not enough, 20 make it high", () => {
    const st = [state("equivalent", 0.5), state("meaning", 0.99)];
    expect(only(alertsOf({ attempts: spinning(9), skillStates: st }), "wheel-spinning")).toHaveLength(0);
    expect(only(alertsOf({ attempts: spinning(10), skillStates: st }), "wheel-spinning")[0]?.severity).toBe("medium");
    const twenty = Array.from({ length: 20 }, (_, k) => attempt("equivalent", 1, false, { answeredAt: ago(1) + k * 1000 }));
    expect(only(alertsOf({ attempts: twenty, skillStates: st }), "wheel-spinning")[0]?.severity).toBe("high");
  });

  it("suggests the lesson when every prerequisite is mastered, and never reports a mastered skill", () => {
    const attempts = Array.from({ length: 10 }, (_, k) => attempt("unlike", 2, k % 2 === 0, { answeredAt: ago(2) + k * 1000 }));
    const st = [state("meaning", 0.99), state("like", 0.97), state("equivalent", 0.98), state("unlike", 0.7)];
    const [a] = only(alertsOf({ attempts, skillStates: st }), "wheel-spinning");
    expect(a?.evidence.unmasteredPrerequisites).toEqual([]);
    expect(a?.evidence.days).toBe(1);
    expect(a?.message).toContain("in one day");
    expect(a?.suggestedAction).toBe("Review the lesson “Adding unlike fractions” together and work one example side by side; more of the same practice is unlikely to help.");
    const mastered = [...st.slice(0, 3), state("unlike", 0.96)];
    expect(only(alertsOf({ attempts, skillStates: mastered }), "wheel-spinning")).toHaveLength(0);
  });

  it("counts only attempts since the skill was last mastered, leaves out placement and stale skills", () => {
    const attempts = spinning(12);
    // Mastered after the 6th attempt, lost afterwards: 6 attempts since, not wheel-spinning.
    const sixth = attempts[5] as AttemptRecord;
    const history: MasteryPoint[] = [{ skillId: "equivalent", at: sixth.answeredAt, mastery: 0.96 }];
    expect(only(alertsOf({ attempts, masteryHistory: history, skillStates: [state("equivalent", 0.6)] }), "wheel-spinning")).toHaveLength(0);
    const placement = attempts.map((a, k) => (k < 3 ? { ...a, context: "placement" } : a));
    expect(only(alertsOf({ attempts: placement, skillStates: [state("equivalent", 0.6)] }), "wheel-spinning")).toHaveLength(0);
    const old = attempts.map((a) => ({ ...a, answeredAt: ago(31) }));
    expect(only(alertsOf({ attempts: old, skillStates: [state("equivalent", 0.6)] }), "wheel-spinning")).toHaveLength(0);
  });

  it("names never-practised prerequisites before weak ones, direct ones before further back", () => {
    const attempts = Array.from({ length: 10 }, (_, k) => attempt("mixed", 1, false, { answeredAt: ago(1) + k * 1000 }));
    const [a] = only(alertsOf({ attempts, skillStates: [state("mixed", 0.3), state("like", 0.5), state("unlike", 0.8)] }), "wheel-spinning");
    // Direct: unlike (80%). Further back: equivalent and meaning never practised (by id), then like (50%).
    expect(a?.evidence.unmasteredPrerequisites.map((p) => p.skillId)).toEqual(["unlike", "equivalent", "meaning", "like"]);
  });
});

describe("falling-mastery alerts", () => {
  it("reports a lost mastery after wrong answers (hand-computed fall 0.97 → 0.71)", () => {
    const history: MasteryPoint[] = [
      { skillId: "like", at: ago(3), mastery: 0.97 },
      { skillId: "like", at: ago(2), mastery: 0.9 },
      { skillId: "like", at: ago(1), mastery: 0.71 },
    ];
    const attempts = [attempt("like", 3, true), attempt("like", 2, true), attempt("like", 1, false)];
    const [a] = only(alertsOf({ attempts, masteryHistory: history, skillStates: [state("like", 0.71, { masteredAt: null })] }), "falling-mastery");
    expect(a?.severity).toBe("medium");
    expect(a?.evidence).toMatchObject({ mastery: 0.71, peak: 0.97, peakAt: ago(3), lostMastery: true, attemptsSincePeak: 2, wrongSincePeak: 1, cause: "recent-errors" });
    expect(a?.evidence.drop).toBeCloseTo(0.26, 12);
    expect(a?.message).toBe("Maya's mastery of Adding like denominators fell from 97% to 71% since 7 March; it was mastered and is now below the 95% needed. 1 of 2 answers since then was wrong.");
    expect(a?.suggestedAction).toBe("Go over the wrong answers on Adding like denominators together, then give a short review.");
  });

  it("reports a fall of exactly 0.2 within 7 days of a skill never mastered; high from 0.4", () => {
    const fall = (from: number, to: number) =>
      only(alertsOf({ masteryHistory: [{ skillId: "equivalent", at: ago(5), mastery: from }, { skillId: "equivalent", at: ago(1), mastery: to }] }), "falling-mastery");
    expect(fall(0.7, 0.5)[0]).toMatchObject({ severity: "medium", evidence: { lostMastery: false, cause: "forgetting" } });
    expect(fall(0.7, 0.51)).toHaveLength(0);
    expect(fall(0.9, 0.5)[0]?.severity).toBe("high");
  });

  it("is low for a lost mastery by a small slip, and says when nothing was practised (forgetting)", () => {
    const [a] = only(alertsOf({ masteryHistory: [{ skillId: "meaning", at: ago(10), mastery: 0.96 }, { skillId: "meaning", at: ago(4), mastery: 0.93 }] }), "falling-mastery");
    expect(a?.severity).toBe("low");
    expect(a?.evidence).toMatchObject({ peak: 0.96, lostMastery: true, cause: "forgetting", attemptsSincePeak: 0 });
    expect(a?.message).toBe("Maya's mastery of Fractions as equal parts fell from 96% to 93% since 28 February; it was mastered and is now below the 95% needed. It has not been practised since, so this is likely forgetting.");
    expect(a?.suggestedAction).toBe("Schedule a short review of Fractions as equal parts.");
  });

  it("compares with the value in effect when the 7-day window opened, and ignores older falls and old masteries", () => {
    const points = (list: [number, number][]): MasteryPoint[] => list.map(([d, m]) => ({ skillId: "equivalent", at: ago(d), mastery: m }));
    // In effect at the window's start: 0.85 (set 8 days ago) → 0.6 now: a fall of 0.25.
    const [a] = only(alertsOf({ masteryHistory: points([[10, 0.9], [8, 0.85], [2, 0.6]]) }), "falling-mastery");
    expect(a?.evidence).toMatchObject({ peak: 0.85, peakAt: ago(8) });
    // The fall happened 9 days ago and nothing since: no alert.
    expect(only(alertsOf({ masteryHistory: points([[10, 0.9], [9, 0.65]]) }), "falling-mastery")).toHaveLength(0);
    // Mastered 40 days ago (beyond the 30-day look-back), lost 35 days ago.
    expect(only(alertsOf({ masteryHistory: points([[40, 0.97], [35, 0.8]]) }), "falling-mastery")).toHaveLength(0);
  });
});

describe("rapid guessing and hint abuse", () => {
  it("reports the share of answers under 5 s without class medians (hand-counted 6 of 15)", () => {
    const attempts = Array.from({ length: 15 }, (_, k) => attempt("like", 1, k < 6 ? k === 0 : true, { responseMs: k < 6 ? 2_000 : 20_000, answeredAt: ago(1) + k * 1000 }));
    const [a] = only(alertsOf({ attempts }), "rapid-guessing");
    expect(a?.severity).toBe("medium");
    expect(a?.evidence).toEqual({ windowDays: 14, attempts: 15, rapid: 6, rapidShare: 0.4, rapidCorrect: 1, medianResponseMs: 20_000, judgedByClassMedian: 0 });
    expect(a?.message).toBe("Maya answered 6 of 15 questions in the last 14 days (40%) under 5 seconds, too fast to read the question; 1 of those 6 was right.");
  });

  it("uses a tenth of the class median capped at 10 s (NT10, Wise & Ma 2012)", () => {
    const t = DEFAULT_ALERT_THRESHOLDS;
    expect(rapidThresholdMs(undefined, t)).toBe(5_000);
    expect(rapidThresholdMs(60_000, t)).toBe(6_000);
    expect(rapidThresholdMs(30_000, t)).toBe(3_000);
    expect(rapidThresholdMs(200_000, t)).toBe(10_000);
    // 4 s on an item the class takes 30 s on is not rapid; 5.5 s on a 60 s item is.
    const attempts = Array.from({ length: 10 }, (_, k) => attempt("like", 1, true, { itemId: k < 5 ? "short" : "long", responseMs: k < 5 ? 4_000 : 5_500, answeredAt: ago(1) + k }));
    const medians = new Map([["short", 30_000], ["long", 60_000]]);
    const [a] = only(alertsOf({ attempts, itemMedianMs: medians }), "rapid-guessing");
    expect(a?.evidence).toMatchObject({ rapid: 5, judgedByClassMedian: 5, rapidShare: 0.5 });
    expect(a?.severity).toBe("high");
    expect(a?.message).toContain("under a tenth of the class's usual time");
  });

  it("needs 10 timed answers in the last 14 days", () => {
    const nine = Array.from({ length: 9 }, (_, k) => attempt("like", 1, false, { responseMs: 1_000, answeredAt: ago(1) + k }));
    expect(only(alertsOf({ attempts: nine }), "rapid-guessing")).toHaveLength(0);
    const old = [...nine, attempt("like", 15, false, { responseMs: 1_000 })];
    expect(only(alertsOf({ attempts: old }), "rapid-guessing")).toHaveLength(0);
    const untimed = [...nine, attempt("like", 1, false, { responseMs: null })];
    expect(only(alertsOf({ attempts: untimed }), "rapid-guessing")).toHaveLength(0);
  });

  it("computes class medians per item from timed attempts, leaving out items with too few", () => {
    const rows = [3, 1, 2, 10, 4].map((s, k) => attempt("like", 1, true, { learnerId: `l${k}`, itemId: "a", responseMs: s * 1000 }));
    const m = medianResponseMsByItem([...rows, attempt("like", 1, true, { itemId: "b", responseMs: 1000 }), attempt("like", 1, true, { itemId: "a", responseMs: null })]);
    expect([...m]).toEqual([["a", 3_000]]);
    expect(medianResponseMsByItem(rows.slice(0, 4), 4).get("a")).toBe(2_500);
  });

  it("reports bottom-out and clicked-through hints (hand-counted 4 of 10)", () => {
    const attempts = [
      ...[0, 1, 2].map((k) => attempt("like", 1, true, { hintsUsed: 3, hintCount: 3, answeredAt: ago(1) + k })),
      attempt("like", 1, true, { hintsUsed: 3, hintCount: 5, hintTimesMs: [1_000, 2_000, 2_500], answeredAt: ago(1) + 3 }),
      attempt("like", 1, false, { hintsUsed: 1, hintCount: 3, answeredAt: ago(1) + 4 }),
      ...[5, 6, 7, 8, 9].map((k) => attempt("like", 1, true, { answeredAt: ago(1) + k })),
    ];
    const [a] = only(alertsOf({ attempts }), "hint-abuse");
    expect(a?.evidence).toEqual({ windowDays: 14, attempts: 10, withHints: 5, bottomOut: 3, rapidHints: 1, abusive: 4, abusiveShare: 0.4 });
    expect(a?.severity).toBe("medium");
    expect(a?.message).toBe(
      "Maya opened hints on 5 of 10 questions in the last 14 days; on 4 (40% of all questions) the hints did the work: they went to the last hint on 3 and clicked through hints within seconds on 1.",
    );
  });

  it("judges clicked-through hints by time per hint when request times are unknown", () => {
    const attempts = Array.from({ length: 10 }, (_, k) => attempt("like", 1, true, { hintsUsed: k < 3 ? 2 : 0, responseMs: k === 0 ? 12_000 : 6_000, answeredAt: ago(1) + k }));
    // 6 s for 2 hints = 3 s a hint (rapid) twice; 12 s for 2 hints = 6 s a hint (read) once: 2 of 10 < 30%.
    expect(only(alertsOf({ attempts }), "hint-abuse")).toHaveLength(0);
    const more = attempts.map((a, k) => (k === 3 ? { ...a, hintsUsed: 2 } : a));
    expect(only(alertsOf({ attempts: more }), "hint-abuse")[0]?.evidence).toMatchObject({ rapidHints: 3, bottomOut: 0, abusiveShare: 0.3 });
  });
});

describe("plan alerts", () => {
  const plan = { goalId: "g1", title: "Adding", weeklyMinutes: 30, targetDate: new Date(ago(-30)).toISOString(), createdAt: ago(40) };

  it("reports no activity for 7+ days while the plan expects weekly minutes", () => {
    const [a] = only(alertsOf({ attempts: [attempt("like", 9, true)], plans: [plan] }), "inactive");
    expect(a?.severity).toBe("medium");
    expect(a?.evidence).toEqual({ daysInactive: 9, lastActiveAt: ago(9), weeklyMinutes: 30, goalIds: ["g1"] });
    expect(a?.message).toBe("Maya has not practised for 9 days (last active 1 March) while their plan expects 30 minutes a week.");
    expect(only(alertsOf({ attempts: [attempt("like", 6, true)], plans: [plan] }), "inactive")).toHaveLength(0);
    const lesson = [{ learnerId: "maya", lessonId: "unlike-lesson", viewedAt: ago(2), seconds: 300 }];
    expect(only(alertsOf({ attempts: [attempt("like", 9, true)], lessonViews: lesson, plans: [plan] }), "inactive")).toHaveLength(0);
  });

  it("counts from when the plan was set when there is no activity yet; ignores finished or empty plans", () => {
    const [a] = only(alertsOf({ plans: [{ ...plan, createdAt: ago(15) }] }), "inactive");
    expect(a?.severity).toBe("high");
    expect(a?.evidence.lastActiveAt).toBeNull();
    expect(a?.message).toBe("Maya has not started since their plan was set on 23 February, 15 days ago; their plan expects 30 minutes a week.");
    expect(only(alertsOf({ plans: [{ ...plan, targetDate: ago(1) }] }), "inactive")).toHaveLength(0);
    expect(only(alertsOf({ plans: [{ ...plan, weeklyMinutes: 0 }] }), "inactive")).toHaveLength(0);
    expect(only(alertsOf({ plans: [{ ...plan, createdAt: undefined }] }), "inactive")).toHaveLength(0);
  });

  it("reports a plan behind schedule with the minutes that close the gap (the planning test's projection)", () => {
    const goal = { unitIds: ["adding"], targetDate: now + 7 * DAY, weeklyMinutes: 30 };
    const projection = projectPlan({ now, course, goal, mastery: new Map([["meaning", 0.99], ["like", 0.97], ["decimals", 0.99]]), pace: { minutes: 60, attempts: 24, skillsMastered: 3 } });
    const [a] = only(alertsOf({ plans: [{ goalId: "g1", title: "Adding", weeklyMinutes: 30, targetDate: goal.targetDate, projection }] }), "plan-behind");
    // 40 minutes left at 30 a week: 1⅓ weeks = 9.33 days, 2.33 → 3 days after the target; 10 more minutes a week.
    expect(a?.evidence).toEqual({ targetDate: now + 7 * DAY, projectedCompletion: now + (4 / 3) * 7 * DAY, daysLate: 3, remainingSkills: 2, weeklyMinutes: 30, extraMinutesPerWeek: 10, targetPassed: false });
    expect(a?.severity).toBe("medium");
    expect(a?.message).toBe("At their current pace Maya would finish “Adding” around 19 March, 3 days after the target of 17 March (2 skills to go).");
    expect(a?.suggestedAction).toBe("About 10 minutes more a week (40 minutes instead of 30 minutes) would close the gap; or move the target date.");
    expect(a?.kind === "plan-behind" && a.goalId).toBe("g1");
    expect(only(alertsOf({ plans: [{ weeklyMinutes: 30, targetDate: goal.targetDate, projection }], thresholds: { planGraceDays: 3 } }), "plan-behind")).toHaveLength(0);
  });

  it("is high when the target date has passed, and silent when on track", () => {
    const goal = { skillIds: ["unlike"], targetDate: now - DAY, weeklyMinutes: 30 };
    const projection = projectPlan({ now, course, goal, mastery: () => 0.5, pace: { minutes: 0, attempts: 0, skillsMastered: 0 } });
    const [a] = only(alertsOf({ plans: [{ weeklyMinutes: 30, targetDate: goal.targetDate, projection }] }), "plan-behind");
    expect(a?.severity).toBe("high");
    expect(a?.evidence).toMatchObject({ targetPassed: true, extraMinutesPerWeek: null, remainingSkills: 4 });
    expect(a?.message).toBe("The target date of their goal (9 March) has passed with 4 skills still to master.");
    const ahead = projectPlan({ now, course, goal: { ...goal, targetDate: now + 60 * DAY }, mastery: () => 0.5, pace: { minutes: 0, attempts: 0, skillsMastered: 0 } });
    expect(only(alertsOf({ plans: [{ weeklyMinutes: 30, targetDate: now + 60 * DAY, projection: ahead }] }), "plan-behind")).toHaveLength(0);
  });
});

describe("alert lists", () => {
  const skills = course.skills.map((s) => s.id);
  const attemptArb = fc.record({
    skill: fc.constantFrom(...skills),
    minutesAgo: fc.integer({ min: 0, max: 12 * 24 * 60 }),
    correct: fc.boolean(),
    responseMs: fc.option(fc.oneof(fc.integer({ min: 0, max: 6_000 }), fc.integer({ min: 0, max: 60_000 })), { nil: null }),
    hintsUsed: fc.integer({ min: 0, max: 3 }),
  });
  const inputArb = fc.record({
    attempts: fc.uniqueArray(attemptArb, { maxLength: 120, size: "max", selector: (a) => a.minutesAgo }),
    mastery: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: skills.length, maxLength: skills.length }),
  });
  type Generated = { attempts: { skill: string; minutesAgo: number; correct: boolean; responseMs: number | null; hintsUsed: number }[]; mastery: number[] };
  const build = (x: Generated): LearnerAlertInput => ({
    now,
    learnerId: "maya",
    course,
    attempts: x.attempts.map((a) => ({ learnerId: "maya", itemId: `${a.skill}-1`, skillIds: [a.skill], correct: a.correct, answeredAt: now - a.minutesAgo * 60_000, responseMs: a.responseMs, hintsUsed: a.hintsUsed, hintCount: 3 })),
    skillStates: skills.map((id, k) => ({ learnerId: "maya", skillId: id, mastery: x.mastery[k] as number, attempts: 1, masteredAt: (x.mastery[k] as number) >= 0.95 ? now - 50 * DAY : null })),
    masteryHistory: x.attempts.map((a, k) => ({ skillId: a.skill, at: now - a.minutesAgo * 60_000, mastery: ((k * 37) % 100) / 100 })),
    plans: [{ weeklyMinutes: 30, targetDate: now + 10 * DAY, createdAt: now - 20 * DAY }],
  });

  it("is sorted, explained, independent of the rows' order, and never flags a mastered skill as wheel-spinning", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(inputArb, (x) => {
        const input = build(x);
        const alerts = learnerAlerts(input);
        for (const a of alerts) seen.add(a.kind);
        expect(alerts).toEqual(sortAlerts(alerts));
        expect(learnerAlerts({ ...input, attempts: [...input.attempts].reverse(), masteryHistory: [...(input.masteryHistory ?? [])].reverse() })).toEqual(alerts);
        for (const a of alerts) {
          expect(a.message.length).toBeGreaterThan(20);
          expect(a.suggestedAction.length).toBeGreaterThan(20);
          expect(JSON.parse(JSON.stringify(a))).toEqual(a);
          if (a.kind === "wheel-spinning") {
            expect(a.evidence.attempts).toBeGreaterThanOrEqual(10);
            expect(a.evidence.mastery ?? 0).toBeLessThan(0.95);
          }
        }
      }),
      { numRuns: 150 },
    );
    // The generated rows are rich enough to exercise every alert about the learner's answers.
    expect([...seen].sort()).toEqual(["falling-mastery", "hint-abuse", "inactive", "rapid-guessing", "wheel-spinning"]);
  });

  it("only loses alerts when thresholds get stricter", () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const input = build(x);
        const loose = learnerAlerts(input).filter((a) => a.kind === "wheel-spinning" || a.kind === "rapid-guessing");
        const strict = learnerAlerts({ ...input, thresholds: { wheelSpinningAttempts: 15, rapidShare: 0.5 } }).filter((a) => a.kind === "wheel-spinning" || a.kind === "rapid-guessing");
        const key = (a: Alert) => `${a.kind}:${"skillId" in a ? a.skillId : ""}`;
        const looseKeys = new Set(loose.map(key));
        for (const a of strict) expect(looseKeys.has(key(a))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("merges a class's alerts high severity first, then by kind and learner", () => {
    const inputs: LearnerAlertInput[] = [
      { now, learnerId: "zoe", course, attempts: [], plans: [{ weeklyMinutes: 30, targetDate: now + 30 * DAY, createdAt: now - 20 * DAY }] },
      { now, learnerId: "maya", course, attempts: spinning(12).map((a) => ({ ...a })), skillStates: [state("equivalent", 0.5)] },
      { now, learnerId: "ali", course, attempts: [], plans: [{ weeklyMinutes: 30, targetDate: now + 30 * DAY, createdAt: now - 8 * DAY }], learnerName: "Ali" },
    ];
    const alerts = classAlerts(inputs);
    expect(alerts.map((a) => [a.severity, a.kind, a.learnerId])).toEqual([
      ["high", "inactive", "zoe"],
      ["medium", "wheel-spinning", "maya"],
      ["medium", "inactive", "ali"],
    ]);
    expect(alerts[0]?.message.startsWith("This learner has not started")).toBe(true);
  });

  it("ignores other learners' rows and rows after now", () => {
    const others = spinning(12).map((a) => ({ ...a, learnerId: "someone-else" }));
    const future = spinning(12).map((a) => ({ ...a, answeredAt: now + HOUR }));
    expect(alertsOf({ attempts: [...others, ...future], skillStates: [state("equivalent", 0.5)] })).toEqual([]);
  });
});
