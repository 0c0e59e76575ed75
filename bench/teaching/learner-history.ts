import type { Item } from "@attune/content";
import type { BktParams, Rng } from "@attune/engine";
import type { AttemptsTable, LearnerSkillStatesTable, LessonViewsTable } from "../../packages/server/src/db/schema.ts";
import { attemptLogRow } from "../../packages/server/src/learning/attempt-log.ts";
import type { CourseContent } from "../../packages/server/src/learning/course-content.ts";
import { type ChoiceBook, SkillStates } from "./answer-loop-replica.ts";

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** How a synthetic learner behaves: how fast they learn, how often and how long they work, and their bad habits. */
export type LearnerTraits = {
  /** Chance that one answered item (with its feedback) teaches an unknown skill. */
  learnRate: number;
  /** Share of school days with a sitting. */
  activeShare: number;
  secondsPerAnswer: number;
  /** The learner has not worked since this many days (0: still active). */
  stoppedDaysAgo: number;
  /** Clicks through answers in the last two weeks (seconds each, chance only). */
  rapidGuessing: boolean;
  /** Opens every hint on most items. */
  hintAbuse: boolean;
};

export type SimulationCourse = { content: CourseContent; params: BktParams; book: ChoiceBook };

export type LearnerHistory = { attempts: AttemptsTable[]; states: LearnerSkillStatesTable[]; lessonViews: LessonViewsTable[] };

export const uniform = (rng: Rng, low: number, high: number) => low + (high - low) * rng();
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** `total` split into `count` whole parts that add up to it, each within ±40% of the mean. */
export function spread(total: number, count: number, rng: Rng): number[] {
  const weights = Array.from({ length: count }, () => uniform(rng, 0.6, 1.4));
  const sum = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  let cumulative = 0;
  return weights.map((w) => {
    cumulative += w;
    const upTo = Math.round((total * cumulative) / sum);
    const part = upTo - given;
    given = upTo;
    return part;
  });
}

/** Ordinary learners with a spread of speed and diligence. */
export function ordinaryTraits(rng: Rng): LearnerTraits {
  return { learnRate: uniform(rng, 0.006, 0.03), activeShare: uniform(rng, 0.7, 0.95), secondsPerAnswer: uniform(rng, 12, 40), stoppedDaysAgo: 0, rapidGuessing: false, hintAbuse: false };
}

