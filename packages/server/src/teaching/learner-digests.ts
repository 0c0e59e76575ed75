import {
  type ActivitySummary,
  type AttemptRecord,
  type LessonViewRecord,
  type MasteryPoint,
  type SkillStateRecord,
  type Alert as EngineAlert,
  type AlertPlan,
  bktParamsFor,
  groupByLearner,
  learnerAlerts,
  medianResponseMsByItem,
  projectPlan,
  summarizeActivity,
  weekWindow,
} from "@attune/engine";
import { sql } from "kysely";
import type { Deps } from "../http/app-env.ts";
import { bktParamsForCourse } from "../learning/bkt-params.ts";
import type { CourseContent } from "../learning/course-content.ts";
import { courseGraphOf } from "../learning/course-graph.ts";
import { loadClassRecords } from "./class-records.ts";
import { parseList } from "./teaching-access.ts";

/** Alerts are judged on the last five weeks: no rule looks back further than 30 days, older evidence is history. */
export const ALERT_LOOKBACK_DAYS = 35;
const DAY_MS = 86_400_000;
/**
 * Digests are recomputed at least this often even when nothing was written: rules slide over time (a 14-day window
 * drops old answers, a learner becomes inactive by not answering) and the class's usual time per question moves.
 */
export const DIGEST_TTL_MS = 3_600_000;
/** Learners' digests kept per course; the least recently computed are dropped first. */
const MAX_DIGESTS_PER_COURSE = 20_000;

/** What the dashboard shows of one learner, derived from their evidence: alerts and this week's activity. */
export interface LearnerDigest {
  readonly alerts: readonly EngineAlert[];
  readonly week: ActivitySummary;
}

type Entry = { fingerprint: string; digest: LearnerDigest };
type Medians = { bucket: number; medians: Map<string, number> };

/*
 * Why a cache: a digest reads and parses five weeks of a learner's attempts (a class of 35 has about 30,000), which
 * costs far more than the dashboard's 100 ms. A digest only changes when the learner's evidence does, so each is
 * kept with a fingerprint of that evidence — their newest attempt, their knowledge-state rows (every answer and
 * override updates one), lesson views, goals and name — and the hour. Reading the fingerprints is a few index
 * lookups; only learners whose fingerprint moved are recomputed. Keyed by the course object, so a reloaded course
 * (new content) starts afresh, and a database of its own (tests) never shares entries.
 */
const digests = new WeakMap<CourseContent, Map<string, Entry>>();
/** The class's median time per item (for rapid guessing), per set of learners, refreshed hourly. */
const classMedians = new WeakMap<CourseContent, Map<string, Medians>>();

/** The newest attempt of each learner in the course: one index seek each, in one statement. */
async function newestAttempts(deps: Deps, courseId: string, learnerIds: readonly string[]) {
  const parts = learnerIds.map(
    (id, k) =>
      sql`select * from (select learner_id, answered_at, id from attempts where learner_id = ${id} and course_id = ${courseId} order by answered_at desc limit 1) as ${sql.raw(`n${k}`)}`,
  );
  const result = await sql<{ learner_id: string; answered_at: string; id: string }>`${sql.join(parts, sql` union all `)}`.execute(deps.db);
  return new Map(result.rows.map((r) => [r.learner_id, { at: r.answered_at, id: r.id }]));
}

/**
 * The digest of each given learner of a class in a course, from cache where their evidence has not changed since.
 * `scope` are all the class's learners (the class's usual time per item is judged on them); `only` limits which
 * learners' digests are wanted (default all of `scope`).
 */
