import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestDatabase } from "../testing/test-databases.ts";
import { importCourse } from "./course-import.service.ts";
import { type LoadedCourse, loadCourseDir } from "./course-loader.ts";

const SPANISH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../courses/spanish-a1");

describe.each(DIALECTS)("course import on $name", ({ open }) => {
  let database: TestDatabase;
  let loaded: LoadedCourse;
  beforeAll(async () => {
    database = await open();
    loaded = await loadCourseDir(SPANISH);
  });
  afterAll(async () => database?.drop());

  it("stores every skill, lesson, item (template instances included) and project", async () => {
    expect(loaded.errors).toBe(0);
    const summary = await importCourse(database.db, loaded.course, loaded.items, "folder", new Date("2026-11-24T10:00:00Z"));
    expect(summary.created).toBe(true);
    expect(summary.items).toMatchObject({ total: loaded.items.length, added: loaded.items.length, archived: 0 });
    const items = await database.db.selectFrom("items").select(["id", "spec"]).where("course_id", "=", loaded.course.id).execute();
    expect(items).toHaveLength(loaded.items.length);
    const first = loaded.items[0]!;
    expect(JSON.parse(items.find((i) => i.id === first.id)!.spec)).toEqual(first);
  });

  it("re-imports a changed course: matches by id, updates what changed, archives what was removed, keeps rows", async () => {
    const removedSkill = loaded.course.skills.at(-1)!;
    const course = { ...loaded.course, skills: loaded.course.skills.slice(0, -1) };
    const changedItem = { ...loaded.items[0]!, prompt: "A reworded prompt" };
    const items = [changedItem, ...loaded.items.slice(1, -5)];
    const summary = await importCourse(database.db, course, items, "folder", new Date("2026-11-25T10:00:00Z"));
    expect(summary.created).toBe(false);
    expect(summary.items).toMatchObject({ updated: 1, archived: 5, added: 0 });
    expect(summary.skills).toMatchObject({ archived: 1 });
    const archivedSkill = await database.db.selectFrom("skills").select("archived_at").where("id", "=", removedSkill.id).executeTakeFirstOrThrow();
    expect(archivedSkill.archived_at).toBe("2026-11-25T10:00:00.000Z");
    const allItems = await database.db.selectFrom("items").select("id").where("course_id", "=", course.id).execute();
    expect(allItems).toHaveLength(loaded.items.length);

    // Bringing the content back restores it.
    const restored = await importCourse(database.db, loaded.course, loaded.items, "folder", new Date("2026-11-26T10:00:00Z"));
    expect(restored.items).toMatchObject({ updated: 6, archived: 0 });
    expect(restored.skills).toMatchObject({ updated: 1 });
  });

  it("writes nothing when the import fails part-way", async () => {
    const before = await database.db.selectFrom("items").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    // Projects are stored last: a repeated project id fails after skills, lessons and items were written.
    const project = loaded.course.projects[0]!;
    const broken = { ...loaded.course, id: "broken-course", projects: [project, project] };
    await expect(importCourse(database.db, broken, loaded.items, "folder", new Date())).rejects.toThrow(/twice/);
    expect(await database.db.selectFrom("courses").select("id").where("id", "=", "broken-course").executeTakeFirst()).toBeUndefined();
    const after = await database.db.selectFrom("items").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
