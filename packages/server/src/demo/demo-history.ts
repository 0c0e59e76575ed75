import type { Item, Lesson } from "@attune/content";
import {
  type BktParams,
  type CourseGraph,
  type CourseTruth,
  type PlacementState,
  type RecentAttempt,
  type Rng,
  type SyntheticLearner,
  answerItemDetailed,
  drawLearner,
  nextActivity,
  nextPlacementItem,
  placementResult,
  recordPlacementResponse,
  startPlacement,
  studyLesson,
} from "@attune/engine";
import type { AttemptsTable, GoalsTable, LearnerSkillStatesTable, LessonViewsTable, PlacementsTable } from "../db/schema.ts";
import { type AttemptRecord, attemptLogRow } from "../learning/attempt-log.ts";
import type { CourseContent } from "../learning/course-content.ts";
import { MAX_PLACEMENT_ITEMS } from "../learning/placement.service.ts";
import { DAY_MS, type StudySession, type Timetable, studySessions, uniformIn } from "./demo-calendar.ts";
import { DemoKnowledgeState } from "./demo-knowledge-state.ts";
import { type DemoProfile, PROFILE_TRAITS, type ProfileTraits } from "./demo-profiles.ts";
import type { ResponseBook } from "./demo-responses.ts";

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
/** The answer loop reads this many recent attempts for the policy (`next-activity.service.ts`). */
const RECENT_ATTEMPTS = 40;

/** A course as the demo simulates it: content, the engine's graph, the answer loop's BKT parameters, a hidden truth. */
export type DemoCourse = { content: CourseContent; graph: CourseGraph; params: BktParams; truth: CourseTruth; book: ResponseBook };

export type DemoLearner = { id: string; schoolId: string; profile: DemoProfile; timetable: Timetable; courseStart: number };

/** The rows a learner's weeks at Attune leave behind, as the real app writes them. */
export type LearnerHistory = {
  attempts: AttemptsTable[];
  states: LearnerSkillStatesTable[];
  lessonViews: LessonViewsTable[];
  placements: PlacementsTable[];
  goals: GoalsTable[];
};

/** A standard normal draw (Box–Muller). */
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
}

/** Typing a fraction takes longer than picking a choice. */
const TYPE_TIME: Record<Item["type"], number> = { "single-choice": 0.7, "multiple-select": 0.9, ordering: 1.1, numeric: 1, expression: 1.1, "short-text": 0.8, "fill-in": 1.4 };

/** Chance that a blind guess is right: one of the choices, hardly ever a typed answer. */
function guessChance(item: Item): number {
  return item.type === "single-choice" ? 1 / Math.max(2, item.choices.length) : 0.05;
}

/** The ground-truth learner (engine's simulator): three are drawn, the profile keeps the least or most able. */
function drawTruthLearner(course: DemoCourse, traits: ProfileTraits, start: number, rng: Rng): SyntheticLearner {
  const drawn = [0, 1, 2].map(() => drawLearner(course.graph, course.truth, start, rng));
  const byAbility = [...drawn].sort((a, b) => a.ability - b.ability);
  const chosen = traits.ability === "low" ? byAbility[0]! : traits.ability === "high" ? byAbility[2]! : drawn[0]!;
  return { ...chosen, speed: chosen.speed * traits.speed };
}

function firstMedium(lesson: Lesson): string {
  if (lesson.body.trim() && !lesson.variants.some((v) => v.type === "text")) return "text";
  return lesson.variants[0]?.type ?? "text";
}

/**
 * Simulates one learner's weeks before `now` with the engine: their sittings on school days, the placement (most
 * learners), the engine's next activity at every step (lessons, practice, reviews), the hidden learner's answers and
 * learning (`@attune/engine` simulation), and the knowledge state the answer loop would keep. Gaming sessions (rapid
 * guesses, hints clicked through) and stopping are the profile's.
 */
