import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Item } from "@attune/content";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCourse } from "../courses/course-import.service.ts";
import { loadCourseDir } from "../courses/course-loader.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { DIALECTS, type TestDatabase } from "../testing/test-databases.ts";

const SPANISH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../courses/spanish-a1");
type SingleChoice = Extract<Item, { type: "single-choice" }>;

describe.each(DIALECTS)("course content in the answer loop on $name", ({ open }) => {
  let database: TestDatabase;
  let t: TestApp;
  let learner: string;
  let loaded: Awaited<ReturnType<typeof loadCourseDir>>;
  let item: SingleChoice;
  beforeAll(async () => {
    database = await open();
    t = await createTestApp(database);
    loaded = await loadCourseDir(SPANISH);
    await importCourse(database.db, loaded.course, loaded.items, "folder", new Date());
    await database.db.updateTable("classes").set({ course_id: "spanish-a1" }).where("name", "=", "Spanish 1").execute();
    learner = await t.signIn("learner62@demo.attune.test");
    item = loaded.items.find((i): i is SingleChoice => i.type === "single-choice")!;
  });
  afterAll(async () => database?.drop());

  const answerWrong = async () => {
    const body = { attemptId: crypto.randomUUID(), itemId: item.id, response: item.choices.find((c) => !c.correct)!.id, hintsUsed: 0, durationMs: 3000 };
    const r = await t.request("POST", "/api/courses/spanish-a1/attempts", { cookie: learner, body });
    return { status: r.status, body: (await r.json()) as { solution?: string; solutionHtml?: string } };
  };

  it("answers with a re-imported course's content at once, rendered anew", async () => {
    const before = await answerWrong();
    expect(before.body.solution).toBe(item.solution);
    // The cached content and its rendered markdown belong to the old import; the new content hash retires both.
    const items = loaded.items.map((i) => (i.id === item.id ? { ...i, solution: "Now **revised**." } : i));
    await importCourse(database.db, loaded.course, items, "folder", new Date());
    const after = await answerWrong();
    expect(after.body.solution).toBe("Now **revised**.");
    expect(after.body.solutionHtml).toContain("<strong>revised</strong>");
  });

  it("refuses an archived course as not found, and a course no class of the learner follows as forbidden", async () => {
    await database.db.updateTable("courses").set({ archived_at: new Date().toISOString() }).where("id", "=", "spanish-a1").execute();
    try {
      expect((await answerWrong()).status).toBe(404);
    } finally {
      await database.db.updateTable("courses").set({ archived_at: null }).where("id", "=", "spanish-a1").execute();
    }
    expect((await answerWrong()).status).toBe(200);
    const outsider = await t.signIn("learner01@demo.attune.test");
    const r = await t.request("POST", "/api/courses/spanish-a1/attempts", {
      cookie: outsider,
      body: { attemptId: crypto.randomUUID(), itemId: item.id, response: item.choices[0]!.id, hintsUsed: 0, durationMs: 3000 },
    });
    expect(r.status).toBe(403);
  });
});