/** School days (Monday to Friday, UTC) whose sittings fall in [from, until). */
function schoolDays(from: number, until: number): number[] {
  const days: number[] = [];
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < until; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

/**
 * One learner's attempts in [from, until), about `target` of them, as the answer loop would have stored them: each
 * sitting starts with the reviews that are due, then practises the first ready skill (prerequisites mastered),
 * reading its lesson first; a hidden "known" flag per skill decides right answers (a guess is one in four), and the
 * knowledge state and each answer's `masteryChanges` come from the answer loop's own BKT + FSRS update.
 */
export function simulateLearner(
  course: SimulationCourse,
  learner: { id: string; schoolId: string },
  traits: LearnerTraits,
  window: { from: number; until: number },
  target: number,
  rng: Rng,
  newId: () => string,
): LearnerHistory {
  const { content, book } = course;
  const state = new SkillStates(content, course.params, learner.id, learner.schoolId);
  const history: LearnerHistory = { attempts: [], states: [], lessonViews: [] };
  const stopAt = window.until - traits.stoppedDaysAgo * DAY_MS;
  // A sitting starts between 07:00 and 14:00 UTC on a school day the learner works, and ends before `stopAt`.
  const sittings = schoolDays(window.from, stopAt)
    .filter(() => rng() < traits.activeShare)
    .map((day) => day + 7 * HOUR_MS + rng() * 7 * HOUR_MS)
    .filter((start) => start >= window.from && start < stopAt - 2 * HOUR_MS);
  if (sittings.length === 0 || target <= 0) return history;
  const sizes = spread(target, sittings.length, rng);
  const known = new Set<string>();
  const seenLessons = new Set<string>();
  const stuck = new Map<string, number>();
  const gamingFrom = window.until - 14 * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString();

  const ready = () =>
    content.skills.filter((s) => !state.isMastered(s.id) && s.prerequisites.every((p) => state.isMastered(p)));

  /** Appends one answer given at `t`; returns when the learner has read the feedback (infinity: past the window). */
  const answer = (item: Item, skillId: string, t: number, context: "practice" | "review"): number => {
    const gaming = traits.rapidGuessing && t >= gamingFrom;
    const knows = item.skills.every((s) => known.has(s));
    const correctWanted = gaming ? rng() < 0.25 : knows ? rng() < 0.92 : rng() < 0.25;
    const hints = gaming ? 0 : traits.hintAbuse && rng() < 0.7 ? item.hints.length : !knows && rng() < 0.15 ? 1 : 0;
    const ms = gaming
      ? uniform(rng, 1500, 4000)
      : Math.min(300_000, traits.secondsPerAnswer * 1000 * (knows ? 0.8 : 1.3) * Math.exp(0.35 * (rng() + rng() + rng() - 1.5)) + hints * uniform(rng, 8000, 20000));
    const at = t + Math.round(ms);
    // A sitting that would run past the end of the window ends here.
    if (at >= stopAt) return Number.POSITIVE_INFINITY;
    if (item.type !== "single-choice") throw new Error(`the bench course has single-choice items only, not ${item.type}`);
    const chosen = book.answer(item, correctWanted, rng);
    const correct = chosen.check.correct;
    const id = newId();
    const answeredAt = iso(at);
    const result = { attemptId: id, correct, ...chosen.shown, masteryChanges: state.answer(item.skills, correct, hints, answeredAt) };
    history.attempts.push(
      attemptLogRow(learner, { id, courseId: content.id, item, response: chosen.response, check: chosen.check, result, hintsUsed: hints, durationMs: Math.round(ms), context, at: answeredAt }),
    );
    // Practice with feedback teaches; clicking through does not.
    if (!gaming && !known.has(skillId) && rng() < traits.learnRate * (correct ? 1 : 1.5)) known.add(skillId);
    return at + (correct ? uniform(rng, 3, 8) : uniform(rng, 10, 30)) * 1000;
  };

  for (const [i, start] of sittings.entries()) {
    let t = start;
    let left = sizes[i]!;
    // Reviews that are due come first (as the policy puts them), at most a third of the sitting.
    for (const skillId of state.dueAt(t).slice(0, Math.ceil(left / 3))) {
      if (t >= stopAt) break;
      t = answer(pick(rng, content.itemsBySkill.get(skillId) ?? []), skillId, t, "review");
      left--;
    }
    while (left > 0 && t < stopAt) {
      const candidates = ready();
      let skillId: string;
      let context: "practice" | "review" = "practice";
      if (candidates.length === 0) {
        // Everything mastered: keep reviewing.
        skillId = pick(rng, content.skills).id;
        context = "review";
      } else {
        // Mostly the first ready skill; after many attempts without mastery, sometimes another one.
        const first = candidates[0]!.id;
        skillId = (stuck.get(first) ?? 0) > 25 && candidates.length > 1 && rng() < 0.3 ? pick(rng, candidates).id : first;
      }
      const lesson = content.lessons.find((l) => l.skills.includes(skillId));
      if (context === "practice" && lesson && !seenLessons.has(lesson.id)) {
        seenLessons.add(lesson.id);
        const seconds = Math.round(uniform(rng, 60, 400));
        history.lessonViews.push({ id: newId(), learner_id: learner.id, school_id: learner.schoolId, course_id: content.id, lesson_id: lesson.id, variant: "text", seconds, viewed_at: iso(t) });
        t += seconds * 1000;
        if (t >= stopAt) break;
      }
      t = answer(pick(rng, content.itemsBySkill.get(skillId) ?? []), skillId, t, context);
      stuck.set(skillId, (stuck.get(skillId) ?? 0) + 1);
      left--;
    }
  }
  history.states = state.tableRows();
  return history;
}