export async function learnerDigests(
  deps: Deps,
  course: CourseContent,
  scope: readonly { id: string; name: string }[],
  only?: readonly string[],
): Promise<Map<string, LearnerDigest>> {
  const nowDate = deps.now();
  const now = nowDate.getTime();
  const bucket = Math.floor(now / DIGEST_TTL_MS);
  const wanted = scope.filter((l) => only === undefined || only.includes(l.id));
  const result = new Map<string, LearnerDigest>();
  if (wanted.length === 0) return result;
  const ids = wanted.map((l) => l.id);
  const since = new Date(now - ALERT_LOOKBACK_DAYS * DAY_MS).toISOString();
  const [newest, states, lessons, goals] = await Promise.all([
    newestAttempts(deps, course.id, ids),
    deps.db
      .selectFrom("learner_skill_states")
      .select(["learner_id", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.max("updated_at").as("updated"), (eb) => eb.fn.sum<number>("attempts").as("attempts")])
      .where("course_id", "=", course.id)
      .where("learner_id", "in", ids)
      .groupBy("learner_id")
      .execute(),
    deps.db
      .selectFrom("lesson_views")
      .select(["learner_id", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.max("viewed_at").as("last"), (eb) => eb.fn.sum<number>("seconds").as("seconds")])
      .where("course_id", "=", course.id)
      .where("learner_id", "in", ids)
      .where("viewed_at", ">=", since)
      .groupBy("learner_id")
      .execute(),
    deps.db.selectFrom("goals").selectAll().where("course_id", "=", course.id).where("learner_id", "in", ids).where("archived_at", "is", null).execute(),
  ]);
  const stateKey = new Map(states.map((s) => [s.learner_id, `${s.n}/${s.updated}/${s.attempts}`]));
  const lessonKey = new Map(lessons.map((l) => [l.learner_id, `${l.n}/${l.last}/${l.seconds}`]));
  const goalsOf = new Map<string, typeof goals>();
  for (const g of goals) (goalsOf.get(g.learner_id) ?? goalsOf.set(g.learner_id, []).get(g.learner_id)!).push(g);
  const fingerprint = (l: { id: string; name: string }) =>
    JSON.stringify([bucket, l.name, newest.get(l.id) ?? null, stateKey.get(l.id) ?? null, lessonKey.get(l.id) ?? null, goalsOf.get(l.id) ?? []]);

  let cache = digests.get(course);
  if (!cache) digests.set(course, (cache = new Map()));
  const stale: { id: string; name: string; fingerprint: string }[] = [];
  for (const l of wanted) {
    const print = fingerprint(l);
    const entry = cache.get(l.id);
    if (entry?.fingerprint === print) result.set(l.id, entry.digest);
    else stale.push({ ...l, fingerprint: print });
  }
  if (stale.length === 0) return result;

  const evidence = await learnerEvidence(deps, course, stale, newest, since);
  const [params, medians] = await Promise.all([bktParamsForCourse(deps.db, course), itemMediansOf(deps, course, scope, since, bucket)]);
  const graph = courseGraphOf(course);
  const week = weekWindow(now, 0, "last-7-days");
  const lessonViews = groupByLearner(evidence.lessons);
  const skillStates = groupByLearner(evidence.states);
  for (const learner of stale) {
    const kept = evidence.kept.get(learner.id)!;
    const mine = skillStates.get(learner.id) ?? [];
    const views = lessonViews.get(learner.id) ?? [];
    const mastery = new Map(mine.map((s) => [s.skillId, s.mastery]));
    const pace = {
      minutes: (kept.practiceMs / 1000 + views.reduce((sum, v) => sum + v.seconds, 0)) / 60,
      attempts: kept.practiceCount,
      skillsMastered: mine.filter((s) => s.masteredAt).length,
    };
    const plans: AlertPlan[] = (goalsOf.get(learner.id) ?? []).map((g) => {
      const targetDate = Date.parse(`${g.target_date}T23:59:59Z`);
      const projection = projectPlan({
        now,
        course: graph,
        goal: { id: g.id, skillIds: parseList(g.skill_ids), ...(g.unit_id ? { unitIds: [g.unit_id] } : {}), targetDate, weeklyMinutes: g.minutes_per_week },
        mastery: (id) => mastery.get(id) ?? bktParamsFor(params, id).prior,
        pace,
      });
      return { goalId: g.id, title: g.title, weeklyMinutes: g.minutes_per_week, targetDate, createdAt: g.created_at, projection };
    });
    const mineAttempts = kept.attempts;
    const digest: LearnerDigest = {
      alerts: learnerAlerts({
        now,
        learnerId: learner.id,
        learnerName: learner.name.split(" ")[0] ?? learner.name,
        course: graph,
        attempts: mineAttempts,
        lessonViews: views,
        skillStates: mine,
        masteryHistory: kept.history,
        plans,
        itemMedianMs: medians,
      }),
      week: summarizeActivity(learner.id, mineAttempts, views, week.start, Math.min(week.end, now + 1)),
    };
    cache.delete(learner.id);
    cache.set(learner.id, { fingerprint: learner.fingerprint, digest });
    result.set(learner.id, digest);
  }
  // Oldest computed first in a Map's order: drop those beyond the bound.
  for (const key of cache.keys()) {
    if (cache.size <= MAX_DIGESTS_PER_COURSE) break;
    cache.delete(key);
  }
  return result;
}

