/**
 * Validation + import of the Fractions course into a fresh embedded database (target under 5 s), as
 * `npm run attune -- course import courses/fractions` does it.
 *   npx tsx bench/content/course-import.bench.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importCourse } from "../../packages/server/src/courses/course-import.service.ts";
import { loadCourseDir } from "../../packages/server/src/courses/course-loader.ts";
import { openDatabase } from "../../packages/server/src/db/database.ts";
import { migrateToLatest } from "../../packages/server/src/db/migrator.ts";
import { machineLine } from "../support/machine.ts";

const COURSE = path.resolve(import.meta.dirname, "../../courses/fractions");

export async function benchCourseImport() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-import-"));
  const handle = openDatabase({ kind: "sqlite", file: path.join(dir, "attune.sqlite") });
  await migrateToLatest(handle.db);
  try {
    const started = performance.now();
    const loaded = await loadCourseDir(COURSE);
    const validated = performance.now();
    if (loaded.errors > 0) throw new Error(`Fractions has ${loaded.errors} errors`);
    const summary = await importCourse(handle.db, loaded.course, loaded.items, "folder", new Date());
    const imported = performance.now();
    return {
      items: summary.items.total,
      validateSeconds: (validated - started) / 1000,
      importSeconds: (imported - validated) / 1000,
      totalSeconds: (imported - started) / 1000,
    };
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchCourseImport();
  console.log(
    `Fractions validation + import: ${r.totalSeconds.toFixed(2)} s (validate ${r.validateSeconds.toFixed(2)} s, import ${r.importSeconds.toFixed(2)} s, ${r.items} items) — ${machineLine()}`,
  );
}
