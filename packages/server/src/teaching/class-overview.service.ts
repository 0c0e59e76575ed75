import type { ClassOverview } from "@attune/contract";
import { bktParamsFor, summarizeClass } from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { bktParamsForCourse } from "../learning/bkt-params.ts";
import { courseGraphOf } from "../learning/course-graph.ts";
import { recordLearnerDataRead } from "../services/audit.service.ts";
import { learnerDigests } from "./learner-digests.ts";
import { classLearners, taughtClass } from "./teaching-access.ts";

const DAY_MS = 86_400_000;

/**
 * The dashboard's summary: per skill how many learners mastered it, have it due for review, are on it or have not
 * started, with the mean mastery; per learner the last seven days' active days, minutes on task and attempts.
 * The distribution comes from the knowledge states; each learner's week from their digest (learner-digests.ts).
 */
export async function classOverview(deps: Deps, actor: Actor, classId: string): Promise<ClassOverview> {
  const cls = await taughtClass(deps.db, actor, classId);
  const learners = await classLearners(deps.db, classId);
  const now = deps.now().getTime();
  if (!cls.course_id) {
    return { classId, course: null, weekStart: new Date(now - 6 * DAY_MS).toISOString().slice(0, 10), skills: [], learners: learners.map((l) => ({ ...l, activeDays: 0, minutes: 0, attempts: 0, lastActiveAt: null })) };
  }
  const course = await deps.courses.get(cls.course_id);
  const ids = learners.map((l) => l.id);
  const [states, params, digests] = await Promise.all([
    // The distribution needs only the knowledge states; each learner's week comes from their digest.
    ids.length === 0
      ? []
      : deps.db
          .selectFrom("learner_skill_states")
          .select(["learner_id", "skill_id", "p_known", "attempts", "mastered_at", "review_due_at", "last_practiced_at"])
          .where("course_id", "=", course.id)
          .where("learner_id", "in", ids)
          .execute(),
    bktParamsForCourse(deps.db, course),
    learnerDigests(deps, course, learners),
  ]);
  const summary = summarizeClass({
    now,
    course: courseGraphOf(course),
    learners: learners.map((l) => ({ learnerId: l.id, name: l.name })),
    skillStates: states.map((s) => ({ learnerId: s.learner_id, skillId: s.skill_id, mastery: s.p_known, attempts: s.attempts, masteredAt: s.mastered_at, reviewDueAt: s.review_due_at, lastPracticedAt: s.last_practiced_at })),
    attempts: [],
    defaultMastery: (id) => bktParamsFor(params, id).prior,
  });
  await recordLearnerDataRead(deps.db, actor, deps.now(), "class.overview.read", learners.map((l) => l.id), { type: "class", id: classId });
  const names = new Map(learners.map((l) => [l.id, l.name]));
  return {
    classId,
    course: { id: course.id, name: course.title },
    weekStart: summary.week.days[0]!,
    skills: summary.skills.map((s) => ({ id: s.skillId, name: s.name, mastered: s.mastered, reviewDue: s.reviewDue, inProgress: s.inProgress, notStarted: s.notStarted, meanMastery: s.meanMastery })),
    learners: learners.map((l) => {
      const week = digests.get(l.id)?.week;
      return {
        id: l.id,
        name: names.get(l.id) ?? l.id,
        activeDays: week?.activeDays ?? 0,
        minutes: Math.round((week?.minutes ?? 0) * 10) / 10,
        attempts: week?.attempts ?? 0,
        lastActiveAt: week?.lastActiveAt == null ? null : new Date(week.lastActiveAt).toISOString(),
      };
    }),
  };
}
