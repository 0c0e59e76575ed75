import type { ClassMastery } from "@attune/contract";
import type { Actor, Deps } from "../http/app-env.ts";
import { recordLearnerDataRead } from "./audit.service.ts";
import { assertMayReadClass, classOfSchool } from "./classes.service.ts";

/**
 * The class heatmap: every learner × every skill of the class's course, from the knowledge-state projection
 * (one query for the whole class). Review-due and not-started are told apart from low mastery.
 */
export async function classMastery(deps: Deps, actor: Actor, classId: string): Promise<ClassMastery> {
  const row = await classOfSchool(deps.db, actor, classId);
  await assertMayReadClass(deps.db, actor, classId);
  const learners = await deps.db
    .selectFrom("enrolments as e")
    .innerJoin("users as u", "u.id", "e.learner_id")
    .select(["u.id", "u.name"])
    .where("e.class_id", "=", classId)
    .where("u.active", "=", 1)
    .orderBy("u.name")
    .execute();
  if (!row.course_id) return { classId, course: null, skills: [], units: [], learners: learners.map((l) => ({ ...l, cells: [] })) };
  const course = await deps.courses.get(row.course_id);
  const states =
    learners.length === 0
      ? []
      : await deps.db
          .selectFrom("learner_skill_states")
          .select(["learner_id", "skill_id", "p_known", "attempts", "mastered_at", "review_due_at"])
          .where("course_id", "=", course.id)
          .where("learner_id", "in", learners.map((l) => l.id))
          .execute();
  const byLearner = new Map<string, Map<string, (typeof states)[number]>>();
  for (const s of states) {
    if (!byLearner.has(s.learner_id)) byLearner.set(s.learner_id, new Map());
    byLearner.get(s.learner_id)!.set(s.skill_id, s);
  }
  const now = deps.now().toISOString();
  await recordLearnerDataRead(deps.db, actor, deps.now(), "class.mastery.read", learners.map((l) => l.id), { type: "class", id: classId });
  return {
    classId,
    course: { id: course.id, title: course.title },
    skills: course.skills.map((s) => ({ id: s.id, name: s.name })),
    units: course.units.map((u) => ({ id: u.id, title: u.title, skillIds: u.skills })),
    learners: learners.map((l) => ({
      ...l,
      cells: course.skills.map((skill) => {
        const s = byLearner.get(l.id)?.get(skill.id);
        if (!s) return { mastery: null, status: "not-started" as const, attempts: 0 };
        const status = s.mastered_at ? (s.review_due_at && s.review_due_at <= now ? "review-due" : "mastered") : s.attempts > 0 ? "in-progress" : "not-started";
        return { mastery: s.p_known, status, attempts: s.attempts };
      }),
    })),
  };
}
