import { hashAccountPassword } from "../services/passwords.ts";
import { insertAccount } from "../services/users.service.ts";
import type { TestApp } from "./test-app.ts";

export const OTHER_PASSWORD = "other-school-password";

/** A second school with one person of each role, to prove no route crosses the tenant boundary. */
export async function seedOtherSchool(t: TestApp) {
  const { db, dialect } = t.deps;
  const now = new Date();
  const schoolId = crypto.randomUUID();
  await db.insertInto("schools").values({ id: schoolId, name: "Hillside School", created_at: now.toISOString() }).execute();
  const passwordHash = await hashAccountPassword(OTHER_PASSWORD);
  const ids: Record<string, string> = {};
  for (const role of ["admin", "teacher", "learner", "guardian"] as const) {
    const row = await insertAccount(db, dialect, schoolId, { name: `Other ${role}`, email: `${role}@hillside.test`, role, passwordHash }, now);
    ids[role] = row.id;
  }
  const classId = crypto.randomUUID();
  await db.insertInto("classes").values({ id: classId, school_id: schoolId, name: "Hillside Math", subject: null, created_at: now.toISOString(), archived_at: null }).execute();
  await db.insertInto("class_teachers").values({ class_id: classId, teacher_id: ids.teacher!, created_at: now.toISOString() }).execute();
  await db.insertInto("enrolments").values({ class_id: classId, learner_id: ids.learner!, created_at: now.toISOString() }).execute();
  await db.insertInto("guardian_links").values({ guardian_id: ids.guardian!, learner_id: ids.learner!, created_at: now.toISOString() }).execute();
  return { schoolId, ids, classId };
}

/** Ids of the demo school's people and classes by their demo email / class name. */
export async function demoIds(t: TestApp) {
  const users = await t.deps.db.selectFrom("users").select(["id", "email"]).where("school_id", "=", t.demo.schoolId).execute();
  const classes = await t.deps.db.selectFrom("classes").select(["id", "name"]).where("school_id", "=", t.demo.schoolId).execute();
  const user = (local: string) => users.find((u) => u.email === `${local}@demo.attune.test`)!.id;
  const cls = (name: string) => classes.find((c) => c.name === name)!.id;
  return { user, cls, allIds: [...users.map((u) => u.id), ...classes.map((c) => c.id)] };
}
