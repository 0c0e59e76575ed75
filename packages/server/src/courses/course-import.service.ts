import { createHash } from "node:crypto";
import type { Course, Item } from "@attune/content";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export type ImportCounts = { total: number; added: number; updated: number; unchanged: number; archived: number };
export type CourseImportSummary = {
  courseId: string;
  title: string;
  created: boolean;
  skills: ImportCounts;
  lessons: ImportCounts;
  items: ImportCounts;
  projects: ImportCounts;
};

type ContentTable = "skills" | "lessons" | "items" | "projects";
type Row = Record<string, string | number | null>;

const CHUNK = 200;

/**
 * Upserts one content table of a course: rows are matched by id; a row that changed is updated, a new one
 * added, one no longer in the course archived (never deleted: learners' evidence points at it), and an
 * archived one that is back is restored. Returns what happened, for the import summary.
 */
async function upsertContent(trx: Kysely<Database>, table: ContentTable, courseId: string, rows: Row[], now: string): Promise<ImportCounts> {
  const ids = new Set<string>();
  for (const row of rows) {
    // The databases disagree on a repeated key inside one upsert (SQLite merges, PostgreSQL refuses): refuse here.
    if (ids.has(row.id as string)) throw new Error(`The course lists ${table} id "${row.id}" twice.`);
    ids.add(row.id as string);
  }
  const existing = await trx.selectFrom(table).selectAll().where("course_id", "=", courseId).execute();
  const before = new Map(existing.map((r) => [r.id, r as unknown as Row]));
  const counts: ImportCounts = { total: rows.length, added: 0, updated: 0, unchanged: 0, archived: 0 };
  const changed: Row[] = [];
  for (const row of rows) {
    const old = before.get(row.id as string);
    if (!old) {
      counts.added++;
      changed.push(row);
    } else if (old.archived_at !== null || Object.keys(row).some((k) => k !== "archived_at" && old[k] !== row[k])) {
      counts.updated++;
      changed.push(row);
    } else {
      counts.unchanged++;
    }
  }
  const columns = Object.keys(rows[0] ?? {}).filter((k) => k !== "course_id" && k !== "id");
  for (let i = 0; i < changed.length; i += CHUNK) {
    await trx
      .insertInto(table)
      .values(changed.slice(i, i + CHUNK) as never)
      .onConflict((oc) =>
        oc.columns(["course_id", "id"]).doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never),
      )
      .execute();
  }
  const present = new Set(rows.map((r) => r.id as string));
  const gone = existing.filter((r) => r.archived_at === null && !present.has(r.id)).map((r) => r.id);
  counts.archived = gone.length;
  for (let i = 0; i < gone.length; i += CHUNK) {
    await trx
      .updateTable(table)
      .set({ archived_at: now } as never)
      .where("course_id", "=", courseId)
      .where("id", "in", gone.slice(i, i + CHUNK))
      .execute();
  }
  return counts;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * Stores a validated course (with its template instances expanded) in one transaction: either all of it lands
 * or nothing does. Re-importing keeps learners' evidence valid: ids match, removed content is archived.
 */
export async function importCourse(
  db: Kysely<Database>,
  course: Course,
  items: Item[],
  source: "folder" | "oatutor",
  now: Date,
): Promise<CourseImportSummary> {
  const at = now.toISOString();
  const hash = createHash("sha256").update(json({ course, items })).digest("hex");
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("courses").select("id").where("id", "=", course.id).executeTakeFirst();
    const courseRow = {
      id: course.id,
      title: course.title,
      description: course.description,
      language: course.language,
      level: course.level ?? null,
      license: course.license ?? null,
      authors: json(course.authors),
      mastery_threshold: course.masteryThreshold,
      units: json(course.units),
      source,
      content_hash: hash,
      imported_at: at,
      archived_at: null,
    };
    if (existing) await trx.updateTable("courses").set(courseRow).where("id", "=", course.id).execute();
    else await trx.insertInto("courses").values(courseRow).execute();

    const base = (id: string, position: number) => ({ course_id: course.id, id, position, archived_at: null });
    const skills = await upsertContent(
      trx,
      "skills",
      course.id,
      course.skills.map((s, i) => ({
        ...base(s.id, i),
        name: s.name,
        description: s.description ?? null,
        prerequisites: json(s.prerequisites),
        tags: json(s.tags),
        mastery_threshold: s.masteryThreshold ?? null,
        bkt: s.bkt ? json(s.bkt) : null,
      })),
      at,
    );
    const lessons = await upsertContent(
      trx,
      "lessons",
      course.id,
      course.lessons.map((l, i) => ({
        ...base(l.id, i),
        title: l.title,
        skills: json(l.skills),
        minutes: l.minutes,
        body: l.body,
        variants: json(l.variants),
      })),
      at,
    );
    const itemCounts = await upsertContent(
      trx,
      "items",
      course.id,
      items.map((item, i) => ({
        ...base(item.id, i),
        type: item.type,
        skills: json(item.skills),
        template_id: item.template?.id ?? null,
        difficulty: item.difficulty ?? null,
        spec: json(item),
      })),
      at,
    );
    const projects = await upsertContent(
      trx,
      "projects",
      course.id,
      course.projects.map((p, i) => ({ ...base(p.id, i), title: p.title, skills: json(p.skills), spec: json(p) })),
      at,
    );
    return { courseId: course.id, title: course.title, created: !existing, skills, lessons, items: itemCounts, projects };
  });
}
