import type { CourseSummary } from "@attune/contract";
import type { Deps } from "../http/app-env.ts";

/** The installation's active courses with their sizes (content is shared by every school). */
export async function listCourses(deps: Deps): Promise<CourseSummary[]> {
  const courses = await deps.db
    .selectFrom("courses")
    .select(["id", "title", "description", "language", "level", "license"])
    .where("archived_at", "is", null)
    .orderBy("title")
    .execute();
  const count = async (table: "skills" | "lessons" | "items") =>
    deps.db
      .selectFrom(table)
      .select(["course_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("archived_at", "is", null)
      .groupBy("course_id")
      .execute();
  const [skills, lessons, items] = await Promise.all([count("skills"), count("lessons"), count("items")]);
  const of = (rows: { course_id: string; n: number }[], id: string) => Number(rows.find((r) => r.course_id === id)?.n ?? 0);
  return courses.map((c) => ({
    ...c,
    skillCount: of(skills, c.id),
    lessonCount: of(lessons, c.id),
    itemCount: of(items, c.id),
  }));
}
