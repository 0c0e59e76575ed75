import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../http/app-env.ts";
import { forbidden } from "../http/errors.ts";

/** The courses a learner follows: those of their active classes. */
export async function learnerCourseIds(db: Kysely<Database>, learnerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("enrolments as e")
    .innerJoin("classes as c", "c.id", "e.class_id")
    .select("c.course_id")
    .distinct()
    .where("e.learner_id", "=", learnerId)
    .where("c.archived_at", "is", null)
    .where("c.course_id", "is not", null)
    .execute();
  return rows.map((r) => r.course_id!).sort();
}

/** A learner works only in courses their classes follow. */
export async function assertLearnerInCourse(db: Kysely<Database>, actor: Actor, courseId: string): Promise<void> {
  const row = await db
    .selectFrom("enrolments as e")
    .innerJoin("classes as c", "c.id", "e.class_id")
    .select("c.id")
    .where("e.learner_id", "=", actor.id)
    .where("c.course_id", "=", courseId)
    .where("c.archived_at", "is", null)
    .where("c.school_id", "=", actor.schoolId)
    .executeTakeFirst();
  if (!row) throw forbidden("None of your classes follows this course.");
}
