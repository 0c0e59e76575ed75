import type { LearnerDetail } from "@attune/contract";
import { bktParamsFor } from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { bktParamsForCourse } from "../learning/bkt-params.ts";
import { learnerPlan } from "../learning/plans.service.ts";
import { recordLearnerDataRead } from "../services/audit.service.ts";
import { learnerAssignments } from "./assignments.service.ts";
import { alertsFor } from "./class-analytics.service.ts";
import { learnerTimeline } from "./learner-timeline.ts";
import { createCheckIn, learnerCheckIns, learnerNotes } from "./notes-and-check-ins.service.ts";
import { learnerOverrides } from "./overrides.service.ts";
import { asLearner, classLearners, learnerOfTaughtClass } from "./teaching-access.ts";

/** How many of the newest attempts the drill-down's timeline shows. */
const TIMELINE_ATTEMPTS = 400;

/**
 * One learner as their teacher or mentor sees them: the map (status of every skill), the plan and its projection,
 * a timeline of sessions (answers, hints, time on task, what went wrong how often), alerts with their evidence,
 * notes, check-ins, overrides and assignments. Computed by the same code that shows the learner their own view.
 */
export async function learnerDetail(deps: Deps, actor: Actor, classId: string, learnerId: string): Promise<LearnerDetail> {
  const { cls, learner } = await learnerOfTaughtClass(deps.db, actor, classId, learnerId);
  const base = { classId, learner: { id: learner.id, name: learner.name } };
  const [notes, checkIns] = await Promise.all([learnerNotes(deps.db, learner.id), learnerCheckIns(deps.db, learner.id)]);
  await recordLearnerDataRead(deps.db, actor, deps.now(), "learner.detail.read", [learner.id], { type: "class", id: classId });
  if (!cls.course_id) {
    return { ...base, course: null, skills: [], plan: null, timeline: { sessions: [], troubleItems: [] }, alerts: [], notes, checkIns, overrides: [], assignments: [] };
  }
  const course = await deps.courses.get(cls.course_id);
  const params = await bktParamsForCourse(deps.db, course);
  const now = deps.now().toISOString();
  const [states, attempts, lessons, plan, alerts, overrides, assignments] = await Promise.all([
    deps.db.selectFrom("learner_skill_states").selectAll().where("learner_id", "=", learner.id).where("course_id", "=", course.id).execute(),
    deps.db
      .selectFrom("attempts")
      .select(["id", "item_id", "skill_ids", "correct", "response", "hints_used", "duration_ms", "context", "answered_at"])
      .where("learner_id", "=", learner.id)
      .where("course_id", "=", course.id)
      .orderBy("answered_at", "desc")
      .limit(TIMELINE_ATTEMPTS)
      .execute(),
    deps.db.selectFrom("lesson_views").select(["lesson_id", "seconds", "viewed_at"]).where("learner_id", "=", learner.id).where("course_id", "=", course.id).orderBy("viewed_at", "desc").limit(100).execute(),
    learnerPlan(deps, asLearner(learner), course.id),
    classLearners(deps.db, classId).then((learners) => alertsFor(deps, course, learners, [learner.id])),
    learnerOverrides(deps, learner.id, course.id),
    learnerAssignments(deps, classId, learner.id),
  ]);
  const byId = new Map(states.map((s) => [s.skill_id, s]));
  const isMastered = (id: string) => byId.get(id)?.mastered_at != null;
  const skills = course.skills.map((s) => {
    const row = byId.get(s.id);
    const status = row?.mastered_at
      ? row.review_due_at && row.review_due_at <= now
        ? ("review-due" as const)
        : ("mastered" as const)
      : row && row.attempts > 0
        ? ("in-progress" as const)
        : s.prerequisites.every(isMastered)
          ? ("ready" as const)
          : ("locked" as const);
    return {
      id: s.id,
      name: s.name,
      prerequisites: s.prerequisites,
      mastery: row?.p_known ?? bktParamsFor(params, s.id).prior,
      status,
      attempts: row?.attempts ?? 0,
      correct: row?.correct ?? 0,
      hintsUsed: row?.hints_used ?? 0,
      lastPracticedAt: row?.last_practiced_at ?? null,
    };
  });
  return {
    ...base,
    course: { id: course.id, name: course.title },
    skills,
    plan,
    timeline: learnerTimeline(course, attempts.reverse(), lessons),
    alerts: alerts.items,
    notes,
    checkIns,
    overrides,
    assignments,
  };
}

/**
 * Schedules a check-in whose agenda starts from the data: each open alert's suggested action and each goal that
 * is behind, then whatever the mentor adds.
 */
export async function scheduleCheckIn(deps: Deps, actor: Actor, classId: string, learnerId: string, input: { scheduledAt: string; agenda?: string[] }) {
  const { cls, learner } = await learnerOfTaughtClass(deps.db, actor, classId, learnerId);
  const suggested: string[] = [];
  if (cls.course_id) {
    const course = await deps.courses.get(cls.course_id);
    const [alerts, plan] = await Promise.all([classLearners(deps.db, classId).then((learners) => alertsFor(deps, course, learners, [learner.id])), learnerPlan(deps, asLearner(learner), course.id)]);
    for (const a of alerts.items) suggested.push(a.skill ? `${a.skill.name}: ${a.suggestedAction}` : a.suggestedAction);
    for (const g of plan.goals) {
      if (g.status === "behind") suggested.push(`Goal "${g.title}" is behind (projected ${g.projectedCompletion}, target ${g.targetDate}): agree on time or a new date.`);
      else suggested.push(`Goal "${g.title}": ${g.status === "ahead" ? "ahead of" : "on"} track — next up ${g.thisWeek.map((s) => s.name).join(", ") || "review"}.`);
    }
  }
  return createCheckIn(deps, actor, classId, learnerId, input, suggested);
}
