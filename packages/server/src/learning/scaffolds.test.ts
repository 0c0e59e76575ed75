import type { Course, Item } from "@attune/content";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCourse } from "../courses/course-import.service.ts";
import { demoIds } from "../testing/personas.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { DIALECTS, type TestDatabase } from "../testing/test-databases.ts";

const numeric = (answer: string) => ({ type: "numeric" as const, answer, units: [], form: "any" as const, misconceptions: [] });
const item: Item = {
  id: "add-thirds-tenths",
  skills: ["add"],
  prompt: "Add 1/3 + 1/10.",
  ...numeric("13/30"),
  hints: [{ title: "Step 1.", text: "What is the least common denominator of 3 and 10?", answer: numeric("30") }, { text: "Rewrite both as thirtieths." }],
  solution: "1/3 + 1/10 = 10/30 + 3/30 = 13/30",
  tags: [],
};
const course: Course = {
  id: "tiny",
  title: "Tiny",
  description: "",
  language: "en",
  authors: [],
  masteryThreshold: 0.95,
  units: [{ id: "u", title: "U", skills: ["add"] }],
  skills: [{ id: "add", name: "Adding", prerequisites: [], tags: [] }],
  lessons: [],
  items: [item],
  templates: [],
  projects: [],
  mediaFiles: [],
};

describe.each(DIALECTS)("scaffolds on $name", ({ open }) => {
  let database: TestDatabase;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    database = await open();
    t = await createTestApp(database);
    await importCourse(database.db, course, [item], "folder", new Date());
    const ids = await demoIds(t);
    await database.db.updateTable("classes").set({ course_id: "tiny" }).where("id", "=", ids.cls("Math 5A")).execute();
    cookie = await t.signIn("learner01@demo.attune.test");
  });
  afterAll(async () => database?.drop());

  const hintUrl = (n: number) => `/api/courses/tiny/items/${item.id}/hints/${n}`;

  it("shows a scaffold's question and input type but never its answer", async () => {
    const hint = (await (await t.request("GET", hintUrl(1), { cookie })).json()) as { scaffold: { type: string } | null; html: string };
    expect(hint.scaffold).toEqual({ type: "numeric" });
    expect(hint.html).toContain("least common denominator");
    expect(JSON.stringify(hint)).not.toContain("30<");
    const plain = (await (await t.request("GET", hintUrl(2), { cookie })).json()) as { scaffold: unknown };
    expect(plain.scaffold).toBeNull();
  });

  it("checks a scaffold's answer like an item, shows the answer only when right or asked, and stores nothing", async () => {
    const send = async (body: unknown) => (await (await t.request("POST", `${hintUrl(1)}/answers`, { cookie, body })).json()) as { correct: boolean; answerHtml: string | null };
    expect(await send({ response: "15" })).toMatchObject({ correct: false, answerHtml: null });
    expect(await send({ response: "15", reveal: true })).toMatchObject({ correct: false, answerHtml: "30" });
    expect(await send({ response: "30.0" })).toMatchObject({ correct: true, answerHtml: "30" });
    const attempts = await database.db.selectFrom("attempts").select("id").where("course_id", "=", "tiny").execute();
    expect(attempts).toEqual([]);
    // A hint without a question has nothing to check.
    expect((await t.request("POST", `${hintUrl(2)}/answers`, { cookie, body: { response: "x" } })).status).toBe(404);
  });
});
