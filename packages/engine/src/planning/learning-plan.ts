import { ancestorsOf, type CourseGraph } from "../policy/course-graph.ts";

/** A goal of a learning plan: skills and/or whole units, by a date, with the minutes a week the learner commits. */
export interface PlanGoal {
  readonly id?: string;
  readonly skillIds?: readonly string[];
  readonly unitIds?: readonly string[];
  readonly targetDate: number;
  readonly weeklyMinutes: number;
}

/** The learner's measured pace so far: time and attempts spent, and the skills mastered with them. */
export interface Pace {
  readonly minutes: number;
  readonly attempts: number;
  readonly skillsMastered: number;
}

/** Inputs of {@link projectPlan}. */
export interface PlanInput {
  readonly now: number;
  readonly course: CourseGraph;
  readonly goal: PlanGoal;
  /** P(known) per skill id, or a function of the id. */
  readonly mastery: ReadonlyMap<string, number> | ((skillId: string) => number);
  readonly pace: Pace;
  /** Pace assumed before any skill is mastered (defaults: 15 minutes and 8 attempts a skill). */
  readonly defaultPace?: { readonly minutesPerSkill: number; readonly attemptsPerSkill: number };
}

/** Where a plan stands. */
export type PlanStatus = "ahead" | "on-track" | "behind";

/** The projection of a plan. */
export interface PlanProjection {
  /** Skills still to master for the goal, prerequisites included, in an order they can be learned. */
  readonly remainingSkillIds: readonly string[];
  readonly minutesPerSkill: number;
  readonly attemptsPerSkill: number;
  readonly remainingMinutes: number;
  readonly remainingAttempts: number;
  /** Weeks needed at the committed weekly minutes. */
  readonly weeksNeeded: number;
  readonly weeksLeft: number;
  /** now + weeksNeeded weeks (= now when nothing remains). */
  readonly projectedCompletion: number;
  readonly status: PlanStatus;
  /** Extra minutes a week that would finish by the target date (0 unless behind; Infinity when the date passed). */
  readonly extraMinutesPerWeek: number;
  /** What to do this week: the next remaining skills that fit into the weekly minutes (at least one). */
  readonly thisWeekSkillIds: readonly string[];
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Projects a plan from the learner's measured pace. Pace per skill = minutes (attempts) spent ÷ skills mastered so
 * far (the defaults before the first mastery). Remaining work = remaining skills × pace; weeks needed = remaining
 * minutes ÷ weekly minutes; projected completion = now + weeks needed. Behind when that is after the target date,
 * ahead when it needs under 80% of the weeks left, else on track. Extra minutes a week to close the gap:
 * remaining minutes ÷ weeks left − weekly minutes, rounded up.
 */
export function projectPlan(input: PlanInput): PlanProjection {
  const { course, goal, now, pace } = input;
  const masteryOf = typeof input.mastery === "function" ? input.mastery : (id: string) => (input.mastery as ReadonlyMap<string, number>).get(id) ?? 0;
  const wanted = new Set<number>();
  const add = (id: string): void => {
    const i = course.skillIndex.get(id);
    if (i === undefined) return;
    wanted.add(i);
    for (const a of ancestorsOf(course, i)) wanted.add(a);
  };
  for (const id of goal.skillIds ?? []) add(id);
  for (const unitId of goal.unitIds ?? []) for (const id of course.units.find((u) => u.id === unitId)?.skillIds ?? []) add(id);
  const remaining = course.order.filter((i) => wanted.has(i) && masteryOf(course.skills[i]?.id as string) < (course.thresholds[i] as number));
  const defaults = input.defaultPace ?? { minutesPerSkill: 15, attemptsPerSkill: 8 };
  const minutesPerSkill = pace.skillsMastered > 0 ? pace.minutes / pace.skillsMastered : defaults.minutesPerSkill;
  const attemptsPerSkill = pace.skillsMastered > 0 ? pace.attempts / pace.skillsMastered : defaults.attemptsPerSkill;
  const remainingMinutes = remaining.length * minutesPerSkill;
  const weeksNeeded = goal.weeklyMinutes > 0 ? remainingMinutes / goal.weeklyMinutes : remaining.length === 0 ? 0 : Infinity;
  const weeksLeft = (goal.targetDate - now) / WEEK_MS;
  const projectedCompletion = weeksNeeded === Infinity ? Infinity : now + weeksNeeded * WEEK_MS;
  const status: PlanStatus = projectedCompletion > goal.targetDate ? "behind" : weeksNeeded < 0.8 * weeksLeft ? "ahead" : "on-track";
  const extraMinutesPerWeek = status !== "behind" ? 0 : weeksLeft <= 0 ? Infinity : Math.max(0, Math.ceil(remainingMinutes / weeksLeft - goal.weeklyMinutes));
  const thisWeek: string[] = [];
  let budget = goal.weeklyMinutes;
  for (const i of remaining) {
    if (thisWeek.length > 0 && budget < minutesPerSkill) break;
    thisWeek.push(course.skills[i]?.id as string);
    budget -= minutesPerSkill;
  }
  return {
    remainingSkillIds: remaining.map((i) => course.skills[i]?.id as string),
    minutesPerSkill,
    attemptsPerSkill,
    remainingMinutes,
    remainingAttempts: remaining.length * attemptsPerSkill,
    weeksNeeded,
    weeksLeft,
    projectedCompletion,
    status,
    extraMinutesPerWeek,
    thisWeekSkillIds: thisWeek,
  };
}
