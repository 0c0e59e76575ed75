/**
 * The class at a glance (issue #7): per skill, how many learners have mastered it, are due for a review, are working
 * on it or have not started, and the mean mastery; per learner, the week's activity (active days, minutes on task,
 * answers).
 */
import type { CourseGraph } from "../policy/course-graph.ts";
import { groupByLearner, skillStatus, toMs, type AttemptRecord, type LessonViewRecord, type SkillStateRecord, type SkillStatus } from "./records.ts";
import { minutesText, percent, plural } from "./text.ts";
import { localDay, weekWindow, type TimeZoneOffset, type WeekMode, type WeekWindow } from "./time.ts";

/** The longest time on task counted for one attempt: a question left open in a tab is not study time. */
export const DEFAULT_MAX_ATTEMPT_MS = 10 * 60_000;

/** A learner of the class. */
export interface ClassLearner {
  readonly learnerId: string;
  readonly name?: string;
}

/** How a class stands on one skill. */
export interface SkillDistribution {
  readonly skillId: string;
  readonly name: string;
  readonly learners: number;
  readonly mastered: number;
  readonly reviewDue: number;
  readonly inProgress: number;
  readonly notStarted: number;
  /** Mean P(known) over learners with a value (a state, or `defaultMastery`); null when none has one. */
  readonly meanMastery: number | null;
  readonly message: string;
}

/** A learner's activity in a time window. */
export interface ActivitySummary {
  readonly activeDays: number;
  /** Local days with an attempt or a lesson view, "YYYY-MM-DD", oldest first. */
  readonly activeDayList: readonly string[];
  /** Minutes on task: attempts' response times (each capped) plus visible lesson time. */
  readonly minutes: number;
  readonly practiceMinutes: number;
  readonly lessonMinutes: number;
  readonly attempts: number;
  readonly correct: number;
  readonly skillsPractised: number;
  readonly lastActiveAt: number | null;
}

/** A learner's week in the class summary. */
export interface WeeklyActivity extends ActivitySummary {
  readonly learnerId: string;
  readonly name?: string;
  /** Skills mastered in the week (and still mastered). */
  readonly skillsMastered: number;
  readonly message: string;
}

/** Inputs of {@link summarizeClass}. */
export interface ClassSummaryInput {
  readonly now: number;
  readonly course: CourseGraph;
  readonly learners: readonly ClassLearner[];
  readonly skillStates: readonly SkillStateRecord[];
  readonly attempts: readonly AttemptRecord[];
  readonly lessonViews?: readonly LessonViewRecord[];
  readonly timeZoneOffsetMinutes?: TimeZoneOffset;
  /** Which week (default the 7 local days ending today). */
  readonly week?: WeekMode;
  readonly maxAttemptMs?: number;
  /** Mastery of a skill a learner has no state for (e.g. the prior); without it, such learners stay out of the mean. */
  readonly defaultMastery?: (skillId: string) => number;
}

/** The class summary. */
export interface ClassSummary {
  readonly week: WeekWindow;
  readonly skills: readonly SkillDistribution[];
  readonly learners: readonly WeeklyActivity[];
  readonly activeLearners: number;
  readonly minutes: number;
  readonly attempts: number;
  readonly message: string;
}

/**
 * A learner's activity in [start, end): attempts (response time capped at `maxAttemptMs`, unknown times count 0) and
 * lesson views, active days in local time. Rows of other learners are ignored.
 */
export function summarizeActivity(
  learnerId: string,
  attempts: readonly AttemptRecord[],
  lessonViews: readonly LessonViewRecord[],
  start: number,
  end: number,
  offsetMinutes: TimeZoneOffset = 0,
  maxAttemptMs: number = DEFAULT_MAX_ATTEMPT_MS,
): ActivitySummary {
  const days = new Set<string>();
  const skills = new Set<string>();
  let practiceMs = 0;
  let lessonSeconds = 0;
  let count = 0;
  let correct = 0;
  let last = -Infinity;
  for (const a of attempts) {
    if (a.learnerId !== learnerId) continue;
    const at = toMs(a.answeredAt);
    if (at < start || at >= end) continue;
    count++;
    if (a.correct) correct++;
    practiceMs += Math.min(Math.max(a.responseMs ?? 0, 0), maxAttemptMs);
    for (const s of a.skillIds) skills.add(s);
    days.add(localDay(at, offsetMinutes));
    last = Math.max(last, at);
  }
  for (const v of lessonViews) {
    if (v.learnerId !== learnerId) continue;
    const at = toMs(v.viewedAt);
    if (at < start || at >= end) continue;
    lessonSeconds += Math.max(v.seconds, 0);
    days.add(localDay(at, offsetMinutes));
    last = Math.max(last, at);
  }
  const practiceMinutes = practiceMs / 60_000;
  const lessonMinutes = lessonSeconds / 60;
  const activeDayList = [...days].sort();
  return {
    activeDays: activeDayList.length,
    activeDayList,
    minutes: practiceMinutes + lessonMinutes,
    practiceMinutes,
    lessonMinutes,
    attempts: count,
    correct,
    skillsPractised: skills.size,
    lastActiveAt: last > -Infinity ? last : null,
  };
}

