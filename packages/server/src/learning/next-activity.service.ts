import { type Activity, type BktParams, type MemoryCard, type Recommendation, bktParamsFor, createSeededRng, nextActivity } from "@attune/engine";
import { compiledQuery } from "../db/compiled-query.ts";
import type { AttemptsTable, GoalsTable, LearnerSkillStatesTable } from "../db/schema.ts";
import type { Actor, Deps } from "../http/app-env.ts";
import { bktParamsForCourse } from "./bkt-params.ts";
import type { CourseContent } from "./course-content.ts";
import { courseGraphOf } from "./course-graph.ts";
import { readPreferences } from "../services/preferences.service.ts";
import { assertLearnerInCourse } from "./learner-access.ts";
import { engineAssignmentsFor } from "../teaching/assignments.service.ts";

/** How many of the learner's latest attempts the policy sees (to space items and notice streaks). */
const RECENT_ATTEMPTS = 40;

export type ActivityView = {
  kind: Activity["kind"];
  skillId: string;
  skillName: string;
  itemId?: string;
  lessonId?: string;
  lessonTitle?: string;
  media?: string;
};

export type NextActivityView = {
  activity: ActivityView | null;
  reason: { text: string; parts: unknown[] };
  alternatives: { activity: ActivityView; reason: { text: string; parts: unknown[] } }[];
};

type LearnerCourseKey = { learnerId: string; courseId: string };

// Written once: the answer loop runs them after every answer (see `compiledQuery`).
export const selectSkillStates = compiledQuery<LearnerCourseKey, LearnerSkillStatesTable>((db, param) =>
  db.selectFrom("learner_skill_states").selectAll().where("learner_id", "=", param("learnerId")).where("course_id", "=", param("courseId")),
);
const selectRecentAttempts = compiledQuery<LearnerCourseKey, Pick<AttemptsTable, "item_id" | "answered_at" | "context" | "correct">>((db, param) =>
  db
    .selectFrom("attempts")
    .select(["item_id", "answered_at", "context", "correct"])
    .where("learner_id", "=", param("learnerId"))
    .where("course_id", "=", param("courseId"))
    .orderBy("answered_at", "desc")
    .limit(RECENT_ATTEMPTS),
);
const selectSeenLessons = compiledQuery<LearnerCourseKey, { lesson_id: string }>((db, param) =>
  db.selectFrom("lesson_views").select("lesson_id").distinct().where("learner_id", "=", param("learnerId")).where("course_id", "=", param("courseId")),
);
const selectOpenGoals = compiledQuery<LearnerCourseKey, Pick<GoalsTable, "id" | "skill_ids" | "target_date">>((db, param) =>
  db
    .selectFrom("goals")
    .select(["id", "skill_ids", "target_date"])
    .where("learner_id", "=", param("learnerId"))
    .where("course_id", "=", param("courseId"))
    .where("archived_at", "is", null),
);

function view(course: CourseContent, activity: Activity): ActivityView {
  const skillName = course.skillById.get(activity.skillId)?.name ?? activity.skillId;
  if (activity.kind === "lesson") {
    const lesson = course.lessons.find((l) => l.id === activity.lessonId);
    return { kind: "lesson", skillId: activity.skillId, skillName, lessonId: activity.lessonId, ...(lesson ? { lessonTitle: lesson.title } : {}), ...(activity.media ? { media: activity.media } : {}) };
  }
  return { kind: activity.kind, skillId: activity.skillId, skillName, itemId: activity.itemId };
}

/** A stable seed from the learner and how far they are, so the same state gives the same choice. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/**
 * What the learner should do next in a course, with its reason: the engine's policy over the learner's knowledge
 * state (mastery per skill, FSRS memory of mastered skills), recent attempts, lessons seen and plan goals.
 */
export async function learnerNextActivity(
  deps: Deps,
  actor: Actor,
  courseId: string,
  known?: { course: CourseContent; params: BktParams; states?: LearnerSkillStatesTable[] },
): Promise<NextActivityView> {
  // The answer loop has checked access and loaded the course already; a plain request does it here.
  if (!known) await assertLearnerInCourse(deps.db, actor, courseId);
  const course = known?.course ?? (await deps.courses.get(courseId));
  const params = known?.params ?? (await bktParamsForCourse(deps.db, course));
  const key = { learnerId: actor.id, courseId };
  const [states, recent, lessons, goals, preferences, assignments] = await Promise.all([
    // The answer loop passes the rows it has just written.
    known?.states ?? selectSkillStates.execute(deps.db, key),
    selectRecentAttempts.execute(deps.db, key),
    selectSeenLessons.execute(deps.db, key),
    selectOpenGoals.execute(deps.db, key),
    readPreferences(deps.db, actor.id),
    engineAssignmentsFor(deps.db, actor.id, courseId),
  ]);
  const byId = new Map(states.map((s) => [s.skill_id, s]));
  const memory = new Map<string, MemoryCard>();
  const masteredAt = new Map<string, number>();
  for (const s of states) {
    if (s.memory) memory.set(s.skill_id, JSON.parse(s.memory) as MemoryCard);
    if (s.mastered_at) masteredAt.set(s.skill_id, Date.parse(s.mastered_at));
  }
  const now = deps.now().getTime();
  const result = nextActivity({
    now,
    rng: createSeededRng(seedOf(`${actor.id}:${courseId}:${recent.length}:${recent[0]?.answered_at ?? ""}`)),
    course: courseGraphOf(course),
    mastery: (skillId) => byId.get(skillId)?.p_known ?? bktParamsFor(params, skillId).prior,
    memory,
    masteredAt,
    recentAttempts: recent.reverse().map((a) => ({ itemId: a.item_id, time: Date.parse(a.answered_at), review: a.context === "review", correct: a.correct === 1 })),
    seenLessons: new Set(lessons.map((l) => l.lesson_id)),
    goals: goals.map((g) => ({ id: g.id, skillIds: JSON.parse(g.skill_ids) as string[], targetDate: Date.parse(g.target_date) })),
    assignments,
    preferences: { interests: preferences.interests, preferredMedia: preferences.preferredMedia },
  });
  const reason = (r: Recommendation["reason"]) => ({ text: r.text, parts: [...r.parts] });
  return {
    activity: result.activity ? view(course, result.activity) : null,
    reason: reason(result.reason),
    alternatives: result.alternatives.map((a) => ({ activity: view(course, a.activity), reason: reason(a.reason) })),
  };
}