export function simulateLearnerHistory(course: DemoCourse, learner: DemoLearner, now: number, rng: Rng, newId: () => string): LearnerHistory {
  const traits = PROFILE_TRAITS[learner.profile];
  const { content, graph, book } = course;
  const until = traits.stoppedDaysAgo ? now - uniformIn(rng, traits.stoppedDaysAgo) * DAY_MS : now - MINUTE_MS;
  const sessions = studySessions(learner.timetable, traits, learner.courseStart, until, rng);
  const history: LearnerHistory = { attempts: [], states: [], lessonViews: [], placements: [], goals: [] };
  if (sessions.length === 0) return history;
  const hidden = drawTruthLearner(course, traits, sessions[0]!.start, rng);
  const state = new DemoKnowledgeState(content, course.params, learner.id, learner.schoolId);
  const recent: RecentAttempt[] = [];
  const seenLessons = new Set<string>();
  const lessons = new Map(content.lessons.map((l) => [l.id, l]));
  const secondsPerAnswer = uniformIn(rng, traits.secondsPerAnswer);
  const takesPlacement = rng() < traits.placement;
  const placementStopsAt = rng() < 0.25 ? 6 + Math.floor(rng() * 5) : MAX_PLACEMENT_ITEMS;
  // Learners who will stop set their goal in their first sessions; the others at some point since.
  const goalSession = rng() >= traits.goal ? -1 : traits.stoppedDaysAgo ? Math.floor(rng() * Math.min(3, sessions.length)) : Math.floor(rng() * sessions.length);
  const gamingFrom = now - 16 * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString();

  const skillIndices = (ids: readonly string[]) => ids.map((id) => graph.skillIndex.get(id)).filter((i): i is number => i !== undefined);
  const answerSeconds = (item: Item, knewAll: boolean, hints: number) =>
    Math.min(300, Math.max(7, secondsPerAnswer * TYPE_TIME[item.type] * (knewAll ? 0.8 : 1.3) * Math.exp(0.35 * normal(rng)) + hints * uniformIn(rng, [8, 20])));

  /** Appends one answered question; returns when the learner has read the feedback. */
  const record = (item: Item, correctWanted: boolean, hints: number, ms: number, start: number, context: AttemptRecord["context"]): number | null => {
    const at = start + Math.round(ms);
    if (at >= now) return null;
    const right = correctWanted ? book.rightAnswer(item) : null;
    const answer = right ?? book.wrongAnswer(item, rng);
    const correct = answer.check.correct;
    const id = newId();
    const answeredAt = iso(at);
    const result =
      context === "placement"
        ? { correct }
        : { attemptId: id, correct, ...book.shown(item, answer), masteryChanges: state.answer(item.skills, correct, hints, answeredAt) };
    history.attempts.push(
      attemptLogRow(learner, { id, courseId: content.id, item, response: answer.response, check: answer.check, result, hintsUsed: hints, durationMs: Math.round(ms), context, at: answeredAt }),
    );
    recent.push({ itemId: item.id, time: at, review: context === "review" });
    if (recent.length > RECENT_ATTEMPTS) recent.shift();
    return at + (correct ? uniformIn(rng, [3, 8]) : uniformIn(rng, [10, 30])) * SECOND_MS;
  };

  const placement = (session: StudySession, end: number): number => {
    let t = session.start;
    let placed: PlacementState = startPlacement(rng);
    let stop = "learner";
    for (;;) {
      const step = nextPlacementItem(graph, placed, { maxItems: MAX_PLACEMENT_ITEMS });
      if (step.done) {
        stop = step.stop ?? "confident";
        break;
      }
      if (placed.responses.length >= placementStopsAt || t >= end) break;
      const item = content.itemById.get(step.item!.itemId)!;
      const { correct, knew } = answerItemDetailed(graph, course.truth, hidden, skillIndices(item.skills), t, rng);
      const next = record(item, correct, 0, answerSeconds(item, knew.every(Boolean), 0) * SECOND_MS, t, "placement");
      if (next === null) break;
      placed = recordPlacementResponse(placed, { itemId: item.id, skillIds: item.skills, correct: history.attempts.at(-1)!.correct === 1 });
      t = next;
    }
    const result = placementResult(graph, placed, { maxItems: MAX_PLACEMENT_ITEMS });
    history.placements.push({
      learner_id: learner.id,
      course_id: content.id,
      school_id: learner.schoolId,
      status: "finished",
      state: JSON.stringify({ ...placed, stop }),
      started_at: iso(session.start),
      updated_at: iso(t),
      finished_at: iso(t),
    });
    state.seedFromPlacement(result.pKnown, t);
    return t;
  };

  let goalRefs: { id: string; skillIds: string[]; targetDate: number }[] = [];
  const setGoal = (at: number) => {
    // A unit not yet done (a goal covers the skills it builds on too); those who will stop aimed far.
    const open = content.units.filter((u) => u.skills.filter((s) => !state.isMastered(s)).length >= 2);
    const unit = (traits.stoppedDaysAgo ? open.at(-1) : open[Math.floor(rng() * open.length)]) ?? content.units.at(-1);
    if (!unit) return;
    const days = traits.stoppedDaysAgo ? uniformIn(rng, [8, 20]) : uniformIn(rng, [14, 45]);
    const minutes = [45, 60, 60, 75, 90, 120][Math.floor(rng() * 6)]!;
    history.goals.push({
      id: newId(),
      learner_id: learner.id,
      school_id: learner.schoolId,
      course_id: content.id,
      title: unit.title,
      skill_ids: "[]",
      unit_id: unit.id,
      target_date: iso(now + days * DAY_MS).slice(0, 10),
      minutes_per_week: minutes,
      set_by: learner.id,
      created_at: iso(at - uniformIn(rng, [20, 90]) * SECOND_MS),
      archived_at: null,
    });
    goalRefs = history.goals.map((g) => ({ id: g.id, skillIds: [], targetDate: Date.parse(g.target_date) }));
  };

  for (const [k, session] of sessions.entries()) {
    const gaming = rng() < (session.start >= gamingFrom ? traits.gaming : traits.gaming / 4);
    // Gaming the system wears off: those sessions are short.
    const minutes = gaming ? Math.min(session.minutes, uniformIn(rng, [6, 12])) : session.minutes;
    const end = Math.min(session.start + minutes * MINUTE_MS, now - MINUTE_MS);
    let t = session.start;
    if (k === 0 && takesPlacement) t = placement(session, end);
    if (k === goalSession) setGoal(t);
    while (t < end) {
      const decision = nextActivity({
        now: t,
        rng,
        course: graph,
        mastery: (id) => state.mastery(id),
        memory: state.memory(),
        masteredAt: state.masteredAt(),
        recentAttempts: recent,
        seenLessons,
        goals: goalRefs,
        assignments: [],
        preferences: { interests: [], preferredMedia: [] },
      });
      const activity = decision.activity;
      if (activity === null) break;
      if (activity.kind === "lesson") {
        const lesson = lessons.get(activity.lessonId)!;
        const seconds = gaming ? uniformIn(rng, [8, 30]) : Math.min(1500, Math.max(30, lesson.minutes * 60 * (secondsPerAnswer / 40) * Math.exp(0.35 * normal(rng))));
        const at = t + Math.round(seconds * SECOND_MS);
        if (at >= now) break;
        if (!gaming) studyLesson(graph, course.truth, hidden, skillIndices(lesson.skills), t, rng);
        seenLessons.add(lesson.id);
        history.lessonViews.push({
          id: newId(),
          learner_id: learner.id,
          school_id: learner.schoolId,
          course_id: content.id,
          lesson_id: lesson.id,
          variant: activity.media ?? firstMedium(lesson),
          seconds: Math.round(seconds),
          viewed_at: iso(at),
        });
        t = at + uniformIn(rng, [2, 6]) * SECOND_MS;
        continue;
      }
      const item = content.itemById.get(activity.itemId)!;
      const context = activity.kind === "review" ? "review" : "practice";
      let next: number | null;
      if (gaming && learner.profile === "rapid-guesser" && rng() < 0.75) {
        // Clicks an answer without reading: too fast to think, right only by chance, nothing learnt.
        next = record(item, rng() < guessChance(item), 0, uniformIn(rng, [1.2, 4.5]) * SECOND_MS, t, context);
      } else if (gaming && learner.profile === "hint-abuser" && item.hints.length > 0 && rng() < 0.7) {
        // Clicks through every hint to the last one, which mostly gives the answer away.
        const { correct } = answerItemDetailed(graph, course.truth, hidden, skillIndices(item.skills), t, rng);
        const hints = item.hints.length;
        next = record(item, correct || rng() < 0.6, hints, (hints * uniformIn(rng, [1.5, 4]) + uniformIn(rng, [5, 10])) * SECOND_MS, t, context);
      } else {
        const { correct, knew } = answerItemDetailed(graph, course.truth, hidden, skillIndices(item.skills), t, rng);
        const knewAll = knew.every(Boolean);
        const hints = !knewAll && item.hints.length > 0 && rng() < traits.hints ? Math.min(item.hints.length, rng() < 0.3 ? 2 : 1) : 0;
        next = record(item, correct || (hints > 0 && rng() < 0.25), hints, answerSeconds(item, knewAll, hints) * SECOND_MS, t, context);
      }
      if (next === null) break;
      t = next;
    }
  }
  history.states = state.tableRows();
  return history;
}
