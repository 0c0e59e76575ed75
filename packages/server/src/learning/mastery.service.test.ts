import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Item } from "@attune/content";
import type { MasteryList } from "@attune/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCourse } from "../courses/course-import.service.ts";
import { loadCourseDir } from "../courses/course-loader.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { DIALECTS, type TestDatabase } from "../testing/test-databases.ts";

const SPANISH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../courses/spanish-a1");

describe.each(DIALECTS)("the learner's map data on $name", ({ open }) => {
  let database: TestDatabase;
  let t: TestApp;
  let learner: string;
  let items: Item[];
  beforeAll(async () => {
    database = await open();
    t = await createTestApp(database);
    const loaded = await loadCourseDir(SPANISH);
    items = loaded.items;
    await importCourse(database.db, loaded.course, loaded.items, "folder", new Date());
    await database.db.updateTable("classes").set({ course_id: "spanish-a1" }).where("name", "=", "Spanish 1").execute();
    learner = await t.signIn("learner62@demo.attune.test");
  });
  afterAll(async () => database?.drop());

  const map = async () => (await (await t.request("GET", "/api/courses/spanish-a1/mastery", { cookie: learner })).json()) as MasteryList;
  const skill = (list: MasteryList, id: string) => list.skills.find((s) => s.skillId === id)!;

  it("offers a way to start every open skill, and none for a locked one", async () => {
    const list = await map();
    const greetings = skill(list, "greetings");
    expect(greetings.practice).not.toBeNull();
    expect(greetings.practice!.skillId).toBe("greetings");
    // A skill not started begins with its lesson when it has one, as the policy would.
    expect(greetings.practice!.kind === "lesson" ? greetings.practice!.lessonId : greetings.practice!.itemId).toBeTruthy();
    expect(skill(list, "ser-vs-estar").practice).toBeNull();
    expect(greetings.masteredAt).toBeNull();
    expect(greetings.lastReviewedAt).toBeNull();
  });

  it("offers an item of the skill once it is mastered (a review), and says when it was mastered", async () => {
    const ofSkill = items.filter((i): i is Extract<Item, { type: "single-choice" }> => i.type === "single-choice" && i.skills.length === 1 && i.skills[0] === "greetings");
    for (let i = 0; i < 6 && !skill(await map(), "greetings").mastered; i++) {
      const item = ofSkill[i % ofSkill.length]!;
      const response = item.choices.find((c) => c.correct)!.id;
      await t.request("POST", "/api/courses/spanish-a1/attempts", { cookie: learner, body: { attemptId: crypto.randomUUID(), itemId: item.id, response, hintsUsed: 0, durationMs: 3000 } });
    }
    const greetings = skill(await map(), "greetings");
    expect(greetings.mastered).toBe(true);
    expect(greetings.masteredAt).not.toBeNull();
    expect(greetings.practice?.kind).toBe("review");
    expect(items.find((i) => i.id === greetings.practice!.itemId)!.skills).toContain("greetings");
  });
});
