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
  const placement = await deps.db.selectFrom("placements").select("status").where("learner_id", "=", actor.id).where("course_id", "=", courseId).executeTakeFirst();
  return {
    courseId,
    units: course.units.map((u) => ({ id: u.id, title: u.title, skills: u.skills })),
    placement: (placement ? (placement.status === "finished" ? "finished" : "in-progress") : "none") as "none" | "in-progress" | "finished",
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
        reviewDueAt: row?.mastered_at ? row.review_due_at : null,
        recent: row ? (JSON.parse(row.recent) as boolean[]) : [],
        hintsUsed: row?.hints_used ?? 0,
      };
    }),
  };
}
