import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatProblem } from "@attune/content";
import type { Kysely } from "kysely";
import { type CourseImportSummary, importCourse } from "../courses/course-import.service.ts";
import { loadCourseDir } from "../courses/course-loader.ts";
import type { Database } from "../db/schema.ts";

const COURSES_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../courses");

/** The courses that ship with Attune, imported into the demo. */
export const DEMO_COURSE_DIRS = ["fractions", "spanish-a1"].map((name) => path.join(COURSES_ROOT, name));

/** Validates and imports the shipped courses; a course with errors stops the demo rather than half-loading. */
export async function importDemoCourses(db: Kysely<Database>, now: Date, onProgress: (message: string) => void = () => {}) {
  const summaries: CourseImportSummary[] = [];
  for (const dir of DEMO_COURSE_DIRS) {
    const loaded = await loadCourseDir(dir);
    if (loaded.errors > 0) {
      const lines = loaded.problems.filter((p) => p.severity === "error").slice(0, 20).map(formatProblem);
      throw new Error(`The demo course in ${dir} has errors:\n${lines.join("\n")}`);
    }
    const summary = await importCourse(db, loaded.course, loaded.items, "folder", now);
    onProgress(`demo: course "${summary.title}" imported (${summary.skills.total} skills, ${summary.lessons.total} lessons, ${summary.items.total} items)`);
    summaries.push(summary);
  }
  return summaries;
}
