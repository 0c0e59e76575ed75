import { type AnswerResponse, checkAnswer } from "@attune/content";
import { type MemoryCard, type PlacementState, bktParamsFor, bktStep, createMemoryCard, placementResult, reviewDueAt, reviewMemoryCard } from "@attune/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttemptsTable, LearnerSkillStatesTable } from "../db/schema.ts";
import { MAX_PLACEMENT_ITEMS } from "../learning/placement.service.ts";
import { DIALECTS, type TestDatabase } from "../testing/test-databases.ts";
import { type DemoCourseBase, loadDemoCourse, simulateClassHistories } from "./demo-histories.ts";
import { type DemoSummary, seedDemoSchool } from "./seed-demo.ts";

const NOW = new Date("2026-11-24T10:30:00.000Z");
const DAY_MS = 86_400_000;
const FRESH = ["learner01", "learner02", "learner03", "learner04", "learner05"];

type Replayed = { p: number; attempts: number; correct: number; hints: number; recent: boolean[]; last: string | null; masteredAt: string | null; card: MemoryCard | null };

/**
 * The answer loop's projection, written again from its description (attempts.service.ts, placement.service.ts):
 * placement seeds P(known); each practice or review answer is a BKT step; mastering makes an FSRS card, and every
 * later answer while mastered reviews it.
 */
function replay(course: DemoCourseBase, attempts: AttemptsTable[], placement: { state: string; finished_at: string | null } | undefined) {
  const { content, graph, params } = course;
  const prior = (id: string) => bktParamsFor(params, id).prior;
  const states = new Map<string, Replayed>();
  if (placement) {
    const at = placement.finished_at!;
    const { pKnown } = placementResult(graph, JSON.parse(placement.state) as PlacementState, { maxItems: MAX_PLACEMENT_ITEMS });
    for (const s of content.skills) {
      const p = pKnown.get(s.id) ?? prior(s.id);
      const mastered = p >= s.masteryThreshold;
      states.set(s.id, { p, attempts: 0, correct: 0, hints: 0, recent: [], last: null, masteredAt: mastered ? at : null, card: mastered ? createMemoryCard(Date.parse(at)) : null });
    }
  }
  for (const a of attempts) {
    if (a.context === "placement") continue;
    const correct = a.correct === 1;
    const changes = (JSON.parse(a.result) as { masteryChanges: { skillId: string; before: number; after: number }[] }).masteryChanges;
    for (const skillId of JSON.parse(a.skill_ids) as string[]) {
      const skill = content.skillById.get(skillId)!;
      const row = states.get(skillId);
      const before = row?.p ?? prior(skillId);
      const after = bktStep(before, correct, bktParamsFor(params, skillId));
      const change = changes.find((c) => c.skillId === skillId)!;
      expect(change.before).toBeCloseTo(before, 9);
      expect(change.after).toBeCloseTo(after, 9);
      const wasMastered = row?.masteredAt != null;
      const mastered = after >= skill.masteryThreshold;
      let card = row?.card ?? null;
      if (card && wasMastered) card = reviewMemoryCard(card, Date.parse(a.answered_at), { correct });
      else if (!card && mastered) card = createMemoryCard(Date.parse(a.answered_at));
      states.set(skillId, {
        p: after,
        attempts: (row?.attempts ?? 0) + 1,
        correct: (row?.correct ?? 0) + (correct ? 1 : 0),
        hints: (row?.hints ?? 0) + a.hints_used,
        recent: [...(row?.recent ?? []), correct].slice(-5),
        last: a.answered_at,
        masteredAt: mastered ? (row?.masteredAt ?? a.answered_at) : null,
        card,
      });
    }
  }
  return states;
}

