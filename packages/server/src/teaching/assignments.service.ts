import type { Assignment, CreateAssignmentInput } from "@attune/contract";
import type { Assignment as EngineAssignment } from "@attune/engine";
import type { Kysely } from "kysely";
import { compiledQuery } from "../db/compiled-query.ts";
import type { AssignmentsTable, Database } from "../db/schema.ts";
import type { Actor, Deps } from "../http/app-env.ts";
import { badRequest, notFound } from "../http/errors.ts";
import { recordAudit } from "../services/audit.service.ts";
import { classLearners, parseList, taughtClass } from "./teaching-access.ts";

/** A due date given as a day means the end of that day (UTC): "due Friday" is still on time on Friday evening. */
export function dueAtOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.000Z` : new Date(value).toISOString();
}

type AssignmentRow = Awaited<ReturnType<typeof assignmentRows>>[number];

function assignmentRows(db: Kysely<Database>) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("users as u", "u.id", "a.created_by")
    .leftJoin("learner_groups as g", "g.id", "a.group_id")
    .select([
      "a.id",
      "a.class_id",
      "a.course_id",
      "a.title",
      "a.skill_ids",
      "a.lesson_id",
      "a.item_ids",
      "a.audience",
      "a.due_at",
      "a.note",
      "a.created_at",
      "a.created_by",
      "u.name as created_by_name",
      "g.id as group_id",
      "g.name as group_name",
    ])
    .where("a.archived_at", "is", null)
    .orderBy("a.created_at", "desc")
    .orderBy("a.id")
    .execute();
}

/** Assignments as the contract shows them: who got them and who is done (every assigned skill mastered). */
async function present(deps: Deps, rows: AssignmentRow[]): Promise<Assignment[]> {
  if (rows.length === 0) return [];
  const recipients = await deps.db
    .selectFrom("assignment_recipients as r")
    .innerJoin("users as u", "u.id", "r.learner_id")
    .select(["r.assignment_id", "u.id", "u.name"])
    .where("r.assignment_id", "in", rows.map((r) => r.id))
    .orderBy("u.name")
    .execute();
  const learnerIds = [...new Set(recipients.map((r) => r.id))];
  const mastered =
    learnerIds.length === 0
      ? []
      : await deps.db
          .selectFrom("learner_skill_states")
          .select(["learner_id", "course_id", "skill_id"])
          .where("learner_id", "in", learnerIds)
          .where("mastered_at", "is not", null)
          .execute();
  const masteredSet = new Set(mastered.map((m) => `${m.learner_id}|${m.course_id}|${m.skill_id}`));
  const out: Assignment[] = [];
  for (const row of rows) {
    const course = await deps.courses.get(row.course_id);
    const skillIds = parseList(row.skill_ids);
    const lesson = row.lesson_id ? course.lessons.find((l) => l.id === row.lesson_id) : undefined;
    out.push({
      id: row.id,
      title: row.title,
      skills: skillIds.map((id) => ({ id, name: course.skillById.get(id)?.name ?? id })),
      lesson: lesson ? { id: lesson.id, title: lesson.title } : null,
      itemIds: parseList(row.item_ids),
      audience: { kind: row.audience as "class" | "group" | "learners", group: row.group_id ? { id: row.group_id, name: row.group_name ?? "" } : null },
      recipients: recipients
        .filter((r) => r.assignment_id === row.id)
        .map((r) => ({ id: r.id, name: r.name, done: skillIds.length > 0 && skillIds.every((s) => masteredSet.has(`${r.id}|${row.course_id}|${s}`)) })),
      dueAt: row.due_at,
      note: row.note,
      createdBy: { id: row.created_by, name: row.created_by_name },
      createdAt: row.created_at,
    });
  }
  return out;
}

export async function listClassAssignments(deps: Deps, actor: Actor, classId: string): Promise<Assignment[]> {
  await taughtClass(deps.db, actor, classId);
  const rows = (await assignmentRows(deps.db)).filter((r) => r.class_id === classId);
  return present(deps, rows);
}

/** The assignments a learner has received in a class (for the teacher's drill-down). */
export async function learnerAssignments(deps: Deps, classId: string, learnerId: string): Promise<Assignment[]> {
  const ids = await deps.db.selectFrom("assignment_recipients").select("assignment_id").where("learner_id", "=", learnerId).execute();
  const wanted = new Set(ids.map((i) => i.assignment_id));
  const rows = (await assignmentRows(deps.db)).filter((r) => r.class_id === classId && wanted.has(r.id));
  return present(deps, rows);
}

/**
 * Gives skills, a lesson or items to the class, a saved group or chosen learners, with a due date. The recipients
 * are written out, so the engine finds a learner's assignments by one lookup and a later roster change does not
 * rewrite who was asked to do what.
 */
export async function createAssignment(deps: Deps, actor: Actor, classId: string, input: CreateAssignmentInput): Promise<Assignment> {
  const cls = await taughtClass(deps.db, actor, classId);
  if (!cls.course_id) throw badRequest("This class follows no course yet: choose a course before assigning work.");
  const course = await deps.courses.get(cls.course_id);
  const details: { path: string; message: string }[] = [];
  input.skillIds.forEach((id, i) => {
    if (!course.skillById.has(id)) details.push({ path: `skillIds.${i}`, message: `no skill "${id}" in ${course.title}` });
  });
  if (input.lessonId !== undefined && !course.lessons.some((l) => l.id === input.lessonId)) {
    details.push({ path: "lessonId", message: `no lesson "${input.lessonId}" in ${course.title}` });
  }
  if (input.itemIds.length > 0) {
    const found = await deps.db.selectFrom("items").select("id").where("course_id", "=", course.id).where("id", "in", input.itemIds).execute();
    const have = new Set(found.map((f) => f.id));
    input.itemIds.forEach((id, i) => {
      if (!have.has(id)) details.push({ path: `itemIds.${i}`, message: `no item "${id}" in ${course.title}` });
    });
  }
  if (details.length > 0) throw badRequest("The assignment names content the course does not have.", details);

  const roster = await classLearners(deps.db, classId);
  const inClass = new Set(roster.map((l) => l.id));
  let recipients: string[];
  let groupId: string | null = null;
  if (input.audience.kind === "class") recipients = roster.map((l) => l.id);
  else if (input.audience.kind === "group") {
    const group = await deps.db
      .selectFrom("learner_groups")
      .select("id")
      .where("id", "=", input.audience.groupId)
      .where("class_id", "=", classId)
      .where("archived_at", "is", null)
      .executeTakeFirst();
    if (!group) throw notFound("Group");
    groupId = group.id;
    const members = await deps.db.selectFrom("learner_group_members").select("learner_id").where("group_id", "=", group.id).execute();
    recipients = members.map((m) => m.learner_id).filter((id) => inClass.has(id));
  } else {
    const outside = input.audience.learnerIds.filter((id) => !inClass.has(id));
    if (outside.length > 0) throw badRequest("Some learners are not in this class.", outside.map((id) => ({ path: "audience.learnerIds", message: `${id} is not enrolled` })));
    recipients = [...new Set(input.audience.learnerIds)];
  }
  if (recipients.length === 0) throw badRequest("Nobody would receive this assignment.");

  const names = input.skillIds.map((id) => course.skillById.get(id)!.name);
  const lesson = input.lessonId ? course.lessons.find((l) => l.id === input.lessonId) : undefined;
  const title = input.title ?? (names.length > 0 ? names.join(", ") : lesson ? lesson.title : `${input.itemIds.length} practice items`);
  const id = crypto.randomUUID();
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("assignments")
      .values({
        id,
        school_id: actor.schoolId,
        class_id: classId,
        course_id: course.id,
        title,
        skill_ids: JSON.stringify(input.skillIds),
        lesson_id: input.lessonId ?? null,
        item_ids: JSON.stringify(input.itemIds),
        audience: input.audience.kind,
        group_id: groupId,
        due_at: dueAtOf(input.dueAt),
        note: input.note ?? null,
        created_by: actor.id,
        created_at: now.toISOString(),
        archived_at: null,
      })
      .execute();
    await trx.insertInto("assignment_recipients").values(recipients.map((learner_id) => ({ assignment_id: id, learner_id }))).execute();
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: "assignment.create",
      learnerId: recipients.length === 1 ? recipients[0] : null,
      targetType: "assignment",
      targetId: id,
      details: { classId, learnerIds: recipients },
    });
  });
  const rows = (await assignmentRows(deps.db)).filter((r) => r.id === id);
  return (await present(deps, rows))[0]!;
}

/** Withdraws an assignment (kept in the record, no longer shown to learners or used by the engine). */
export async function archiveAssignment(deps: Deps, actor: Actor, classId: string, assignmentId: string) {
  await taughtClass(deps.db, actor, classId);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable("assignments")
      .set({ archived_at: now.toISOString() })
      .where("id", "=", assignmentId)
      .where("class_id", "=", classId)
      .where("archived_at", "is", null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw notFound("Assignment");
    await recordAudit(trx, actor, actor.schoolId, now, { action: "assignment.withdraw", targetType: "assignment", targetId: assignmentId, details: { classId } });
  });
  return { ok: true as const };
}

type OpenAssignmentRow = Pick<AssignmentsTable, "id" | "skill_ids" | "lesson_id" | "item_ids" | "due_at"> & { by: string };

// Written once (see `compiledQuery`): the answer loop reads a learner's assignments after every answer, and
// building this three-table join with Kysely cost more CPU than running it.
const selectOpenAssignments = compiledQuery<{ learnerId: string; courseId: string }, OpenAssignmentRow>((db, param) =>
  db
    .selectFrom("assignment_recipients as r")
    .innerJoin("assignments as a", "a.id", "r.assignment_id")
    .innerJoin("users as u", "u.id", "a.created_by")
    .select(["a.id", "a.skill_ids", "a.lesson_id", "a.item_ids", "a.due_at", "u.name as by"])
    .where("r.learner_id", "=", param("learnerId"))
    .where("a.course_id", "=", param("courseId"))
    .where("a.archived_at", "is", null)
    .orderBy("a.due_at"),
);

/** A learner's open assignments in a course, as the engine's policy takes them (it gives them priority). */
export async function engineAssignmentsFor(db: Kysely<Database>, learnerId: string, courseId: string): Promise<EngineAssignment[]> {
  const rows = await selectOpenAssignments.execute(db, { learnerId, courseId });
  return rows.map((r) => {
    const skillIds = parseList(r.skill_ids);
    const itemIds = parseList(r.item_ids);
    return {
      id: r.id,
      ...(skillIds.length > 0 ? { skillIds } : {}),
      ...(r.lesson_id ? { lessonId: r.lesson_id } : {}),
      ...(itemIds.length > 0 ? { itemIds } : {}),
      ...(r.due_at ? { dueAt: Date.parse(r.due_at) } : {}),
      assignedBy: r.by,
    };
  });
}

/** What the learner's Today lists: their open assignments in a course, soonest due first, and whether each is done. */
export async function learnerOpenAssignments(db: Kysely<Database>, learnerId: string, courseId: string) {
  const [rows, mastered] = await Promise.all([
    db
      .selectFrom("assignment_recipients as r")
      .innerJoin("assignments as a", "a.id", "r.assignment_id")
      .innerJoin("users as u", "u.id", "a.created_by")
      .select(["a.id", "a.title", "a.due_at", "a.skill_ids", "u.name as by"])
      .where("r.learner_id", "=", learnerId)
      .where("a.course_id", "=", courseId)
      .where("a.archived_at", "is", null)
      .execute(),
    db.selectFrom("learner_skill_states").select("skill_id").where("learner_id", "=", learnerId).where("course_id", "=", courseId).where("mastered_at", "is not", null).execute(),
  ]);
  const done = new Set(mastered.map((m) => m.skill_id));
  return rows
    .map((r) => {
      const skills = parseList(r.skill_ids);
      return { id: r.id, title: r.title, dueAt: r.due_at, assignedBy: r.by, done: skills.length > 0 && skills.every((s) => done.has(s)) };
    })
    .sort((a, b) => (a.dueAt ?? "9999").localeCompare(b.dueAt ?? "9999") || a.title.localeCompare(b.title));
}
