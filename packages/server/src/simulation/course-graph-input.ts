// Reads a course folder and turns it into the plain graph input of @attune/engine's policy.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { readCourseDir, validateCourse } from "@attune/content";
import type { CourseGraphInput } from "@attune/engine";
import { courseGraphInput } from "../learning/course-graph.ts";

/** Resolves `--course`: a path if it exists, else `courses/<name>` under the repository root. */
export function resolveCourseDir(course: string, repoRoot: string): string {
  if (existsSync(course)) return resolve(course);
  return resolve(repoRoot, "courses", course);
}

/** Reads a course folder and maps it (items including template instances) to the engine's graph input. */
export async function loadCourseGraphInput(dir: string): Promise<{ input: CourseGraphInput; errors: number }> {
  const parsed = await readCourseDir(dir);
  const validation = validateCourse(parsed.course, parsed.sources);
  const errors = [...parsed.problems, ...validation.problems].filter((p) => p.severity === "error").length;
  return { errors, input: courseGraphInput({ ...parsed.course, items: validation.items }) };
}
