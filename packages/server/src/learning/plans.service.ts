import type { CreateGoalInput, Plan } from "@attune/contract";
import { bktParamsFor, projectPlan } from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { badRequest, notFound } from "../http/errors.ts";
import { bktParamsForCourse } from "./bkt-params.ts";
import type { CourseContent } from "./course-content.ts";
import { courseGraphOf } from "./course-graph.ts";
import { assertLearnerInCourse } from "./learner-access.ts";
import { agreedNextSteps } from "../teaching/notes-and-check-ins.service.ts";

/**
 * The learner's measured pace in a course: minutes on practice and lessons, and attempts, per skill mastered.
 * Placement answers are not practice and do not count.
 */
async function measuredPace(deps: Deps, learnerId: string, courseId: string) {
  const practice = await deps.db
    .selectFrom("attempts")
    .select([(eb) => eb.fn.countAll<number>().as("attempts"), (eb) => eb.fn.sum<number>("duration_ms").as("ms")])
    .where("learner_id", "=", learnerId)
    .where("course_id", "=", courseId)
    .where("context", "!=", "placement")
    .executeTakeFirstOrThrow();
  const lessons = await deps.db
    .selectFrom("lesson_views")
    .select((eb) => eb.fn.sum<number>("seconds").as("s"))
    .where("learner_id", "=", learnerId)
    .where("course_id", "=", courseId)
    .executeTakeFirstOrThrow();
  const mastered = await deps.db
    .selectFrom("learner_skill_states")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("learner_id", "=", learnerId)
    .where("course_id", "=", courseId)
    .where("mastered_at", "is not", null)
    .where("attempts", ">", 0)
    .executeTakeFirstOrThrow();
  return {
    minutes: (Number(practice.ms ?? 0) / 1000 + Number(lessons.s ?? 0)) / 60,
    attempts: Number(practice.attempts),
    skillsMastered: Number(mastered.n),
  };
}

const skillRefs = (course: CourseContent, ids: readonly string[]) => ids.map((id) => ({ skillId: id, name: course.skillById.get(id)?.name ?? id }));

/** The learner's goals in a course, each projected from their measured pace (on track, behind or ahead). */
export async function learnerPlan(deps: Deps, actor: Actor, courseId: string): Promise<Plan> {
  await assertLearnerInCourse(deps.db, actor, courseId);
  const course = await deps.courses.get(courseId);
  const graph = courseGraphOf(course);
  const params = await bktParamsForCourse(deps.db, course);
  const [goals, states, pace] = await Promise.all([
    deps.db.selectFrom("goals").selectAll().where("learner_id", "=", actor.id).where("course_id", "=", courseId).where("archived_at", "is", null).orderBy("target_date").execute(),
    deps.db.selectFrom("learner_skill_states").select(["skill_id", "p_known"]).where("learner_id", "=", actor.id).where("course_id", "=", courseId).execute(),
    measuredPace(deps, actor.id, courseId),
  ]);
  const mastery = new Map(states.map((s) => [s.skill_id, s.p_known]));
  const now = deps.now().getTime();
  let minutesPerSkill = 0;
  let attemptsPerSkill = 0;
  const projected = goals.map((g) => {
    const skillIds = JSON.parse(g.skill_ids) as string[];
    const p = projectPlan({
      now,
      course: graph,
      goal: { id: g.id, skillIds, ...(g.unit_id ? { unitIds: [g.unit_id] } : {}), targetDate: Date.parse(`${g.target_date}T23:59:59Z`), weeklyMinutes: g.minutes_per_week },
      mastery: (id) => mastery.get(id) ?? bktParamsFor(params, id).prior,
      pace,
    });
    minutesPerSkill = p.minutesPerSkill;
    attemptsPerSkill = p.attemptsPerSkill;
    return {
      id: g.id,
      title: g.title,
      targetDate: g.target_date,
      minutesPerWeek: g.minutes_per_week,
      skillIds,
      unitId: g.unit_id,
      remainingSkills: skillRefs(course, p.remainingSkillIds),
      projectedCompletion: new Date(p.projectedCompletion).toISOString().slice(0, 10),
      status: p.status,
      extraMinutesPerWeek: Number.isFinite(p.extraMinutesPerWeek) ? p.extraMinutesPerWeek : null,
      thisWeek: skillRefs(course, p.thisWeekSkillIds),
    };
  });
  const nextSteps = await agreedNextSteps(deps.db, actor.id);
  return { courseId, pace: { minutesPerSkill, attemptsPerSkill, skillsMastered: pace.skillsMastered, measured: pace.skillsMastered > 0 }, goals: projected, nextSteps };
}

export async function createGoal(deps: Deps, actor: Actor, courseId: string, input: CreateGoalInput) {
  await assertLearnerInCourse(deps.db, actor, courseId);
  const course = await deps.courses.get(courseId);
  const unknown = (input.skillIds ?? []).filter((id) => !course.skillById.has(id));
  if (unknown.length > 0) throw badRequest("Unknown skills.", unknown.map((id) => ({ path: `skillIds.${input.skillIds!.indexOf(id)}`, message: "not a skill of this course" })));
  if (input.unitId && !course.units.some((u) => u.id === input.unitId)) throw badRequest("Unknown unit.", [{ path: "unitId", message: "not a unit of this course" }]);
  if (Date.parse(input.targetDate) < Date.parse(deps.now().toISOString().slice(0, 10))) {
    throw badRequest("The target date has passed.", [{ path: "targetDate", message: "choose today or a later date" }]);
  }
  const id = crypto.randomUUID();
  await deps.db
    .insertInto("goals")
    .values({
      id,
      learner_id: actor.id,
      school_id: actor.schoolId,
      course_id: courseId,
      title: input.title,
      skill_ids: JSON.stringify(input.skillIds ?? []),
      unit_id: input.unitId ?? null,
      target_date: input.targetDate,
      minutes_per_week: input.minutesPerWeek,
      set_by: actor.id,
      created_at: deps.now().toISOString(),
      archived_at: null,
    })
    .execute();
  return learnerPlan(deps, actor, courseId);
}

export async function archiveGoal(deps: Deps, actor: Actor, courseId: string, goalId: string) {
  const result = await deps.db
    .updateTable("goals")
    .set({ archived_at: deps.now().toISOString() })
    .where("id", "=", goalId)
    .where("learner_id", "=", actor.id)
    .where("course_id", "=", courseId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound("Goal");
  return learnerPlan(deps, actor, courseId);
}
