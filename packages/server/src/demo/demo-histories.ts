import { DEFAULT_TRUTH_RANGES, type Rng, createSeededRng, drawCourseTruth } from "@attune/engine";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { bktParamsForCourse } from "../learning/bkt-params.ts";
import { CourseContentCache } from "../learning/course-content.ts";
import { courseGraphOf } from "../learning/course-graph.ts";
import { DAY_MS, type Timetable, uniformIn } from "./demo-calendar.ts";
import { type DemoCourse, type LearnerHistory, simulateLearnerHistory } from "./demo-history.ts";
import { DEMO_PROFILES, type DemoProfile, type Range, dealProfiles } from "./demo-profiles.ts";
import { ResponseBook } from "./demo-responses.ts";

/** The seed of the demo's histories: the same school every time for the same start time. */
export const DEMO_HISTORY_SEED = 20261124;
/** learner01 … learner05 stay new (no history), for trying Attune as a first-time learner (the browser tests do). */
export const FRESH_LEARNER_COUNT = 5;

export type HistoryClass = {
  name: string;
  courseId: string | null;
  timetable: Timetable;
  /** How likely the class's learners knew a skill before the course (the range of the simulator's skill priors). */
  priorKnowledge: Range;
  /** Weeks since the class started with Attune. */
  weeks: Range;
  /** Learners with their number (learner07 is 7). */
  learners: readonly { id: string; number: number }[];
};

export type HistorySummary = { learners: number; attempts: number; profiles: Record<DemoProfile, number>; byLearner: Map<string, DemoProfile> };

/** Mixes a seed and a number into another seed (splitmix-style), so each learner has a stream of its own. */
function mixSeed(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function textSeed(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** A version-4-shaped UUID from the seeded rng (ids are part of the demo, so they repeat with the seed too). */
function seededUuid(rng: Rng): string {
  const hex = (digits: number) => Math.floor(rng() * 16 ** digits).toString(16).padStart(digits, "0");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rng() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
}

/** Inserts rows a few hundred at a time (SQLite and PostgreSQL both limit the parameters of one statement). */
async function insertAll(trx: Kysely<Database>, table: "attempts" | "learner_skill_states" | "lesson_views" | "placements" | "goals", rows: readonly object[]) {
  const CHUNK = 400;
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
}

/** What the demo simulates of a course, shared by its classes. */
export type DemoCourseBase = Omit<DemoCourse, "truth">;

/** Loads a course as the answer loop sees it: content from the database, the engine's graph, the BKT parameters. */
export async function loadDemoCourse(db: Kysely<Database>, courseId: string): Promise<DemoCourseBase> {
  const content = await new CourseContentCache(db).get(courseId);
  return { content, graph: courseGraphOf(content), params: await bktParamsForCourse(db, content), book: new ResponseBook(content.itemsBySkill) };
}

/**
 * Simulates a class's learners (all but the first {@link FRESH_LEARNER_COUNT}): a profile each, dealt from a fixed
 * mix, and their history before `now`. Pure: the same seed, class and `now` give the same rows.
 */
export function simulateClassHistories(base: DemoCourseBase, demoClass: HistoryClass, schoolId: string, now: Date, seed = DEMO_HISTORY_SEED) {
  // The same skills (learn, guess, slip, memory drawn from the course's seed) for every class of a course; what the
  // class knew before differs.
  const ranges = { ...DEFAULT_TRUTH_RANGES, prior: demoClass.priorKnowledge, learn: [0.2, 0.45] as const, guess: [0.1, 0.3] as const };
  const course: DemoCourse = { ...base, truth: drawCourseTruth(base.graph, createSeededRng(mixSeed(seed, textSeed(base.content.id))), ranges) };
  const classRng = createSeededRng(mixSeed(seed, textSeed(demoClass.name)));
  const classStart = now.getTime() - Math.round(uniformIn(classRng, demoClass.weeks) * 7) * DAY_MS;
  const simulated = demoClass.learners.filter((l) => l.number > FRESH_LEARNER_COUNT);
  const profiles = dealProfiles(simulated.length, classRng);
  return simulated.map((learner, k) => {
    const rng = createSeededRng(mixSeed(seed, learner.number));
    const ids = createSeededRng(mixSeed(seed ^ 0x5bd1e995, learner.number));
    // A few learners joined a week or two after the class started.
    const courseStart = classStart + (rng() < 0.1 ? 7 + rng() * 7 : 0) * DAY_MS;
    const profile = profiles[k]!;
    const history = simulateLearnerHistory(course, { id: learner.id, schoolId, profile, timetable: demoClass.timetable, courseStart }, now.getTime(), rng, () => seededUuid(ids));
    return { learnerId: learner.id, profile, history };
  });
}

/**
 * Gives the demo classes' learners the weeks of history the real app would have recorded before `now`, simulated by
 * the engine (see `simulateLearnerHistory`): placements, attempts, knowledge states with memory, lesson views and
 * plan goals. One transaction per class.
 */
export async function seedDemoHistories(
  db: Kysely<Database>,
  schoolId: string,
  classes: readonly HistoryClass[],
  now: Date,
  options: { seed?: number } = {},
): Promise<HistorySummary> {
  const courses = new Map<string, DemoCourseBase>();
  const summary: HistorySummary = { learners: 0, attempts: 0, profiles: Object.fromEntries(DEMO_PROFILES.map((p) => [p, 0])) as Record<DemoProfile, number>, byLearner: new Map() };
  for (const demoClass of classes) {
    if (!demoClass.courseId) continue;
    let base = courses.get(demoClass.courseId);
    if (!base) courses.set(demoClass.courseId, (base = await loadDemoCourse(db, demoClass.courseId)));
    const learners = simulateClassHistories(base, demoClass, schoolId, now, options.seed);
    const all = <K extends keyof LearnerHistory>(key: K) => learners.flatMap((l) => l.history[key] as LearnerHistory[K][number][]);
    await db.transaction().execute(async (trx) => {
      await insertAll(trx, "placements", all("placements"));
      await insertAll(trx, "goals", all("goals"));
      await insertAll(trx, "lesson_views", all("lessonViews"));
      await insertAll(trx, "attempts", all("attempts"));
      await insertAll(trx, "learner_skill_states", all("states"));
    });
    for (const l of learners) {
      summary.profiles[l.profile]++;
      summary.byLearner.set(l.learnerId, l.profile);
      summary.attempts += l.history.attempts.length;
    }
    summary.learners += learners.length;
  }
  return summary;
}
