import type { ClassDetail, ClassSummary, CreateClassInput, UpdateClassInput } from "@attune/contract";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor, Deps } from "../http/app-env.ts";
import { badRequest, forbidden, notFound } from "../http/errors.ts";
import { recordAudit, recordLearnerDataRead } from "./audit.service.ts";
import { findSchoolUser } from "./users.service.ts";

type ClassRow = { id: string; name: string; subject: string | null; archived_at: string | null; course_id: string | null };

async function summaries(db: Kysely<Database>, rows: ClassRow[]): Promise<ClassSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db
    .selectFrom("enrolments as e")
    .innerJoin("users as u", "u.id", "e.learner_id")
    .select(["e.class_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("e.class_id", "in", ids)
    .where("u.active", "=", 1)
    .groupBy("e.class_id")
    .execute();
  const teachers = await db
    .selectFrom("class_teachers as t")
    .innerJoin("users as u", "u.id", "t.teacher_id")
    .select(["t.class_id", "u.id", "u.name"])
    .where("t.class_id", "in", ids)
    .orderBy("u.name")
    .execute();
  const courseIds = [...new Set(rows.map((r) => r.course_id).filter((c): c is string => c !== null))];
  const courses = courseIds.length === 0 ? [] : await db.selectFrom("courses").select(["id", "title"]).where("id", "in", courseIds).execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    subject: r.subject,
    course: courses.find((c) => c.id === r.course_id) ?? null,
    archived: r.archived_at !== null,
    learnerCount: Number(counts.find((c) => c.class_id === r.id)?.n ?? 0),
    teachers: teachers.filter((t) => t.class_id === r.id).map((t) => ({ id: t.id, name: t.name })),
  }));
}

/** The classes the actor may see: all of the school's for an admin, taught ones for a teacher, own for a learner. */
export async function listClasses(deps: Deps, actor: Actor): Promise<ClassSummary[]> {
  let q = deps.db
    .selectFrom("classes as c")
    .select(["c.id", "c.name", "c.subject", "c.archived_at", "c.course_id"])
    .where("c.school_id", "=", actor.schoolId);
  if (actor.role === "teacher") {
    q = q.where("c.id", "in", (eb) => eb.selectFrom("class_teachers").select("class_id").where("teacher_id", "=", actor.id));
  } else if (actor.role === "learner") {
    q = q.where("c.id", "in", (eb) => eb.selectFrom("enrolments").select("class_id").where("learner_id", "=", actor.id));
  } else if (actor.role !== "admin") {
    throw forbidden();
  }
  if (actor.role !== "admin") q = q.where("c.archived_at", "is", null);
  const rows = await q.orderBy("c.name").orderBy("c.id").execute();
  return summaries(deps.db, rows);
}

export async function classOfSchool(db: Kysely<Database>, actor: Actor, classId: string) {
  const row = await db
    .selectFrom("classes")
    .select(["id", "name", "subject", "archived_at", "course_id"])
    .where("id", "=", classId)
    .where("school_id", "=", actor.schoolId)
    .executeTakeFirst();
  if (!row) throw notFound("Class");
  return row;
}

/** A teacher may open only the classes they teach; an admin any class of the school. */
export async function assertMayReadClass(db: Kysely<Database>, actor: Actor, classId: string) {
  if (actor.role === "admin") return;
  if (actor.role === "teacher") {
    const teaches = await db
      .selectFrom("class_teachers")
      .select("class_id")
      .where("class_id", "=", classId)
      .where("teacher_id", "=", actor.id)
      .executeTakeFirst();
    if (teaches) return;
  }
  throw forbidden("Only the class's teachers and the school's admins can open this class.");
}

export async function getClass(deps: Deps, actor: Actor, classId: string): Promise<ClassDetail> {
  const row = await classOfSchool(deps.db, actor, classId);
  await assertMayReadClass(deps.db, actor, classId);
  const [summary] = await summaries(deps.db, [row]);
  const learners = await deps.db
    .selectFrom("enrolments as e")
    .innerJoin("users as u", "u.id", "e.learner_id")
    .select(["u.id", "u.name", "u.email", "u.active"])
    .where("e.class_id", "=", classId)
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
  await recordLearnerDataRead(
    deps.db,
    actor,
    deps.now(),
    "class.roster.read",
    learners.map((l) => l.id),
    { type: "class", id: classId },
  );
  return {
    ...summary!,
    learners: learners.map((l) => ({ id: l.id, name: l.name, email: l.email, active: Number(l.active) === 1 })),
  };
}

async function assertCourseExists(db: Kysely<Database>, courseId: string | null | undefined) {
  if (!courseId) return;
  const course = await db.selectFrom("courses").select("id").where("id", "=", courseId).where("archived_at", "is", null).executeTakeFirst();
  if (!course) throw badRequest("No such course.", [{ path: "courseId", message: "no course with this id" }]);
}

