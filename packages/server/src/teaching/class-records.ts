import { type Item, renderPlain } from "@attune/content";
import type { AttemptRecord, LessonViewRecord, MasteryPoint, SkillStateRecord } from "@attune/engine";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { CourseContent } from "../learning/course-content.ts";
import { texAsText } from "./plain-text.ts";

/**
 * What a learner answered, as text: for choice items the chosen choices' text (not their ids), else the checker's
 * normal form when it made one, else the raw response.
 */
export function answerText(response: string, item?: Item): string {
  const parsed = JSON.parse(response) as { response?: unknown; normalized?: unknown };
  if (item && (item.type === "single-choice" || item.type === "multiple-select" || item.type === "ordering")) {
    const ids = Array.isArray(parsed.response) ? (parsed.response as unknown[]) : [parsed.response];
    const texts = ids.map((id) => item.choices.find((c) => c.id === id)?.text ?? String(id));
    return texts.map((t) => renderPlain(t, texAsText)).join(item.type === "ordering" ? " → " : ", ");
  }
  const value = parsed.normalized ?? parsed.response;
  if (typeof value === "string") return value;
  return JSON.stringify(value ?? "");
}

/**
 * The class's evidence as the analytics read it: attempts (oldest first), lesson views and knowledge states of
 * the given learners in the course, from `since` on (attempts and lessons) — three indexed queries.
 */
export async function loadClassRecords(
  db: Kysely<Database>,
  course: CourseContent,
  learnerIds: string[],
  since?: string,
  // Answers and the mastery history mean parsing two JSON columns per attempt: only the views that show them pay.
  want: { answers?: boolean; history?: boolean } = { answers: true, history: true },
  /**
   * Learners whose attempts are wanted only from a later moment than `since` (ISO time, inclusive): a cache that
   * holds their earlier attempts reads just what is new.
   */
  attemptsFrom?: ReadonlyMap<string, string>,
) {
  if (learnerIds.length === 0) {
    return { attempts: [] as (AttemptRecord & { id: string })[], lessons: [] as LessonViewRecord[], states: [] as SkillStateRecord[], masteryHistory: new Map<string, (MasteryPoint & { attemptId: string })[]>() };
  }
  const attemptQuery = db
    .selectFrom("attempts")
    .select(["id", "learner_id", "item_id", "skill_ids", "correct", "hints_used", "duration_ms", "context", "answered_at"])
    .$if(want.answers === true, (q) => q.select("response"))
    .$if(want.answers === true || want.history === true, (q) => q.select("result"))
    .where("course_id", "=", course.id);
  const fromSince = learnerIds.filter((id) => !attemptsFrom?.has(id));
  // One query for the learners read from `since`, one per learner read from their own moment: an OR of such
  // conditions would not use the (learner, course, time) index.
  const attemptQueries = [
    ...(fromSince.length > 0 ? [attemptQuery.where("learner_id", "in", fromSince).$if(since !== undefined, (q) => q.where("answered_at", ">=", since!))] : []),
    ...learnerIds.filter((id) => attemptsFrom?.has(id)).map((id) => attemptQuery.where("learner_id", "=", id).where("answered_at", ">=", attemptsFrom!.get(id)!)),
  ];
  let lessonQuery = db.selectFrom("lesson_views").select(["learner_id", "lesson_id", "seconds", "viewed_at"]).where("course_id", "=", course.id).where("learner_id", "in", learnerIds);
  if (since) lessonQuery = lessonQuery.where("viewed_at", ">=", since);
  const [attemptRows, lessonRows, stateRows] = await Promise.all([
    // The engine sorts each learner's attempts itself; an SQL sort of the whole class would spill on PostgreSQL.
    Promise.all(attemptQueries.map((q) => q.execute())).then((parts) => parts.flat()),
    lessonQuery.execute(),
    db
      .selectFrom("learner_skill_states")
      .select(["learner_id", "skill_id", "p_known", "attempts", "mastered_at", "review_due_at", "last_practiced_at"])
      .where("course_id", "=", course.id)
      .where("learner_id", "in", learnerIds)
      .execute(),
  ]);
  // Mastery after each answer, from what the answer loop told the learner (`masteryChanges`), per learner.
  const masteryHistory = new Map<string, (MasteryPoint & { attemptId: string })[]>();
  // A class answers the same few hundred items over and over, mostly with the same few answers: parse each distinct
  // skill list, and render each distinct answer to an item, once.
  const answers = new Map<string, string>();
  const answerOf = (itemId: string, response: string, item?: Item) => {
    const key = `${itemId}\u0000${response}`;
    let text = answers.get(key);
    if (text === undefined) answers.set(key, (text = answerText(response, item)));
    return text;
  };
  const skillLists = new Map<string, string[]>();
  const skillsOf = (text: string) => skillLists.get(text) ?? (skillLists.set(text, JSON.parse(text) as string[]), skillLists.get(text)!);
  const attempts = attemptRows.map((a) => {
    const item = course.itemById.get(a.item_id);
    // Most results are only parsed for the history; the rest only when they name a misconception.
    const result = (a.result && (want.history === true || a.result.includes('"misconceptionId"')) ? JSON.parse(a.result) : {}) as { misconceptionId?: string; masteryChanges?: { skillId: string; after: number }[] };
    for (const change of want.history === true ? (result.masteryChanges ?? []) : []) {
      let list = masteryHistory.get(a.learner_id);
      if (!list) masteryHistory.set(a.learner_id, (list = []));
      list.push({ skillId: change.skillId, at: a.answered_at, mastery: change.after, attemptId: a.id });
    }
    return {
      id: a.id,
      learnerId: a.learner_id,
      itemId: a.item_id,
      skillIds: skillsOf(a.skill_ids),
      correct: a.correct === 1,
      answeredAt: a.answered_at,
      responseMs: a.duration_ms,
      hintsUsed: a.hints_used,
      hintCount: item?.hints.length ?? 0,
      ...(a.response ? { answer: answerOf(a.item_id, a.response, item) } : {}),
      ...(result.misconceptionId ? { misconceptionId: result.misconceptionId } : {}),
      context: a.context,
    };
  });
  const lessons = lessonRows.map((l) => ({ learnerId: l.learner_id, lessonId: l.lesson_id, viewedAt: l.viewed_at, seconds: l.seconds }));
  const states = stateRows.map((s) => ({
    learnerId: s.learner_id,
    skillId: s.skill_id,
    mastery: s.p_known,
    attempts: s.attempts,
    masteredAt: s.mastered_at,
    reviewDueAt: s.review_due_at,
    lastPracticedAt: s.last_practiced_at,
  }));
  return { attempts, lessons, states, masteryHistory };
}
