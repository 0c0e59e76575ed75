import type { ClassOverview } from "@attune/contract";
import { bktParamsFor, summarizeClass } from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { bktParamsForCourse } from "../learning/bkt-params.ts";
import { courseGraphOf } from "../learning/course-graph.ts";
import { recordLearnerDataRead } from "../services/audit.service.ts";
import { loadClassRecords } from "./class-records.ts";
import { classLearners, taughtClass } from "./teaching-access.ts";

const DAY_MS = 86_400_000;

/**
 * The dashboard's summary: per skill how many learners mastered it, have it due for review, are on it or have not
 * started, with the mean mastery; per learner the last seven days' active days, minutes on task and attempts.
 * Only the last two weeks of attempts are read: the distribution comes from the knowledge states.
 */
export async function classOverview(deps: Deps, actor: Actor, classId: string): Promise<ClassOverview> {
  const cls = await taughtClass(deps.db, actor, classId);
  const learners = await classLearners(deps.db, classId);
  const now = deps.now().getTime();
  if (!cls.course_id) {
    return { classId, course: null, weekStart: new Date(now - 6 * DAY_MS).toISOString().slice(0, 10), skills: [], learners: learners.map((l) => ({ ...l, activeDays: 0, minutes: 0, attempts: 0, lastActiveAt: null })) };
  }
  const course = await deps.courses.get(cls.course_id);
  const [records, params] = await Promise.all([
    loadClassRecords(deps.db, course, learners.map((l) => l.id), new Date(now - 14 * DAY_MS).toISOString(), { answers: false, history: false }),
    bktParamsForCourse(deps.db, course),
  ]);
  const summary = summarizeClass({
    now,
    course: courseGraphOf(course),
    learners: learners.map((l) => ({ learnerId: l.id, name: l.name })),
    skillStates: records.states,
    attempts: records.attempts,
    lessonViews: records.lessons,
    defaultMastery: (id) => bktParamsFor(params, id).prior,
  });
  await recordLearnerDataRead(deps.db, actor, deps.now(), "class.overview.read", learners.map((l) => l.id), { type: "class", id: classId });
  const names = new Map(learners.map((l) => [l.id, l.name]));
  return {
    classId,
    course: { id: course.id, name: course.title },
    weekStart: summary.week.days[0]!,
    skills: summary.skills.map((s) => ({ id: s.skillId, name: s.name, mastered: s.mastered, reviewDue: s.reviewDue, inProgress: s.inProgress, notStarted: s.notStarted, meanMastery: s.meanMastery })),
    learners: summary.learners.map((l) => ({
      id: l.learnerId,
      name: names.get(l.learnerId) ?? l.learnerId,
      activeDays: l.activeDays,
      minutes: Math.round(l.minutes * 10) / 10,
      attempts: l.attempts,
      lastActiveAt: l.lastActiveAt === null ? null : new Date(l.lastActiveAt).toISOString(),
    })),
  };
}
