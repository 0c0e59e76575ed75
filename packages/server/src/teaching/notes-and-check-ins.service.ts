import type { CheckIn } from "@attune/contract";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor, Deps } from "../http/app-env.ts";
import { notFound } from "../http/errors.ts";
import { recordAudit } from "../services/audit.service.ts";
import { dueAtOf } from "./assignments.service.ts";
import { learnerOfTaughtClass, parseList } from "./teaching-access.ts";

export type Note = { id: string; body: string; author: { id: string; name: string }; sharedWithFamily: boolean; createdAt: string };

/** Notes about a learner, newest first; `familyOnly` for the guardian's view. */
export async function learnerNotes(db: Kysely<Database>, learnerId: string, familyOnly = false): Promise<Note[]> {
  let q = db
    .selectFrom("learner_notes as n")
    .innerJoin("users as u", "u.id", "n.author_id")
    .select(["n.id", "n.body", "n.shared_with_family", "n.created_at", "u.id as author_id", "u.name as author_name"])
    .where("n.learner_id", "=", learnerId);
  if (familyOnly) q = q.where("n.shared_with_family", "=", 1);
  const rows = await q.orderBy("n.created_at", "desc").orderBy("n.id").limit(100).execute();
  return rows.map((r) => ({ id: r.id, body: r.body, author: { id: r.author_id, name: r.author_name }, sharedWithFamily: r.shared_with_family === 1, createdAt: r.created_at }));
}

export async function createNote(deps: Deps, actor: Actor, classId: string, learnerId: string, input: { body: string; sharedWithFamily: boolean }): Promise<Note> {
  await learnerOfTaughtClass(deps.db, actor, classId, learnerId);
  const id = crypto.randomUUID();
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("learner_notes")
      .values({ id, school_id: actor.schoolId, learner_id: learnerId, author_id: actor.id, body: input.body, shared_with_family: input.sharedWithFamily ? 1 : 0, created_at: now.toISOString() })
      .execute();
    await recordAudit(trx, actor, actor.schoolId, now, { action: "note.create", learnerId, targetType: "note", targetId: id, details: { sharedWithFamily: input.sharedWithFamily } });
  });
  return { id, body: input.body, author: { id: actor.id, name: actor.name }, sharedWithFamily: input.sharedWithFamily, createdAt: now.toISOString() };
}

function checkInRows(db: Kysely<Database>) {
  return db
    .selectFrom("check_ins as c")
    .innerJoin("users as m", "m.id", "c.mentor_id")
    .innerJoin("users as l", "l.id", "c.learner_id")
    .select(["c.id", "c.scheduled_at", "c.agenda", "c.notes", "c.next_steps", "c.status", "c.completed_at", "c.school_id", "m.id as mentor_id", "m.name as mentor_name", "l.id as learner_id", "l.name as learner_name"]);
}

function presentCheckIn(r: Awaited<ReturnType<ReturnType<typeof checkInRows>["execute"]>>[number]): CheckIn {
  return {
    id: r.id,
    learner: { id: r.learner_id, name: r.learner_name },
    mentor: { id: r.mentor_id, name: r.mentor_name },
    scheduledAt: r.scheduled_at,
    agenda: parseList(r.agenda),
    notes: r.notes,
    nextSteps: parseList(r.next_steps),
    status: r.status as CheckIn["status"],
    completedAt: r.completed_at,
  };
}

export async function learnerCheckIns(db: Kysely<Database>, learnerId: string): Promise<CheckIn[]> {
  const rows = await checkInRows(db).where("c.learner_id", "=", learnerId).orderBy("c.scheduled_at", "desc").orderBy("c.id").limit(50).execute();
  return rows.map(presentCheckIn);
}

/** Agreed next steps of the learner's completed check-ins (the newest first), which their plan shows. */
export async function agreedNextSteps(db: Kysely<Database>, learnerId: string): Promise<{ step: string; agreedAt: string; mentor: string }[]> {
  const rows = await checkInRows(db).where("c.learner_id", "=", learnerId).where("c.status", "=", "done").orderBy("c.completed_at", "desc").limit(3).execute();
  return rows.flatMap((r) => parseList(r.next_steps).map((step) => ({ step, agreedAt: r.completed_at ?? r.scheduled_at, mentor: r.mentor_name })));
}

/**
 * Schedules a one-on-one check-in. The agenda starts from what the data says (the caller passes the learner's
 * alerts and plan status as `suggestedAgenda`) plus anything the mentor adds.
 */
export async function createCheckIn(
  deps: Deps,
  actor: Actor,
  classId: string,
  learnerId: string,
  input: { scheduledAt: string; agenda?: string[] },
  suggestedAgenda: string[],
): Promise<CheckIn> {
  await learnerOfTaughtClass(deps.db, actor, classId, learnerId);
  const id = crypto.randomUUID();
  const now = deps.now();
  const agenda = [...new Set([...suggestedAgenda, ...(input.agenda ?? [])])].slice(0, 20);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("check_ins")
      .values({
        id,
        school_id: actor.schoolId,
        learner_id: learnerId,
        mentor_id: actor.id,
        scheduled_at: /^\d{4}-\d{2}-\d{2}$/.test(input.scheduledAt) ? `${input.scheduledAt}T09:00:00.000Z` : new Date(input.scheduledAt).toISOString(),
        agenda: JSON.stringify(agenda),
        notes: null,
        next_steps: "[]",
        status: "scheduled",
        created_at: now.toISOString(),
        completed_at: null,
      })
      .execute();
    await recordAudit(trx, actor, actor.schoolId, now, { action: "check-in.schedule", learnerId, targetType: "check-in", targetId: id });
  });
  const row = await checkInRows(deps.db).where("c.id", "=", id).executeTakeFirstOrThrow();
  return presentCheckIn(row);
}

/** Notes, agreed next steps, status or a new time; only the mentor who holds it or an admin can change it. */
export async function updateCheckIn(
  deps: Deps,
  actor: Actor,
  checkInId: string,
  input: { notes?: string | null; nextSteps?: string[]; status?: "scheduled" | "done" | "cancelled"; scheduledAt?: string },
): Promise<CheckIn> {
  const row = await checkInRows(deps.db).where("c.id", "=", checkInId).where("c.school_id", "=", actor.schoolId).executeTakeFirst();
  if (!row || (actor.role !== "admin" && row.mentor_id !== actor.id)) throw notFound("Check-in");
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("check_ins")
      .set({
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(input.nextSteps !== undefined ? { next_steps: JSON.stringify(input.nextSteps) } : {}),
        ...(input.status !== undefined ? { status: input.status, completed_at: input.status === "done" ? now.toISOString() : null } : {}),
        ...(input.scheduledAt !== undefined ? { scheduled_at: dueAtOf(input.scheduledAt)! } : {}),
      })
      .where("id", "=", checkInId)
      .execute();
    await recordAudit(trx, actor, actor.schoolId, now, { action: "check-in.update", learnerId: row.learner_id, targetType: "check-in", targetId: checkInId, details: { status: input.status ?? row.status } });
  });
  return presentCheckIn(await checkInRows(deps.db).where("c.id", "=", checkInId).executeTakeFirstOrThrow());
}
