import { convertOATutor, formatProblem, readOATutorDir, validateCourse } from "@attune/content";
import type { Config } from "../config.ts";
import { importCourse } from "../courses/course-import.service.ts";
import { withMigratedDatabase } from "../runtime.ts";
import { printImportSummary } from "./course.command.ts";

/** `course import-oatutor <dir>`: converts OATutor's open content layout, proves every stated answer is accepted, imports. */
export async function runOATutorImport(config: Config, dir: string): Promise<number> {
  console.log(`Reading OATutor content from ${dir} ...`);
  const converted = convertOATutor(await readOATutorDir(dir));
  const validation = validateCourse(converted.course, converted.sources);
  const problems = [...converted.problems, ...validation.problems];
  for (const problem of problems) console.log(formatProblem(problem));
  const s = converted.summary;
  console.log(
    [
      `Course "${s.courseName}": ${s.lessons} lessons, ${s.skills} skills (${s.skillsWithBkt} with BKT priors), ` +
        `${s.problems} problems, ${s.steps} steps`,
      `  items: ${validation.items.length} (${Object.entries(s.itemsByType).map(([t, n]) => `${n} ${t}`).join(", ")})`,
      `  hints: ${s.hints}, scaffolds: ${s.scaffolds}, figures: ${s.figures}`,
      `  step answers accepted by our checker: ${s.stepAnswers.accepted} of ${s.stepAnswers.checked}`,
      ...s.stepAnswers.exceptions.map((e) => `    not accepted: ${e.item} answer ${JSON.stringify(e.answer)}: ${e.reason}`),
      `  scaffold answers accepted by our checker: ${s.scaffoldAnswers.accepted} of ${s.scaffoldAnswers.checked}`,
      ...s.scaffoldAnswers.exceptions.map((e) => `    not accepted: ${e.item} hint ${e.hint} answer ${JSON.stringify(e.answer)}: ${e.reason}`),
      ...s.notes.map((note) => `  note: ${note}`),
    ].join("\n"),
  );
  const errors = problems.filter((p) => p.severity === "error").length;
  if (errors > 0) {
    console.error(`Not imported: ${errors} errors.`);
    return 1;
  }
  return withMigratedDatabase(config, async (handle) => {
  printImportSummary(await importCourse(handle.db, converted.course, validation.items, "oatutor", new Date()));
  return 0;
  });
}
