/**
 * The weekly progress report of one learner for a guardian (or the learner): what they are working on, what they
 * mastered this week, time spent this week and the week before, the plan, and a streak of active days. Written to
 * encourage: it never reports a lost streak, a bad week or a comparison with other learners.
 */
import type { PlanProjection, PlanStatus } from "../planning/learning-plan.ts";
import type { CourseGraph } from "../policy/course-graph.ts";
import { DEFAULT_MAX_ATTEMPT_MS, summarizeActivity, type ActivitySummary } from "./class-summary.ts";
import { skillStatus, toMs, type AttemptRecord, type Instant, type LessonViewRecord, type SkillStateRecord } from "./records.ts";
import { listText, minutesText, percent, plural } from "./text.ts";
import { formatDay, localDay, streakDays, weekWindow, type TimeZoneOffset, type WeekMode, type WeekWindow } from "./time.ts";

/** A goal of the learner's plan for the report. */
export interface ReportPlan {
  readonly goalId?: string;
  readonly title?: string;
  readonly weeklyMinutes: number;
  readonly targetDate: Instant;
  readonly projection: PlanProjection;
}

/** Inputs of {@link progressReport}. */
export interface ProgressReportInput {
  readonly now: number;
  readonly learnerId: string;
  /** Used in sentences (default "This learner"). */
  readonly learnerName?: string;
  readonly course: CourseGraph;
  /** The learner's attempts: at least the last two weeks, more for a long streak. */
  readonly attempts: readonly AttemptRecord[];
  readonly lessonViews?: readonly LessonViewRecord[];
  readonly skillStates: readonly SkillStateRecord[];
  readonly plans?: readonly ReportPlan[];
  readonly timeZoneOffsetMinutes?: TimeZoneOffset;
  readonly week?: WeekMode;
  readonly maxAttemptMs?: number;
}

/** A skill in the report. */
export interface ReportSkill {
  readonly skillId: string;
  readonly name: string;
  readonly mastery: number;
}

/** A goal in the report. */
export interface ReportGoal {
  readonly goalId?: string;
  readonly title?: string;
  readonly status: PlanStatus;
  readonly targetDate: number;
  readonly projectedCompletion: number | null;
  readonly extraMinutesPerWeek: number | null;
  readonly remainingSkills: number;
  readonly thisWeek: readonly ReportSkill[];
  readonly sentence: string;
}

/** The report: data for a layout, and the same in sentences. */
export interface ProgressReport {
  readonly learnerId: string;
  readonly week: WeekWindow;
  /** Skills in progress, most recently practised first. */
  readonly workingOn: readonly ReportSkill[];
  readonly masteredThisWeek: readonly (ReportSkill & { readonly masteredAt: number })[];
  readonly reviewsDue: number;
  readonly thisWeek: ActivitySummary;
  readonly previousWeek: ActivitySummary;
  readonly streakDays: number;
  readonly goals: readonly ReportGoal[];
  readonly sentences: readonly string[];
  readonly text: string;
}

const SHOWN = 3;

function goalSentence(who: string, plan: ReportPlan, now: number, offset: number): string {
  const p = plan.projection;
  const target = toMs(plan.targetDate);
  const goal = plan.title ? `the goal “${plan.title}”` : "the plan's goal";
  const Goal = plan.title ? `The goal “${plan.title}”` : "The plan's goal";
  const targetText = formatDay(target, now, offset);
  if (p.remainingSkillIds.length === 0) return `${who} has reached ${goal}.`;
  if (target <= now) return `The target date of ${goal} (${targetText}) has passed with ${plural(p.remainingSkillIds.length, "skill")} to go: a good moment to choose a new date together.`;
  if (p.status === "behind") {
    const when = Number.isFinite(p.projectedCompletion) ? ` would be reached around ${formatDay(p.projectedCompletion, now, offset)} at the current pace, after the ${targetText} target` : ` needs some time each week to be reached by ${targetText}`;
    const extra = Number.isFinite(p.extraMinutesPerWeek) && p.extraMinutesPerWeek > 0 ? `; about ${minutesText(p.extraMinutesPerWeek)} more a week would get there on time` : "";
    return `${Goal}${when}${extra}.`;
  }
  if (p.status === "ahead") return `${Goal} is ahead of schedule: at this pace it would be reached around ${formatDay(p.projectedCompletion, now, offset)}, before the ${targetText} target.`;
  return `${Goal} is on track for ${targetText}.`;
}

function timeSentence(who: string, thisWeek: ActivitySummary, previous: ActivitySummary, next: ReportSkill | undefined): string {
  if (thisWeek.activeDays === 0) {
    return next === undefined
      ? `${who} has not practised yet this week; a short session would be a good start.`
      : `${who} has not practised yet this week; a short session on ${next.name} would be a good next step.`;
  }
  const spent = `${who} spent ${minutesText(thisWeek.minutes)} learning this week, on ${plural(thisWeek.activeDays, "day")}`;
  const now = Math.round(thisWeek.minutes);
  const before = Math.round(previous.minutes);
  if (before === 0) return `${spent}.`;
  if (now > before * 1.1) return `${spent}, up from ${minutesText(before)} the week before.`;
  if (now >= before * 0.9) return `${spent}, about the same as the week before.`;
  return `${spent} (${minutesText(before)} the week before).`;
}