export async function createClass(deps: Deps, actor: Actor, input: CreateClassInput): Promise<ClassSummary> {
  await assertCourseExists(deps.db, input.courseId);
  const teacherIds = [...new Set(input.teacherIds ?? [])];
  for (const id of teacherIds) await findSchoolUser(deps.db, actor.schoolId, id, "teacher");
  const now = deps.now();
  const id = crypto.randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("classes")
      .values({
        id,
        school_id: actor.schoolId,
        name: input.name,
        subject: input.subject ?? null,
        course_id: input.courseId ?? null,
        created_at: now.toISOString(),
        archived_at: null,
      })
      .execute();
    for (const teacherId of teacherIds) {
      await trx.insertInto("class_teachers").values({ class_id: id, teacher_id: teacherId, created_at: now.toISOString() }).execute();
    }
    await recordAudit(trx, actor, actor.schoolId, now, { action: "class.create", targetType: "class", targetId: id });
  });
  return getClassSummary(deps, actor, id);
}

export async function updateClass(deps: Deps, actor: Actor, classId: string, input: UpdateClassInput) {
  const row = await classOfSchool(deps.db, actor, classId);
  await assertCourseExists(deps.db, input.courseId);
  const now = deps.now();
  const archivedAt =
    input.archived === undefined ? row.archived_at : input.archived ? (row.archived_at ?? now.toISOString()) : null;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("classes")
      .set({
        name: input.name ?? row.name,
        subject: input.subject === undefined ? row.subject : input.subject,
        course_id: input.courseId === undefined ? row.course_id : input.courseId,
        archived_at: archivedAt,
      })
      .where("id", "=", classId)
      .execute();
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: "class.update",
      targetType: "class",
      targetId: classId,
      details: { fields: Object.keys(input) },
    });
  });
  return getClassSummary(deps, actor, classId);
}

export async function addTeacher(deps: Deps, actor: Actor, classId: string, teacherId: string) {
  await classOfSchool(deps.db, actor, classId);
  await findSchoolUser(deps.db, actor.schoolId, teacherId, "teacher");
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("class_teachers")
      .select("class_id")
      .where("class_id", "=", classId)
      .where("teacher_id", "=", teacherId)
      .executeTakeFirst();
    if (existing) return;
    await trx.insertInto("class_teachers").values({ class_id: classId, teacher_id: teacherId, created_at: now.toISOString() }).execute();
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: "class.teacher.add",
      targetType: "class",
      targetId: classId,
      details: { teacherId },
    });
  });
  return getClassSummary(deps, actor, classId);
}

export async function removeTeacher(deps: Deps, actor: Actor, classId: string, teacherId: string) {
  await classOfSchool(deps.db, actor, classId);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("class_teachers")
      .where("class_id", "=", classId)
      .where("teacher_id", "=", teacherId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound("Teacher of this class");
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: "class.teacher.remove",
      targetType: "class",
      targetId: classId,
      details: { teacherId },
    });
  });
  return getClassSummary(deps, actor, classId);
}

export async function enrolLearners(deps: Deps, actor: Actor, classId: string, learnerIds: string[]) {
  await classOfSchool(deps.db, actor, classId);
  const unique = [...new Set(learnerIds)];
  const found = await deps.db
    .selectFrom("users")
    .select("id")
    .where("id", "in", unique)
    .where("school_id", "=", actor.schoolId)
    .where("role", "=", "learner")
    .execute();
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) {
    throw badRequest(
      "Some ids are not learners of this school.",
      missing.map((id) => ({ path: `learnerIds.${learnerIds.indexOf(id)}`, message: "not a learner of this school" })),
    );
  }
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const already = await trx
      .selectFrom("enrolments")
      .select("learner_id")
      .where("class_id", "=", classId)
      .where("learner_id", "in", unique)
      .execute();
    for (const learnerId of unique) {
      if (already.some((a) => a.learner_id === learnerId)) continue;
      await trx.insertInto("enrolments").values({ class_id: classId, learner_id: learnerId, created_at: now.toISOString() }).execute();
      await recordAudit(trx, actor, actor.schoolId, now, { action: "class.enrol", learnerId, targetType: "class", targetId: classId });
    }
  });
  return getClassSummary(deps, actor, classId);
}

export async function unenrolLearner(deps: Deps, actor: Actor, classId: string, learnerId: string) {
  await classOfSchool(deps.db, actor, classId);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("enrolments")
      .where("class_id", "=", classId)
      .where("learner_id", "=", learnerId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound("Enrolment");
    await recordAudit(trx, actor, actor.schoolId, now, { action: "class.unenrol", learnerId, targetType: "class", targetId: classId });
  });
  return getClassSummary(deps, actor, classId);
}

async function getClassSummary(deps: Deps, actor: Actor, classId: string) {
  const row = await classOfSchool(deps.db, actor, classId);
  const [summary] = await summaries(deps.db, [row]);
  return summary!;
}
