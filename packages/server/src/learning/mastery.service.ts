import type { Actor, Deps } from "../http/app-env.ts";
import { bktParamsForCourse } from "./bkt-params.ts";
import { assertLearnerInCourse } from "./learner-access.ts";
import { bktParamsFor } from "@attune/engine";

/** The learner's own mastery of every skill of a course (skills never practised show their prior). */
export async function learnerMastery(deps: Deps, actor: Actor, courseId: string) {
  await assertLearnerInCourse(deps.db, actor, courseId);
  const course = await deps.courses.get(courseId);
  const params = await bktParamsForCourse(deps.db, course);
  const rows = await deps.db
    .selectFrom("learner_skill_states")
    .selectAll()
    .where("learner_id", "=", actor.id)
    .where("course_id", "=", courseId)
    .execute();
  const byId = new Map(rows.map((r) => [r.skill_id, r]));
  return {
    courseId,
    skills: course.skills.map((s) => {
      const row = byId.get(s.id);
      const mastery = row?.p_known ?? bktParamsFor(params, s.id).prior;
      return {
        skillId: s.id,
        name: s.name,
        prerequisites: s.prerequisites,
        mastery,
        threshold: s.masteryThreshold,
        mastered: row?.mastered_at != null,
        attempts: row?.attempts ?? 0,
        correct: row?.correct ?? 0,
        lastPracticedAt: row?.last_practiced_at ?? null,
      };
    }),
  };
}
