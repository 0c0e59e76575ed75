import type { CourseContent } from "../learning/course-content.ts";
import { answerText } from "./class-records.ts";
import { plainPrompt } from "./plain-text.ts";
import { parseList } from "./teaching-access.ts";

/** A pause longer than this ends a study session (the usual 30-minute inactivity rule of web analytics). */
export const SESSION_GAP_MS = 30 * 60_000;

type AttemptRow = { id: string; item_id: string; skill_ids: string; correct: number; response: string; hints_used: number; duration_ms: number | null; context: string; answered_at: string };
type LessonRow = { lesson_id: string; seconds: number; viewed_at: string };

/**
 * A learner's sessions, newest first: attempts and lesson visits grouped by pauses, with time on task (answer times
 * plus visible lesson time, not the wall-clock span), and the items that went wrong most often.
 */
export function learnerTimeline(course: CourseContent, attempts: AttemptRow[], lessons: LessonRow[]) {
  type Event = { at: number; attempt?: AttemptRow; lesson?: LessonRow };
  const events: Event[] = [
    ...attempts.map((a) => ({ at: Date.parse(a.answered_at), attempt: a })),
    ...lessons.map((l) => ({ at: Date.parse(l.viewed_at), lesson: l })),
  ].sort((x, y) => x.at - y.at);
  const sessions: { start: string; end: string; minutes: number; attempts: ReturnType<typeof attemptView>[]; lessons: { title: string; seconds: number; at: string }[] }[] = [];
  const skillName = (id: string) => course.skillById.get(id)?.name ?? id;
  function attemptView(a: AttemptRow) {
    return {
      id: a.id,
      itemId: a.item_id,
      skills: parseList(a.skill_ids).map(skillName),
      correct: a.correct === 1,
      response: answerText(a.response, course.itemById.get(a.item_id)),
      hintsUsed: a.hints_used,
      seconds: a.duration_ms === null ? null : Math.round(a.duration_ms / 100) / 10,
      context: a.context,
      at: a.answered_at,
    };
  }
  let last = -Infinity;
  let ms = 0;
  for (const e of events) {
    if (e.at - last > SESSION_GAP_MS || sessions.length === 0) {
      if (sessions.length > 0) sessions[sessions.length - 1]!.minutes = Math.round(ms / 6000) / 10;
      sessions.push({ start: new Date(e.at).toISOString(), end: new Date(e.at).toISOString(), minutes: 0, attempts: [], lessons: [] });
      ms = 0;
    }
    const s = sessions[sessions.length - 1]!;
    s.end = new Date(e.at).toISOString();
    if (e.attempt) {
      s.attempts.push(attemptView(e.attempt));
      ms += e.attempt.duration_ms ?? 0;
    }
    if (e.lesson) {
      s.lessons.push({ title: course.lessons.find((l) => l.id === e.lesson!.lesson_id)?.title ?? e.lesson.lesson_id, seconds: e.lesson.seconds, at: e.lesson.viewed_at });
      ms += e.lesson.seconds * 1000;
    }
    last = e.at;
  }
  if (sessions.length > 0) sessions[sessions.length - 1]!.minutes = Math.round(ms / 6000) / 10;
  const byItem = new Map<string, { wrong: number; attempts: number }>();
  for (const a of attempts) {
    const c = byItem.get(a.item_id) ?? { wrong: 0, attempts: 0 };
    c.attempts++;
    if (a.correct !== 1) c.wrong++;
    byItem.set(a.item_id, c);
  }
  const troubleItems = [...byItem.entries()]
    .filter(([, c]) => c.wrong >= 2)
    .sort((a, b) => b[1].wrong - a[1].wrong || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([itemId, c]) => ({ itemId, prompt: plainPrompt(course.itemById.get(itemId)?.prompt ?? itemId), ...c }));
  return { sessions: sessions.reverse(), troubleItems };
}