function skillMessage(d: Omit<SkillDistribution, "message">): string {
  const have = d.mastered + d.reviewDue;
  const parts = [
    `${have} of ${d.learners} ${d.learners === 1 ? "learner has" : "learners have"} mastered ${d.name}${d.reviewDue > 0 ? ` (${d.reviewDue} due for a review)` : ""}`,
    `${d.inProgress} ${d.inProgress === 1 ? "is" : "are"} working on it`,
    `${d.notStarted} ${d.notStarted === 1 ? "has" : "have"} not started`,
  ];
  return `${parts[0]}, ${parts[1]} and ${parts[2]}${d.meanMastery === null ? "" : `; mean mastery ${percent(d.meanMastery)}`}.`;
}

function activityMessage(a: ActivitySummary, skillsMastered: number): string {
  if (a.activeDays === 0) return "No activity this week.";
  const split =
    a.lessonMinutes > 0 && a.practiceMinutes > 0 ? ` (${Math.round(a.practiceMinutes)} practising, ${Math.round(a.lessonMinutes)} in lessons)` : "";
  const answers = a.attempts > 0 ? `, ${plural(a.attempts, "answer")} (${a.correct} right)` : "";
  const mastered = skillsMastered > 0 ? `, ${plural(skillsMastered, "skill")} mastered` : "";
  return `Active on ${plural(a.activeDays, "day")}: ${minutesText(a.minutes)} on task${split}${answers}${mastered}.`;
}

/**
 * Summarises a class for its teacher: per skill (in course order) the counts of mastered / review-due / in-progress /
 * not-started learners (the class map's rule, `skillStatus`) and mean mastery; per learner (in the given order) the
 * week's activity and skills mastered in it. Cost: O(learners · skills + attempts + lesson views).
 */
export function summarizeClass(input: ClassSummaryInput): ClassSummary {
  const { now, course } = input;
  const offset = input.timeZoneOffsetMinutes ?? 0;
  const week = weekWindow(now, offset, input.week ?? "last-7-days");
  const learnerIds = new Set(input.learners.map((l) => l.learnerId));
  const states = new Map<string, Map<string, SkillStateRecord>>();
  for (const s of input.skillStates) {
    if (!learnerIds.has(s.learnerId)) continue;
    let m = states.get(s.skillId);
    if (m === undefined) states.set(s.skillId, (m = new Map()));
    m.set(s.learnerId, s);
  }
  const skills = course.skills.map((skill): SkillDistribution => {
    const counts: Record<SkillStatus, number> = { mastered: 0, "review-due": 0, "in-progress": 0, "not-started": 0 };
    let sum = 0;
    let valued = 0;
    for (const l of input.learners) {
      const state = states.get(skill.id)?.get(l.learnerId);
      counts[skillStatus(state, now)]++;
      const m = state?.mastery ?? input.defaultMastery?.(skill.id);
      if (m !== undefined) {
        sum += m;
        valued++;
      }
    }
    const d = {
      skillId: skill.id,
      name: skill.name,
      learners: input.learners.length,
      mastered: counts.mastered,
      reviewDue: counts["review-due"],
      inProgress: counts["in-progress"],
      notStarted: counts["not-started"],
      meanMastery: valued > 0 ? sum / valued : null,
    };
    return { ...d, message: skillMessage(d) };
  });
  // Attempts and lesson views grouped by learner once, so each learner's summary reads only their rows.
  const attemptsBy = groupByLearner(input.attempts, learnerIds);
  const viewsBy = groupByLearner(input.lessonViews ?? [], learnerIds);
  const masteredBy = new Map<string, number>();
  for (const s of input.skillStates) {
    if (!learnerIds.has(s.learnerId) || s.masteredAt === null || s.masteredAt === undefined) continue;
    const at = toMs(s.masteredAt);
    if (at >= week.start && at < week.end && at <= now) masteredBy.set(s.learnerId, (masteredBy.get(s.learnerId) ?? 0) + 1);
  }
  const learners = input.learners.map((l): WeeklyActivity => {
    const a = summarizeActivity(l.learnerId, attemptsBy.get(l.learnerId) ?? [], viewsBy.get(l.learnerId) ?? [], week.start, Math.min(week.end, now + 1), offset, input.maxAttemptMs);
    const skillsMastered = masteredBy.get(l.learnerId) ?? 0;
    return { learnerId: l.learnerId, ...(l.name === undefined ? {} : { name: l.name }), ...a, skillsMastered, message: activityMessage(a, skillsMastered) };
  });
  const activeLearners = learners.filter((l) => l.activeDays > 0).length;
  const minutes = learners.reduce((s, l) => s + l.minutes, 0);
  const attempts = learners.reduce((s, l) => s + l.attempts, 0);
  const message =
    input.learners.length === 0
      ? "No learners in this class yet."
      : `${activeLearners} of ${plural(input.learners.length, "learner")} ${activeLearners === 1 ? "was" : "were"} active this week: ${minutesText(minutes)} on task and ${plural(attempts, "answer")} in all.`;
  return { week, skills, learners, activeLearners, minutes, attempts, message };
}
