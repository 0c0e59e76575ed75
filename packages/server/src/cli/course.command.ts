import path from "node:path";
import { formatProblem } from "@attune/content";
import { type CourseImportSummary, type ImportCounts, importCourse } from "../courses/course-import.service.ts";
import { loadCourseDir } from "../courses/course-loader.ts";
import { withMigratedDatabase } from "../runtime.ts";
import type { Command } from "./commands.ts";

const counts = (label: string, c: ImportCounts) =>
  `  ${label.padEnd(9)} ${String(c.total).padStart(5)}  (${c.added} new, ${c.updated} changed, ${c.unchanged} unchanged, ${c.archived} archived)`;

export function printImportSummary(summary: CourseImportSummary) {
  console.log(`${summary.created ? "Imported" : "Updated"} course "${summary.title}" (${summary.courseId})`);
  console.log(counts("skills", summary.skills));
  console.log(counts("lessons", summary.lessons));
  console.log(counts("items", summary.items));
  console.log(counts("projects", summary.projects));
}

async function validateDir(dir: string) {
  const started = performance.now();
  console.log(`Validating ${dir} ...`);
  const loaded = await loadCourseDir(dir);
  for (const problem of loaded.problems) console.log(formatProblem({ ...problem, file: path.join(dir, problem.file) }));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${loaded.course.skills.length} skills, ${loaded.course.lessons.length} lessons, ${loaded.writtenItems} items + ` +
      `${loaded.generatedItems} from ${loaded.course.templates.length} templates, ${loaded.course.projects.length} projects; ` +
      `${loaded.errors} errors, ${loaded.warnings} warnings (${seconds} s)`,
  );
  return loaded;
}

export const courseCommand: Command = {
  name: "course",
  usage: "course <validate|import|import-oatutor> <dir>",
  summary: "Validate or import a course folder (or an OATutor content folder)",
  help: [
    "  validate <dir>        report every problem as file:line:column with a hint; exit 1 on any error",
    "  import <dir>          validate, then store in one transaction (re-import keeps learners' evidence)",
    "  import-oatutor <dir>  convert OATutor's content layout and import it",
  ].join("\n"),
  run: async ({ config, positionals }) => {
    const [sub, dir] = positionals;
    if (!sub || !dir || !["validate", "import", "import-oatutor"].includes(sub)) {
      console.error("Usage: npm run attune -- course <validate|import|import-oatutor> <dir>");
      return 2;
    }
    if (sub === "import-oatutor") {
      const { runOATutorImport } = await import("./oatutor.command.ts");
      return runOATutorImport(config, dir);
    }
    const loaded = await validateDir(dir);
    if (loaded.errors > 0) {
      console.error(sub === "import" ? "Not imported: fix the errors above first." : "The course has errors.");
      return 1;
    }
    if (sub === "validate") return 0;
    return withMigratedDatabase(config, async (handle) => {
    printImportSummary(await importCourse(handle.db, loaded.course, loaded.items, "folder", new Date()));
    return 0;
    });
  },
};
