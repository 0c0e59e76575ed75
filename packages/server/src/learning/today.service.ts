import type { Actor, Deps } from "../http/app-env.ts";
import { learnerCourses } from "./lessons.service.ts";
import { learnerNextActivity } from "./next-activity.service.ts";
import { learnerPlan } from "./plans.service.ts";
import { learnerOpenAssignments } from "../teaching/assignments.service.ts";

const DAY_MS = 86_400_000;

/**
 * Active days in a row up to today, or up to yesterday when today has no activity yet: a streak is never
 * "lost" before the day is over, and the page never mentions a streak that ended.
 */
export function streakDays(activeDays: ReadonlySet<string>, now: Date): number {
  const day = (offset: number) => new Date(now.getTime() - offset * DAY_MS).toISOString().slice(0, 10);
  let offset = activeDays.has(day(0)) ? 0 : 1;
  let streak = 0;
  while (activeDays.has(day(offset))) {
    streak++;
    offset++;
  }
  return streak;
}

/** The learner's "Today": per course the next activity with its reason, reviews due and this week's plan; a streak. */
export async function learnerToday(deps: Deps, actor: Actor) {
  const now = deps.now();
  const since = new Date(now.getTime() - 60 * DAY_MS).toISOString();
  const [attemptDays, lessonDays, courses] = await Promise.all([
    deps.db.selectFrom("attempts").select("answered_at").where("learner_id", "=", actor.id).where("answered_at", ">=", since).execute(),
    deps.db.selectFrom("lesson_views").select("viewed_at").where("learner_id", "=", actor.id).where("viewed_at", ">=", since).execute(),
    learnerCourses(deps, actor),
  ]);
  const active = new Set([...attemptDays.map((a) => a.answered_at.slice(0, 10)), ...lessonDays.map((l) => l.viewed_at.slice(0, 10))]);
  const items = [];
  for (const course of courses.items) {
    const [next, plan, due, assignments] = await Promise.all([
      learnerNextActivity(deps, actor, course.id),
      learnerPlan(deps, actor, course.id),
      deps.db
        .selectFrom("learner_skill_states")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("learner_id", "=", actor.id)
        .where("course_id", "=", course.id)
        .where("mastered_at", "is not", null)
        .where("review_due_at", "<=", now.toISOString())
        .executeTakeFirstOrThrow(),
      learnerOpenAssignments(deps.db, actor.id, course.id),
    ]);
    items.push({
      ...course,
      reviewsDue: Number(due.n),
      assignments,
      next,
      goals: plan.goals.map((g) => ({ id: g.id, title: g.title, status: g.status, thisWeek: g.thisWeek, projectedCompletion: g.projectedCompletion })),
    });
  }
  return { streakDays: streakDays(active, now), activeToday: active.has(now.toISOString().slice(0, 10)), courses: items };
}