describe.each(DIALECTS)("the demo school's learning histories on $name", ({ name, open }) => {
  let database: TestDatabase;
  let demo: DemoSummary;
  let ids: Map<string, string>;
  let attempts: AttemptsTable[];
  let states: LearnerSkillStatesTable[];
  const learnerIds = () => [...ids.entries()].filter(([email]) => email.startsWith("learner"));
  const emailOf = (id: string) => [...ids.entries()].find(([, i]) => i === id)![0];

  beforeAll(async () => {
    database = await open();
    demo = (await seedDemoSchool(database.db, database.dialect, NOW))!;
    ids = new Map(demo.accounts.map((a) => [a.email.split("@")[0]!, a.id]));
    attempts = await database.db.selectFrom("attempts").selectAll().orderBy("answered_at").execute();
    states = await database.db.selectFrom("learner_skill_states").selectAll().execute();
  }, 240_000);
  afterAll(async () => database?.drop());

  it("keeps learner01 … learner05 new: no attempts, states, lessons, placement or goals", async () => {
    expect(demo.freshLearners).toEqual(FRESH.map((l) => `${l}@demo.attune.test`));
    const fresh = FRESH.map((l) => ids.get(l)!);
    for (const table of ["attempts", "learner_skill_states", "lesson_views", "placements", "goals"] as const) {
      const rows = await database.db.selectFrom(table).select("learner_id").where("learner_id", "in", fresh).execute();
      expect(rows, table).toEqual([]);
    }
  });

  it("gives every other learner attempts whose knowledge states agree with replaying them through BKT and FSRS", async () => {
    const placements = await database.db.selectFrom("placements").selectAll().execute();
    const classes = await database.db.selectFrom("classes as c").innerJoin("enrolments as e", "e.class_id", "c.id").select(["e.learner_id", "c.course_id"]).execute();
    const courses = new Map<string, DemoCourseBase>();
    for (const courseId of new Set(classes.map((c) => c.course_id!))) courses.set(courseId, await loadDemoCourse(database.db, courseId));
    const precision = name === "postgres" ? 5 : 12; // PostgreSQL's `real` is single precision
    for (const [email, learnerId] of learnerIds()) {
      if (FRESH.includes(email)) continue;
      const mine = attempts.filter((a) => a.learner_id === learnerId);
      expect(mine.length, email).toBeGreaterThan(0);
      const course = courses.get(classes.find((c) => c.learner_id === learnerId)!.course_id!)!;
      const replayed = replay(course, mine, placements.find((p) => p.learner_id === learnerId));
      const stored = states.filter((s) => s.learner_id === learnerId);
      expect(stored.map((s) => s.skill_id).sort(), email).toEqual([...replayed.keys()].sort());
      for (const s of stored) {
        const r = replayed.get(s.skill_id)!;
        expect(s.p_known, `${email} ${s.skill_id}`).toBeCloseTo(r.p, precision);
        expect([s.attempts, s.correct, s.hints_used, JSON.parse(s.recent), s.last_practiced_at, s.mastered_at]).toEqual([r.attempts, r.correct, r.hints, r.recent, r.last, r.masteredAt]);
        expect(s.memory ? JSON.parse(s.memory) : null).toEqual(r.card);
        expect(s.review_due_at).toBe(r.card ? new Date(reviewDueAt(r.card)).toISOString() : null);
      }
    }
  });

  it("records the answers the checker gives: right answers check right, wrong ones wrong", async () => {
    const items = await database.db.selectFrom("items").select(["course_id", "id", "spec"]).execute();
    const spec = new Map(items.map((i) => [`${i.course_id}/${i.id}`, JSON.parse(i.spec) as Parameters<typeof checkAnswer>[0]]));
    for (const a of attempts.filter((_, k) => k % 25 === 0)) {
      const { response, normalized } = JSON.parse(a.response) as { response: AnswerResponse; normalized: string };
      const check = checkAnswer(spec.get(`${a.course_id}/${a.item_id}`)!, response);
      expect([check.correct, check.normalized]).toEqual([a.correct === 1, normalized]);
      expect((JSON.parse(a.result) as { correct: boolean }).correct).toBe(a.correct === 1);
    }
  });

  it("shows a teacher something true: wheel-spinning, learners inactive against their plan, rapid guessing", async () => {
    const spinning = states.filter((s) => s.attempts >= 10 && s.mastered_at === null);
    expect(spinning.length).toBeGreaterThan(0);

    const goals = await database.db.selectFrom("goals").selectAll().execute();
    const views = await database.db.selectFrom("lesson_views").select(["learner_id", "viewed_at"]).execute();
    const lastActive = (id: string) => [...attempts.filter((a) => a.learner_id === id).map((a) => a.answered_at), ...views.filter((v) => v.learner_id === id).map((v) => v.viewed_at)].sort().at(-1)!;
    const inactive = goals.filter((g) => g.minutes_per_week > 0 && g.target_date > NOW.toISOString().slice(0, 10) && Date.parse(lastActive(g.learner_id)) <= NOW.getTime() - 10 * DAY_MS);
    expect(inactive.length).toBeGreaterThan(0);
    expect(inactive.every((g) => demo.profiles[g.learner_id] === "stopped")).toBe(true);

    // Rapid guessers answered a good share of the last two weeks' questions in under 5 s; nobody else ever did.
    const recent = attempts.filter((a) => Date.parse(a.answered_at) > NOW.getTime() - 14 * DAY_MS);
    const guessers = Object.entries(demo.profiles).filter(([, p]) => p === "rapid-guesser").map(([id]) => id);
    expect(guessers.length).toBeGreaterThan(0);
    for (const id of guessers) {
      const mine = recent.filter((a) => a.learner_id === id);
      expect(mine.filter((a) => a.duration_ms! < 5000).length / mine.length, emailOf(id)).toBeGreaterThanOrEqual(0.25);
    }
    const others = attempts.filter((a) => demo.profiles[a.learner_id] !== "rapid-guesser");
    expect(others.filter((a) => a.duration_ms! < 5000)).toEqual([]);
  });

  it("puts nothing in the future", async () => {
    const now = NOW.toISOString();
    const views = await database.db.selectFrom("lesson_views").select("viewed_at").execute();
    const placements = await database.db.selectFrom("placements").selectAll().execute();
    const goals = await database.db.selectFrom("goals").select("created_at").execute();
    const times = [
      ...attempts.map((a) => a.answered_at),
      ...views.map((v) => v.viewed_at),
      ...placements.flatMap((p) => [p.started_at, p.updated_at, p.finished_at!]),
      ...goals.map((g) => g.created_at),
      ...states.flatMap((s) => [s.updated_at, s.last_practiced_at, s.mastered_at].filter((t): t is string => t !== null)),
    ];
    expect(times.length).toBeGreaterThan(1000);
    expect(times.filter((t) => !(t < now) || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(t))).toEqual([]);
  });

  it("gives most guardians a learner who practised in the last week", async () => {
    const links = await database.db.selectFrom("guardian_links").selectAll().execute();
    const week = new Date(NOW.getTime() - 7 * DAY_MS).toISOString();
    const active = new Set(attempts.filter((a) => a.answered_at >= week).map((a) => a.learner_id));
    const guardians = new Set(links.filter((l) => active.has(l.learner_id)).map((l) => l.guardian_id));
    expect(guardians.size).toBeGreaterThanOrEqual(30);
  });

  it.runIf(name === "sqlite")("is the same school for the same seed and start", async () => {
    const base = await loadDemoCourse(database.db, "spanish-a1");
    const demoClass = { name: "Spanish 1", courseId: "spanish-a1", timetable: { weekdays: [1, 3, 4], startMinute: 680 }, priorKnowledge: [0.02, 0.15], weeks: [3, 3.5], learners: [{ id: "a", number: 61 }, { id: "b", number: 62 }] } as const;
    const first = simulateClassHistories(base, demoClass, "school", NOW);
    const again = simulateClassHistories(base, demoClass, "school", NOW);
    expect(first[0]!.history.attempts.length).toBeGreaterThan(0);
    expect(again).toEqual(first);
  });
});
