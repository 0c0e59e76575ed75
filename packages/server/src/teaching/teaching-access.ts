import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../http/app-env.ts";
import { notFound } from "../http/errors.ts";
import { assertMayReadClass, classOfSchool } from "../services/classes.service.ts";

/** A class the actor teaches (or any class of the school for an admin), with its course. */
export async function taughtClass(db: Kysely<Database>, actor: Actor, classId: string) {
  const row = await classOfSchool(db, actor, classId);
  await assertMayReadClass(db, actor, classId);
  return row;
}

/** The class's active learners, by name. */
export async function classLearners(db: Kysely<Database>, classId: string) {
  return db
    .selectFrom("enrolments as e")
    .innerJoin("users as u", "u.id", "e.learner_id")
    .select(["u.id", "u.name"])
    .where("e.class_id", "=", classId)
    .where("u.active", "=", 1)
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
}

/** A learner of a class the actor teaches: anyone else is "not found", so ids of other classes reveal nothing. */
export async function learnerOfTaughtClass(db: Kysely<Database>, actor: Actor, classId: string, learnerId: string) {
  const cls = await taughtClass(db, actor, classId);
  const learner = await db
    .selectFrom("enrolments as e")
    .innerJoin("users as u", "u.id", "e.learner_id")
    .select(["u.id", "u.name", "u.email", "u.school_id"])
    .where("e.class_id", "=", classId)
    .where("e.learner_id", "=", learnerId)
    .executeTakeFirst();
  if (!learner) throw notFound("Learner");
  return { cls, learner };
}

/**
 * The learner as the learning services' actor: a teacher's view of a learner's map or plan is computed by the very
 * code that shows the learner their own, after the teacher's access to this learner has been checked.
 */
export function asLearner(learner: { id: string; name: string; email: string; school_id: string }): Actor {
  return { id: learner.id, name: learner.name, email: learner.email, role: "learner", schoolId: learner.school_id };
}

export const parseList = (json: string | null | undefined): string[] => (json ? (JSON.parse(json) as string[]) : []);
