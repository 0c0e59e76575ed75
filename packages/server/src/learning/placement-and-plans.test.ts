import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Item } from "@attune/content";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCourse } from "../courses/course-import.service.ts";
import { type LoadedCourse, loadCourseDir } from "../courses/course-loader.ts";
import { rightResponse, wrongResponse } from "../testing/right-response.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { DIALECTS, type TestDatabase } from "../testing/test-databases.ts";

const SPANISH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../courses/spanish-a1");
type View = { status: string; itemsAnswered: number; item: { id: string } | null; result: { mastered: { skillId: string }[]; readyToLearn: unknown[]; stop: string } | null };

describe.each(DIALECTS)("placement and plans on $name", ({ open }) => {
  let database: TestDatabase;
  let t: TestApp;
  let loaded: LoadedCourse;
  let items: Map<string, Item>;
  beforeAll(async () => {
    database = await open();
    t = await createTestApp(database);
    loaded = await loadCourseDir(SPANISH);
    items = new Map(loaded.items.map((i) => [i.id, i]));
    await importCourse(database.db, loaded.course, loaded.items, "folder", new Date());
    await database.db.updateTable("classes").set({ course_id: "spanish-a1" }).where("name", "=", "Spanish 1").execute();
  });
  afterAll(async () => database?.drop());

  const post = async (cookie: string, url: string, body?: unknown) => {
    const r = await t.request("POST", url, { cookie, body: body ?? {} });
    return { status: r.status, body: (await r.json()) as View };
  };

  it("places a learner who knows everything as knowing the course, within the item limit, and seeds the map", async () => {
    const cookie = await t.signIn("learner62@demo.attune.test");
    let view = (await post(cookie, "/api/courses/spanish-a1/placement")).body;
    while (view.status === "in-progress") {
      const item = items.get(view.item!.id)!;
      view = (await post(cookie, "/api/courses/spanish-a1/placement/answers", { itemId: item.id, response: rightResponse(item) })).body;
    }
    expect(view.itemsAnswered).toBeLessThanOrEqual(25);
    expect(view.result!.mastered.length).toBeGreaterThan(loaded.course.skills.length / 2);
    const mastery = (await (await t.request("GET", "/api/courses/spanish-a1/mastery", { cookie })).json()) as { skills: { mastered: boolean }[] };
    expect(mastery.skills.filter((s) => s.mastered).length).toBe(view.result!.mastered.length);
    // Resuming a finished placement shows its result again; it does not start over.
    expect((await post(cookie, "/api/courses/spanish-a1/placement")).body.status).toBe("finished");
  });

  it("places a learner who knows nothing at the start of the course", async () => {
    const cookie = await t.signIn("learner63@demo.attune.test");
    let view = (await post(cookie, "/api/courses/spanish-a1/placement")).body;
    while (view.status === "in-progress") {
      const item = items.get(view.item!.id)!;
      view = (await post(cookie, "/api/courses/spanish-a1/placement/answers", { itemId: item.id, response: wrongResponse(item) })).body;
    }
    expect(view.result!.mastered).toEqual([]);
    const next = (await (await t.request("GET", "/api/courses/spanish-a1/next", { cookie })).json()) as { activity: { skillId: string } };
    expect(loaded.course.skills.find((s) => s.id === next.activity.skillId)!.prerequisites).toEqual([]);
  });

  it("refuses an answer to another question than the current one, and lets the learner stop early", async () => {
    const cookie = await t.signIn("learner64@demo.attune.test");
    const first = (await post(cookie, "/api/courses/spanish-a1/placement")).body;
    const other = loaded.items.find((i) => i.id !== first.item!.id)!;
    expect((await post(cookie, "/api/courses/spanish-a1/placement/answers", { itemId: other.id, response: "a" })).status).toBe(400);
    const resumed = (await post(cookie, "/api/courses/spanish-a1/placement")).body;
    expect(resumed.item!.id).toBe(first.item!.id);
    const stopped = (await post(cookie, "/api/courses/spanish-a1/placement/finish")).body;
    expect(stopped).toMatchObject({ status: "finished", result: { stop: "learner" } });
  });

  it("projects a goal from the default pace before any skill is mastered", async () => {
    const cookie = await t.signIn("learner65@demo.attune.test");
    const unit = loaded.course.units[0]!;
    const r = await t.request("POST", "/api/courses/spanish-a1/goals", {
      cookie,
      body: { title: "First unit", unitId: unit.id, targetDate: "2099-06-30", minutesPerWeek: 60 },
    });
    expect(r.status).toBe(201);
    const plan = (await r.json()) as { pace: { minutesPerSkill: number; measured: boolean }; goals: { remainingSkills: unknown[]; status: string; thisWeek: unknown[] }[] };
    expect(plan.pace).toMatchObject({ minutesPerSkill: 15, measured: false });
    expect(plan.goals[0]!.remainingSkills.length).toBeGreaterThanOrEqual(unit.skills.length);
    expect(plan.goals[0]!.status).toBe("ahead");
    // 60 minutes a week at 15 minutes a skill: four skills this week.
    expect(plan.goals[0]!.thisWeek.length).toBe(Math.min(4, plan.goals[0]!.remainingSkills.length));
    const late = await t.request("POST", "/api/courses/spanish-a1/goals", { cookie, body: { title: "x", unitId: unit.id, targetDate: "2000-01-01", minutesPerWeek: 60 } });
    expect(late.status).toBe(400);
  });
});
