import type { CreateUserInput, LinkedLearner, Role, UserDetail, UserListQuery, UserSummary } from "@attune/contract";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor, Deps } from "../http/app-env.ts";
import { AppError, conflict, notFound } from "../http/errors.ts";
import { recordAudit, recordLearnerDataRead } from "./audit.service.ts";
import { generateTemporaryPassword, hashAccountPassword } from "./passwords.ts";

type UserRow = { id: string; name: string; email: string; role: Role; active: number; created_at: Date | string };

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    active: Number(row.active) === 1,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A user of the actor's school, or 404: other schools' users do not exist for this actor. */
export async function findSchoolUser(db: Kysely<Database>, schoolId: string, userId: string, role?: Role) {
  let q = db
    .selectFrom("users")
    .select(["id", "name", "email", "role", "active", "created_at", "school_id"])
    .where("id", "=", userId)
    .where("school_id", "=", schoolId);
  if (role) q = q.where("role", "=", role);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(role ? `${role[0]!.toUpperCase()}${role.slice(1)}` : "User");
  return row;
}

export async function listUsers(deps: Deps, actor: Actor, query: UserListQuery) {
  let base = deps.db.selectFrom("users").where("school_id", "=", actor.schoolId);
  if (query.role) base = base.where("role", "=", query.role);
  if (query.active) base = base.where("active", "=", query.active === "true" ? 1 : 0);
  if (query.q) {
    const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, "like", sql`${pattern} escape '\\'`),
        eb(sql`lower(email)`, "like", sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .select(["id", "name", "email", "role", "active", "created_at"])
    .orderBy("role")
    .orderBy("name")
    .orderBy("id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  await recordLearnerDataRead(
    deps.db,
    actor,
    deps.now(),
    "users.list",
    rows.filter((r) => r.role === "learner").map((r) => r.id),
  );
  return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total: Number(total.n) };
}

export async function getUser(deps: Deps, actor: Actor, userId: string): Promise<UserDetail> {
  const user = await findSchoolUser(deps.db, actor.schoolId, userId);
  const taught = await deps.db
    .selectFrom("class_teachers as t")
    .innerJoin("classes as c", "c.id", "t.class_id")
    .select(["c.id", "c.name"])
    .where("t.teacher_id", "=", userId)
    .execute();
  const enrolled = await deps.db
    .selectFrom("enrolments as e")
    .innerJoin("classes as c", "c.id", "e.class_id")
    .select(["c.id", "c.name"])
    .where("e.learner_id", "=", userId)
    .execute();
  const guardians = await deps.db
    .selectFrom("guardian_links as g")
    .innerJoin("users as u", "u.id", "g.guardian_id")
    .select(["u.id", "u.name"])
    .where("g.learner_id", "=", userId)
    .orderBy("u.name")
    .execute();
  const learners = await deps.db
    .selectFrom("guardian_links as g")
    .innerJoin("users as u", "u.id", "g.learner_id")
    .select(["u.id", "u.name"])
    .where("g.guardian_id", "=", userId)
    .orderBy("u.name")
    .execute();
  const readLearners = user.role === "learner" ? [user.id] : learners.map((l) => l.id);
  await recordLearnerDataRead(deps.db, actor, deps.now(), "user.read", readLearners, { type: "user", id: user.id });
  return {
    ...toSummary(user),
    classes: [
      ...taught.map((c) => ({ ...c, relation: "teaches" as const })),
      ...enrolled.map((c) => ({ ...c, relation: "enrolled" as const })),
    ],
    guardians,
    learners,
  };
}

/** Creates an account (user + email/password credential) in the given school. */
export async function insertAccount(
  db: Kysely<Database>,
  dialect: Deps["dialect"],
  schoolId: string,
  input: { name: string; email: string; role: Role; passwordHash: string },
  now: Date,
): Promise<UserRow> {
  const id = crypto.randomUUID();
  const at = dateForDialect({ dialect }, now);
  const existing = await db.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst();
  if (existing) throw conflict("An account with this email already exists.");
  await db
    .insertInto("users")
    .values({
      id,
      name: input.name,
      email: input.email,
      email_verified: 0,
      image: null,
      created_at: at,
      updated_at: at,
      role: input.role,
      school_id: schoolId,
      active: 1,
    })
    .execute();
  await db
    .insertInto("accounts")
    .values({
      id: crypto.randomUUID(),
      user_id: id,
      account_id: id,
      provider_id: "credential",
      password: input.passwordHash,
      created_at: at,
      updated_at: at,
    } as never)
    .execute();
  return { id, name: input.name, email: input.email, role: input.role, active: 1, created_at: now.toISOString() };
}

