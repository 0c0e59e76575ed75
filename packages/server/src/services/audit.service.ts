import type { AuditEvent, AuditQuery } from "@attune/contract";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor, Deps } from "../http/app-env.ts";

export type AuditEntry = {
  action: string;
  learnerId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/**
 * Appends one audit event: who (actor and role) did what to which learner, when. Called inside the same
 * transaction as the change it records, so a change never lands without its audit event.
 */
export async function recordAudit(db: Kysely<Database>, actor: Actor | null, schoolId: string, at: Date, entry: AuditEntry) {
  await db
    .insertInto("audit_events")
    .values({
      school_id: schoolId,
      at: at.toISOString(),
      actor_id: actor?.id ?? null,
      actor_role: actor?.role ?? null,
      action: entry.action,
      learner_id: entry.learnerId ?? null,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

/**
 * Records that someone other than the learner read learners' data. One event per read, naming every learner
 * whose data was shown, so "who looked at my child's data" can be answered per learner.
 */
export async function recordLearnerDataRead(
  db: Kysely<Database>,
  actor: Actor,
  at: Date,
  action: string,
  learnerIds: string[],
  target?: { type: string; id: string },
) {
  const others = learnerIds.filter((id) => id !== actor.id);
  if (others.length === 0) return;
  await recordAudit(db, actor, actor.schoolId, at, {
    action,
    learnerId: others.length === 1 ? others[0] : null,
    ...(target ? { targetType: target.type, targetId: target.id } : {}),
    details: others.length === 1 ? undefined : { learnerIds: others },
  });
}

/** Pages through a school's audit log, newest first. */
export async function listAuditEvents(deps: Deps, actor: Actor, query: AuditQuery) {
  let base = deps.db.selectFrom("audit_events as e").where("e.school_id", "=", actor.schoolId);
  if (query.learnerId) base = base.where("e.learner_id", "=", query.learnerId);
  if (query.actorId) base = base.where("e.actor_id", "=", query.actorId);
  if (query.action) base = base.where("e.action", "=", query.action);
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin("users as a", "a.id", "e.actor_id")
    .leftJoin("users as l", "l.id", "e.learner_id")
    .select([
      "e.id",
      "e.at",
      "e.actor_id",
      "e.actor_role",
      "e.action",
      "e.learner_id",
      "e.target_type",
      "e.target_id",
      "e.details",
      "a.name as actor_name",
      "l.name as learner_name",
    ])
    .orderBy("e.id", "desc")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const items: AuditEvent[] = rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    action: r.action,
    learnerId: r.learner_id,
    learnerName: r.learner_name,
    targetType: r.target_type,
    targetId: r.target_id,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
  }));
  return { items, page: query.page, pageSize: query.pageSize, total: Number(total.n) };
}