type Timed = AttemptRecord & { readonly id: string };

/** A learner's attempts of the lookback, parsed, with the mastery after each and their all-time practice. */
interface KeptEvidence {
  attempts: Timed[];
  history: MasteryPoint[];
  /** Practice (not placement) answers ever, and their time on task: the pace of plan projections. */
  practiceCount: number;
  practiceMs: number;
  /** `answered_at` of the newest attempt read (even if it has since left the lookback), null when none. */
  newestAt: string | null;
  /** Ids of the attempts read at exactly `newestAt`: the next read starts there and skips them. */
  newestIds: Set<string>;
}

/*
 * Kept parsed attempts per learner, so that a learner who answered one more question costs one row to read, not
 * five weeks of them. Attempts are appended with the server's clock, so what is new comes at or after the newest
 * kept (rows already kept at that very moment are skipped); that is checked against the newest row in the database,
 * and a mismatch (the learner's attempts were deleted) means a full read. The log is append-only and stamped by the
 * server, so nothing arrives back-dated. Bounded:
 * beyond MAX_KEPT_ATTEMPTS per course the least recently refreshed learners are read in full next time.
 */
const keptEvidence = new WeakMap<CourseContent, Map<string, KeptEvidence>>();
const MAX_KEPT_ATTEMPTS = 200_000;

/**
 * Brings the kept evidence of the given learners up to date (reading only what is newer where possible) and
 * returns it with their knowledge states and lesson views of the lookback.
 */