export async function createUser(deps: Deps, actor: Actor, input: CreateUserInput) {
  const temporaryPassword = input.password ? undefined : generateTemporaryPassword();
  const passwordHash = await hashAccountPassword(input.password ?? temporaryPassword!);
  const now = deps.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    const created = await insertAccount(trx, deps.dialect, actor.schoolId, { ...input, passwordHash }, now);
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: "user.create",
      learnerId: input.role === "learner" ? created.id : null,
      targetType: "user",
      targetId: created.id,
      details: { role: input.role },
    });
    return created;
  });
  return { user: toSummary(row), ...(temporaryPassword ? { temporaryPassword } : {}) };
}

/** better-auth's columns hold Date on PostgreSQL and ISO text on SQLite. */
export function dateForDialect(deps: Pick<Deps, "dialect">, at: Date): Date | string {
  return deps.dialect === "postgres" ? at : at.toISOString();
}

export async function resetPassword(deps: Deps, actor: Actor, userId: string) {
  const user = await findSchoolUser(deps.db, actor.schoolId, userId);
  const temporaryPassword = generateTemporaryPassword();
  const hash = await hashAccountPassword(temporaryPassword);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("accounts")
      .set({ password: hash, updated_at: dateForDialect(deps, now) })
      .where("user_id", "=", user.id)
      .where("provider_id", "=", "credential")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError(409, "conflict", "This user has no password sign-in.");
    // Every existing session ends: whoever knew the old password is signed out.
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: "user.password-reset",
      learnerId: user.role === "learner" ? user.id : null,
      targetType: "user",
      targetId: user.id,
    });
  });
  deps.sessions.forgetUser(user.id);
  return { temporaryPassword };
}

export async function setUserActive(deps: Deps, actor: Actor, userId: string, active: boolean) {
  const user = await findSchoolUser(deps.db, actor.schoolId, userId);
  if (user.id === actor.id && !active) throw conflict("You cannot deactivate your own account.");
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ active: active ? 1 : 0, updated_at: dateForDialect(deps, now) })
      .where("id", "=", user.id)
      .execute();
    if (!active) await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: active ? "user.reactivate" : "user.deactivate",
      learnerId: user.role === "learner" ? user.id : null,
      targetType: "user",
      targetId: user.id,
    });
  });
  deps.sessions.forgetUser(user.id);
  return toSummary({ ...user, active: active ? 1 : 0 });
}

export async function linkGuardian(deps: Deps, actor: Actor, guardianId: string, learnerId: string) {
  await findSchoolUser(deps.db, actor.schoolId, guardianId, "guardian");
  await findSchoolUser(deps.db, actor.schoolId, learnerId, "learner");
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("guardian_links")
      .select("guardian_id")
      .where("guardian_id", "=", guardianId)
      .where("learner_id", "=", learnerId)
      .executeTakeFirst();
    if (existing) return;
    await trx
      .insertInto("guardian_links")
      .values({ guardian_id: guardianId, learner_id: learnerId, created_at: now.toISOString() })
      .execute();
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: "guardian.link",
      learnerId,
      targetType: "user",
      targetId: guardianId,
    });
  });
  return { ok: true as const };
}

export async function unlinkGuardian(deps: Deps, actor: Actor, guardianId: string, learnerId: string) {
  await findSchoolUser(deps.db, actor.schoolId, guardianId, "guardian");
  await findSchoolUser(deps.db, actor.schoolId, learnerId, "learner");
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("guardian_links")
      .where("guardian_id", "=", guardianId)
      .where("learner_id", "=", learnerId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound("Guardian link");
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: "guardian.unlink",
      learnerId,
      targetType: "user",
      targetId: guardianId,
    });
  });
  return { ok: true as const };
}

/** A guardian's own linked learners, with their classes. */
export async function listLinkedLearners(deps: Deps, actor: Actor): Promise<LinkedLearner[]> {
  const learners = await deps.db
    .selectFrom("guardian_links as g")
    .innerJoin("users as u", "u.id", "g.learner_id")
    .select(["u.id", "u.name"])
    .where("g.guardian_id", "=", actor.id)
    .where("u.school_id", "=", actor.schoolId)
    .orderBy("u.name")
    .execute();
  const ids = learners.map((l) => l.id);
  const classes =
    ids.length === 0
      ? []
      : await deps.db
          .selectFrom("enrolments as e")
          .innerJoin("classes as c", "c.id", "e.class_id")
          .select(["e.learner_id", "c.id", "c.name"])
          .where("e.learner_id", "in", ids)
          .where("c.archived_at", "is", null)
          .orderBy("c.name")
          .execute();
  await recordLearnerDataRead(deps.db, actor, deps.now(), "guardian.learners.read", ids);
  return learners.map((l) => ({
    ...l,
    classes: classes.filter((c) => c.learner_id === l.id).map((c) => ({ id: c.id, name: c.name })),
  }));
}