/**
 * Builds the weekly report of one learner. Working on: skills in progress (attempted, not mastered), most recently
 * practised first. Mastered this week: states whose `masteredAt` falls in the week. Time: minutes on task this week
 * and the week before (`summarizeActivity`). Streak: active days in a row up to today or yesterday (never "lost").
 * Sentences, in order: time, mastered, working on, reviews due, each goal, streak (from 2 days).
 */
export function progressReport(input: ProgressReportInput): ProgressReport {
  const { now, course, learnerId } = input;
  const offset = input.timeZoneOffsetMinutes ?? 0;
  const who = input.learnerName?.trim() || "This learner";
  const week = weekWindow(now, offset, input.week ?? "last-7-days");
  const attempts = input.attempts.filter((a) => a.learnerId === learnerId);
  const views = (input.lessonViews ?? []).filter((v) => v.learnerId === learnerId);
  const cap = input.maxAttemptMs ?? DEFAULT_MAX_ATTEMPT_MS;
  const thisWeek = summarizeActivity(learnerId, attempts, views, week.start, Math.min(week.end, now + 1), offset, cap);
  const previousWeek = summarizeActivity(learnerId, attempts, views, week.previousStart, week.start, offset, cap);

  const states = new Map(input.skillStates.filter((s) => s.learnerId === learnerId).map((s) => [s.skillId, s]));
  const lastPractice = new Map<string, number>();
  for (const a of attempts) {
    const at = toMs(a.answeredAt);
    if (at > now) continue;
    for (const s of a.skillIds) lastPractice.set(s, Math.max(lastPractice.get(s) ?? -Infinity, at));
  }
  const skillRef = (id: string, mastery: number): ReportSkill => ({ skillId: id, name: course.skills[course.skillIndex.get(id) ?? -1]?.name ?? id, mastery });
  const order = (id: string) => course.skillIndex.get(id) ?? Number.MAX_SAFE_INTEGER;
  const practisedAt = (s: SkillStateRecord) => Math.max(lastPractice.get(s.skillId) ?? -Infinity, s.lastPracticedAt ? toMs(s.lastPracticedAt) : -Infinity);
  const workingOn = [...states.values()]
    .filter((s) => skillStatus(s, now) === "in-progress")
    .sort((a, b) => practisedAt(b) - practisedAt(a) || order(a.skillId) - order(b.skillId))
    .map((s) => skillRef(s.skillId, s.mastery));
  const masteredThisWeek = [...states.values()]
    .filter((s) => s.masteredAt !== null && s.masteredAt !== undefined && toMs(s.masteredAt) >= week.start && toMs(s.masteredAt) <= now)
    .map((s) => ({ ...skillRef(s.skillId, s.mastery), masteredAt: toMs(s.masteredAt as Instant) }))
    .sort((a, b) => a.masteredAt - b.masteredAt || order(a.skillId) - order(b.skillId));
  const reviewsDue = [...states.values()].filter((s) => skillStatus(s, now) === "review-due").length;

  const active = new Set<string>();
  for (const a of attempts) if (toMs(a.answeredAt) <= now) active.add(localDay(toMs(a.answeredAt), offset));
  for (const v of views) if (toMs(v.viewedAt) <= now) active.add(localDay(toMs(v.viewedAt), offset));
  const streak = streakDays(active, now, offset);

  const goals = (input.plans ?? []).map((plan): ReportGoal => {
    const p = plan.projection;
    return {
      ...(plan.goalId === undefined ? {} : { goalId: plan.goalId }),
      ...(plan.title === undefined ? {} : { title: plan.title }),
      status: p.status,
      targetDate: toMs(plan.targetDate),
      projectedCompletion: Number.isFinite(p.projectedCompletion) ? p.projectedCompletion : null,
      extraMinutesPerWeek: Number.isFinite(p.extraMinutesPerWeek) ? p.extraMinutesPerWeek : null,
      remainingSkills: p.remainingSkillIds.length,
      thisWeek: p.thisWeekSkillIds.map((id) => skillRef(id, states.get(id)?.mastery ?? 0)),
      sentence: goalSentence(who, plan, now, offset),
    };
  });

  const sentences: string[] = [timeSentence(who, thisWeek, previousWeek, workingOn[0])];
  if (masteredThisWeek.length > 0) sentences.push(`This week ${who} mastered ${listText(masteredThisWeek.map((s) => s.name))}.`);
  if (workingOn.length > 0) {
    const shown = workingOn.slice(0, SHOWN).map((s, k) => `${s.name} (${k === 0 ? "mastery " : ""}${percent(s.mastery)})`);
    const more = workingOn.length > SHOWN ? ` and ${plural(workingOn.length - SHOWN, "other skill")}` : "";
    sentences.push(`${who} is working on ${listText(shown)}${more}.`);
  }
  if (reviewsDue > 0) sentences.push(`${reviewsDue === 1 ? "One mastered skill is" : `${reviewsDue} mastered skills are`} due for a short review to keep ${reviewsDue === 1 ? "it" : "them"} fresh.`);
  for (const g of goals) sentences.push(g.sentence);
  if (streak >= 2) sentences.push(`${who} has been active ${streak} days in a row.`);
  return { learnerId, week, workingOn, masteredThisWeek, reviewsDue, thisWeek, previousWeek, streakDays: streak, goals, sentences, text: sentences.join(" ") };
}
