import { type Course, type Item, type Problem, readCourseDir, validateCourse } from "@attune/content";

export type LoadedCourse = {
  course: Course;
  /** Written items followed by template instances. */
  items: Item[];
  problems: Problem[];
  errors: number;
  warnings: number;
  writtenItems: number;
  generatedItems: number;
};

/** Reads, parses and validates a course folder: every problem with file, line and column. */
export async function loadCourseDir(dir: string): Promise<LoadedCourse> {
  const parsed = await readCourseDir(dir);
  const validation = validateCourse(parsed.course, parsed.sources);
  const problems = [...parsed.problems, ...validation.problems];
  return {
    course: parsed.course,
    items: validation.items,
    problems,
    errors: problems.filter((p) => p.severity === "error").length,
    warnings: problems.filter((p) => p.severity === "warning").length,
    writtenItems: validation.itemCount,
    generatedItems: validation.expandedItemCount,
  };
}
