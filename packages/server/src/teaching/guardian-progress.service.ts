import type { GuardianProgress } from "@attune/contract";
import { bktParamsFor, progressReport, projectPlan } from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { notFound } from "../http/errors.ts";
import { bktParamsForCourse } from "../learning/bkt-params.ts";
import { courseGraphOf } from "../learning/course-graph.ts";
import { learnerCourseIds } from "../learning/learner-access.ts";
import { recordLearnerDataRead } from "../services/audit.service.ts";
import { readPreferences } from "../services/preferences.service.ts";
import { loadClassRecords } from "./class-records.ts";
import { learnerNotes } from "./notes-and-check-ins.service.ts";
import { parseList } from "./teaching-access.ts";

const DAY_MS = 86_400_000;

/**
 * A guardian's weekly view of one linked learner, per course, in plain language (the engine's progress report).
 * What the learner keeps private stays private: when they chose not to share progress with guardians, only the
 * notes their teachers marked for the family are shown (the school's own communication).
 */
export async function guardianProgress(deps: Deps, actor: Actor, learnerId: string): Promise<GuardianProgress> {
  const learner = await deps.db
    .selectFrom("guardian_links as g")
    .innerJoin("users as u", "u.id", "g.learner_id")
    .select(["u.id", "u.name"])
    .where("g.guardian_id", "=", actor.id)
    .where("g.learner_id", "=", learnerId)
    .where("u.school_id", "=", actor.schoolId)
    .executeTakeFirst();
  if (!learner) throw notFound("Learner");
  const now = deps.now().getTime();
  const [preferences, notes, courseIds] = await Promise.all([readPreferences(deps.db, learner.id), learnerNotes(deps.db, learner.id, true), learnerCourseIds(deps.db, learner.id)]);
  const sharesProgress = preferences.sharing.guardians;
  await recordLearnerDataRead(deps.db, actor, deps.now(), "guardian.progress.read", [learner.id], { type: "learner", id: learner.id });
  const weekStart = new Date(now - 6 * DAY_MS).toISOString().slice(0, 10);
  if (!sharesProgress) return { learner, weekStart, sharesProgress, courses: [], notes };
  const courses = [];
  for (const courseId of courseIds) {
    const course = await deps.courses.get(courseId);
    const graph = courseGraphOf(course);
    const [records, goals, params, practice] = await Promise.all([
      loadClassRecords(deps.db, course, [learner.id], new Date(now - 15 * DAY_MS).toISOString()),
      deps.db.selectFrom("goals").selectAll().where("learner_id", "=", learner.id).where("course_id", "=", course.id).where("archived_at", "is", null).execute(),
      bktParamsForCourse(deps.db, course),
      deps.db
        .selectFrom("attempts")
        .select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>("duration_ms").as("ms")])
        .where("learner_id", "=", learner.id)
        .where("course_id", "=", course.id)
        .where("context", "!=", "placement")
        .executeTakeFirstOrThrow(),
    ]);
    const mastery = new Map(records.states.map((s) => [s.skillId, s.mastery]));
    const pace = { minutes: Number(practice.ms ?? 0) / 60_000, attempts: Number(practice.n), skillsMastered: records.states.filter((s) => s.masteredAt).length };
    const plans = goals.map((g) => {
      const targetDate = Date.parse(`${g.target_date}T23:59:59Z`);
      return {
        goalId: g.id,
        title: g.title,
        weeklyMinutes: g.minutes_per_week,
        targetDate,
        projection: projectPlan({
          now,
          course: graph,
          goal: { id: g.id, skillIds: parseList(g.skill_ids), ...(g.unit_id ? { unitIds: [g.unit_id] } : {}), targetDate, weeklyMinutes: g.minutes_per_week },
          mastery: (id) => mastery.get(id) ?? bktParamsFor(params, id).prior,
          pace,
        }),
      };
    });
    const report = progressReport({
      now,
      learnerId: learner.id,
      learnerName: learner.name.split(" ")[0] ?? learner.name,
      course: graph,
      attempts: records.attempts,
      lessonViews: records.lessons,
      skillStates: records.states,
      plans,
    });
    courses.push({
      course: { id: course.id, name: course.title },
      summary: report.text,
      workingOn: report.workingOn.map((s) => ({ id: s.skillId, name: s.name })),
      masteredThisWeek: report.masteredThisWeek.map((s) => ({ id: s.skillId, name: s.name })),
      skillsMastered: pace.skillsMastered,
      skillsTotal: course.skills.length,
      minutesThisWeek: Math.round(report.thisWeek.minutes),
      minutesLastWeek: Math.round(report.previousWeek.minutes),
      activeDaysThisWeek: report.thisWeek.activeDays,
      goals: report.goals.map((g) => ({
        title: g.title ?? "Goal",
        status: g.status,
        projectedCompletion: g.projectedCompletion === null ? "" : new Date(g.projectedCompletion).toISOString().slice(0, 10),
        targetDate: new Date(g.targetDate).toISOString().slice(0, 10),
      })),
    });
  }
  return { learner, weekStart, sharesProgress, courses, notes };
}
