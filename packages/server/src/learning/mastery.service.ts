import { type MemoryCard, bktParamsFor, chooseItem, createSeededRng, DEFAULT_ZONE, predictFromMastery, predictItemDefault } from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { readPreferences } from "../services/preferences.service.ts";
import { bktParamsForCourse } from "./bkt-params.ts";
import type { CourseContent } from "./course-content.ts";
import { courseGraphOf } from "./course-graph.ts";
import { assertLearnerInCourse } from "./learner-access.ts";
import type { ActivityView } from "./next-activity.service.ts";

const DAY_MS = 86_400_000;

/** What the learner needs to start a skill they picked on their map themselves. */
type PracticeContext = {
  course: CourseContent;
  mastery: (skillId: string) => number;
  mastered: (skillId: string) => boolean;
  lastSeen: Map<string, number>;
  seenLessons: Set<string>;
  preferences: { interests: string[]; preferredMedia: string[] };
  now: number;
  seed: string;
};

/**
 * The activity that starts a skill the learner chose on their map: its unseen lesson first when the skill is not yet
 * mastered (as the policy would), else an item fitted to the learner's zone by the engine's item choice. Null while
 * a prerequisite is not mastered (the skill is locked) or when the skill has nothing to practise.
 */
function practiceFor(ctx: PracticeContext, skillId: string): ActivityView | null {
  const graph = courseGraphOf(ctx.course);
  const index = graph.skillIndex.get(skillId);
  if (index === undefined) return null;
  const unlocked = (id: string) => (ctx.course.skillById.get(id)?.prerequisites ?? []).every((p) => ctx.mastered(p));
  if (!unlocked(skillId)) return null;
  const skillName = ctx.course.skillById.get(skillId)?.name ?? skillId;
  const mastered = ctx.mastered(skillId);
  if (!mastered) {
    const unseen = (graph.lessonsBySkill[index] ?? []).filter((l) => !ctx.seenLessons.has(l.id));
    const lesson = unseen.find((l) => l.media.some((m) => ctx.preferences.preferredMedia.includes(m))) ?? unseen[0];
    if (lesson) {
      const media = lesson.media.find((m) => ctx.preferences.preferredMedia.includes(m));
      return { kind: "lesson", skillId, skillName, lessonId: lesson.id, ...(lesson.title ? { lessonTitle: lesson.title } : {}), ...(media ? { media } : {}) };
    }
  }
  const skillPrediction = predictFromMastery(ctx.mastery(skillId));
  const choice = chooseItem(graph.itemsBySkill[index] ?? [], {
    zone: DEFAULT_ZONE,
    rng: createSeededRng(seedOf(`${ctx.seed}:${skillId}`)),
    lastSeen: ctx.lastSeen,
    repeatAfter: ctx.now - DAY_MS,
    interests: new Set(ctx.preferences.interests),
    preferredMedia: new Set(ctx.preferences.preferredMedia),
    usable: (item) => item.skillIds.every((s) => s === skillId || unlocked(s)),
    predict: (item) => predictItemDefault(skillPrediction, item),
  });
  return choice ? { kind: mastered ? "review" : "practice", skillId, skillName, itemId: choice.item.id } : null;
}

/** A stable seed, so the same state offers the same item. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** The learner's own mastery of every skill of a course (skills never practised show their prior). */
export async function learnerMastery(deps: Deps, actor: Actor, courseId: string) {
  await assertLearnerInCourse(deps.db, actor, courseId);
  const course = await deps.courses.get(courseId);
  const params = await bktParamsForCourse(deps.db, course);
  const [rows, placement, recent, lessons, preferences] = await Promise.all([
    deps.db.selectFrom("learner_skill_states").selectAll().where("learner_id", "=", actor.id).where("course_id", "=", courseId).execute(),
    deps.db.selectFrom("placements").select("status").where("learner_id", "=", actor.id).where("course_id", "=", courseId).executeTakeFirst(),
    deps.db
      .selectFrom("attempts")
      .select(["item_id", "answered_at"])
      .where("learner_id", "=", actor.id)
      .where("course_id", "=", courseId)
      .orderBy("answered_at", "desc")
      .limit(40)
      .execute(),
    deps.db.selectFrom("lesson_views").select("lesson_id").distinct().where("learner_id", "=", actor.id).where("course_id", "=", courseId).execute(),
    readPreferences(deps.db, actor.id),
  ]);
  const byId = new Map(rows.map((r) => [r.skill_id, r]));
  const mastery = (skillId: string) => byId.get(skillId)?.p_known ?? bktParamsFor(params, skillId).prior;
  const lastSeen = new Map<string, number>();
  for (const a of recent) if (!lastSeen.has(a.item_id)) lastSeen.set(a.item_id, Date.parse(a.answered_at));
  const practice: PracticeContext = {
    course,
    mastery,
    mastered: (skillId) => byId.get(skillId)?.mastered_at != null,
    lastSeen,
    seenLessons: new Set(lessons.map((l) => l.lesson_id)),
    preferences: { interests: preferences.interests, preferredMedia: preferences.preferredMedia },
    now: deps.now().getTime(),
    seed: `${actor.id}:${courseId}:${recent.length}`,
  };
  return {
    courseId,
    units: course.units.map((u) => ({ id: u.id, title: u.title, skills: u.skills })),
    placement: (placement ? (placement.status === "finished" ? "finished" : "in-progress") : "none") as "none" | "in-progress" | "finished",
    skills: course.skills.map((s) => {
      const row = byId.get(s.id);
      const memory = row?.mastered_at && row.memory ? (JSON.parse(row.memory) as MemoryCard) : null;
      return {
        skillId: s.id,
        name: s.name,
        prerequisites: s.prerequisites,
        mastery: mastery(s.id),
        threshold: s.masteryThreshold,
        mastered: row?.mastered_at != null,
        attempts: row?.attempts ?? 0,
        correct: row?.correct ?? 0,
        lastPracticedAt: row?.last_practiced_at ?? null,
        reviewDueAt: row?.mastered_at ? row.review_due_at : null,
        recent: row ? (JSON.parse(row.recent) as boolean[]) : [],
        hintsUsed: row?.hints_used ?? 0,
        masteredAt: row?.mastered_at ?? null,
        lastReviewedAt: memory?.lastReview != null && memory.reps > 1 ? new Date(memory.lastReview).toISOString() : null,
        practice: practiceFor(practice, s.id),
      };
    }),
  };
}
