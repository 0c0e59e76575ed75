// Turns a parsed and validated course (@attune/content) into the plain graph input of @attune/engine's policy.
import { resolve } from "node:path";
import { existsSync } from "node:fs";
import { readCourseDir, validateCourse } from "@attune/content";
import type { CourseGraphInput } from "@attune/engine";

/** Resolves `--course`: a path if it exists, else `courses/<name>` under the repository root. */
export function resolveCourseDir(course: string, repoRoot: string): string {
  if (existsSync(course)) return resolve(course);
  return resolve(repoRoot, "courses", course);
}

/** Reads a course folder and maps it (items including template instances) to the engine's graph input. */
export async function loadCourseGraphInput(dir: string): Promise<{ input: CourseGraphInput; errors: number }> {
  const parsed = await readCourseDir(dir);
  const validation = validateCourse(parsed.course, parsed.sources);
  const course = parsed.course;
  const errors = [...parsed.problems, ...validation.problems].filter((p) => p.severity === "error").length;
  return {
    errors,
    input: {
      masteryThreshold: course.masteryThreshold,
      skills: course.skills.map((s) => ({ id: s.id, name: s.name, prerequisites: s.prerequisites, tags: s.tags, ...(s.masteryThreshold === undefined ? {} : { masteryThreshold: s.masteryThreshold }) })),
      items: validation.items.map((i) => ({ id: i.id, skillIds: i.skills, tags: i.tags, ...(i.difficulty === undefined ? {} : { difficulty: i.difficulty }) })),
      lessons: course.lessons.map((l) => ({ id: l.id, title: l.title, skillIds: l.skills, minutes: l.minutes, media: [...new Set([...(l.body.trim() ? ["text"] : []), ...l.variants.map((v) => v.type)])] })),
      units: course.units.map((u) => ({ id: u.id, title: u.title, skillIds: u.skills })),
    },
  };
}