async function learnerEvidence(
  deps: Deps,
  course: CourseContent,
  learners: readonly { id: string }[],
  newest: ReadonlyMap<string, { at: string; id: string }>,
  since: string,
): Promise<{ kept: Map<string, KeptEvidence>; states: SkillStateRecord[]; lessons: LessonViewRecord[] }> {
  let all = keptEvidence.get(course);
  if (!all) keptEvidence.set(course, (all = new Map()));
  const ids = learners.map((l) => l.id);
  // What is new is added to the evidence as it was when the cursor was taken: a request running at the same time
  // (the dashboard asks for overview and alerts together) may replace the kept entry before this one merges.
  const base = new Map<string, KeptEvidence>();
  const after = new Map<string, string>();
  for (const id of ids) {
    const kept = all.get(id);
    const latest = newest.get(id);
    if (kept?.newestAt != null && latest !== undefined && latest.at >= kept.newestAt) {
      base.set(id, kept);
      after.set(id, kept.newestAt);
    }
  }
  const read = async (which: string[], from: ReadonlyMap<string, string>) => {
    const full = which.filter((id) => !from.has(id));
    const [records, practice] = await Promise.all([
      loadClassRecords(deps.db, course, which, since, { answers: false, history: true }, from),
      full.length === 0
        ? []
        : deps.db
            .selectFrom("attempts")
            .select(["learner_id", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>("duration_ms").as("ms")])
            .where("course_id", "=", course.id)
            .where("learner_id", "in", full)
            .where("context", "!=", "placement")
            .groupBy("learner_id")
            .execute(),
    ]);
    return { records, attemptsBy: groupByLearner(records.attempts), practice: new Map(practice.map((p) => [p.learner_id, p])) };
  };
  const sinceMs = Date.parse(since);
  const first = await read(ids, after);
  const result = new Map<string, KeptEvidence>();
  const reread: string[] = [];
  const merge = (id: string, { records, attemptsBy, practice }: Awaited<ReturnType<typeof read>>, incremental: boolean) => {
    const kept = incremental ? base.get(id)! : undefined;
    const seen = (attemptId: string) => kept?.newestIds.has(attemptId) === true;
    const added = (attemptsBy.get(id) ?? []).filter((a) => !seen(a.id));
    const addedHistory = (records.masteryHistory.get(id) ?? []).filter((p) => !seen(p.attemptId));
    const done = practice.get(id);
    let practiceCount = incremental ? kept!.practiceCount : Number(done?.n ?? 0);
    let practiceMs = incremental ? kept!.practiceMs : Number(done?.ms ?? 0);
    if (incremental) {
      for (const a of added) {
        if (a.context === "placement") continue;
        practiceCount++;
        practiceMs += a.responseMs ?? 0;
      }
    }
    let newestAt = kept?.newestAt ?? null;
    let newestIds = kept?.newestIds ?? new Set<string>();
    for (const a of added) {
      const at = a.answeredAt as string;
      if (newestAt === null || at > newestAt) [newestAt, newestIds] = [at, new Set([a.id])];
      else if (at === newestAt) newestIds = new Set([...newestIds, a.id]);
    }
    // Times as epoch milliseconds from here on: the rules compare them many times over.
    const attempts = [...(kept?.attempts.filter((a) => (a.answeredAt as number) >= sinceMs) ?? []), ...added.map((a) => ({ ...a, answeredAt: Date.parse(a.answeredAt as string) }))];
    const history = [...(kept?.history.filter((p) => (p.at as number) >= sinceMs) ?? []), ...addedHistory.map((p) => ({ skillId: p.skillId, mastery: p.mastery, at: Date.parse(p.at as string) }))];
    // What the database says is newest must be among what is now kept, and nothing kept may be newer.
    const latest = newest.get(id);
    const consistent = latest !== undefined && newestAt === latest.at && newestIds.has(latest.id);
    if (incremental && !consistent) return false;
    result.set(id, { attempts, history, practiceCount, practiceMs, newestAt, newestIds });
    return true;
  };
  for (const id of ids) if (!merge(id, first, after.has(id))) reread.push(id);
  let states = first.records.states;
  let lessons = first.records.lessons;
  if (reread.length > 0) {
    const second = await read(reread, new Map());
    for (const id of reread) merge(id, second, false);
    const again = new Set(reread);
    states = [...states.filter((s) => !again.has(s.learnerId)), ...second.records.states];
    lessons = [...lessons.filter((l) => !again.has(l.learnerId)), ...second.records.lessons];
  }
  let total = 0;
  for (const [id, kept] of result) {
    all.delete(id);
    all.set(id, kept);
  }
  for (const kept of all.values()) total += kept.attempts.length;
  for (const [id, kept] of all) {
    if (total <= MAX_KEPT_ATTEMPTS) break;
    if (result.has(id)) continue;
    all.delete(id);
    total -= kept.attempts.length;
  }
  return { kept: result, states, lessons };
}

/**
 * The class's median time per item over the lookback (for rapid guessing), kept for the hour: a median over
 * thousands of answers hardly moves with a few more. From the kept evidence when every learner's is there, else
 * from the attempts' item and duration only (an index-only read).
 */
async function itemMediansOf(deps: Deps, course: CourseContent, scope: readonly { id: string }[], since: string, bucket: number) {
  const key = scope
    .map((l) => l.id)
    .sort()
    .join(",");
  let byClass = classMedians.get(course);
  if (!byClass) classMedians.set(course, (byClass = new Map()));
  const cached = byClass.get(key);
  if (cached?.bucket === bucket) return cached.medians;
  const kept = keptEvidence.get(course);
  const everyone = scope.every((l) => kept?.has(l.id));
  const attempts: { itemId: string; responseMs?: number | null }[] = everyone
    ? scope.flatMap((l) => kept!.get(l.id)!.attempts.filter((a) => (a.answeredAt as number) >= Date.parse(since)))
    : scope.length === 0
      ? []
      : (
          await deps.db
            .selectFrom("attempts")
            .select(["item_id", "duration_ms"])
            .where("course_id", "=", course.id)
            .where("learner_id", "in", scope.map((l) => l.id))
            .where("answered_at", ">=", since)
            .execute()
        ).map((r) => ({ itemId: r.item_id, responseMs: r.duration_ms }));
  const medians = medianResponseMsByItem(attempts);
  for (const [k, v] of byClass) if (v.bucket !== bucket) byClass.delete(k);
  byClass.set(key, { bucket, medians });
  return medians;
}
