import type { Kysely } from "kysely";
import { compiledQuery } from "../db/compiled-query.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../http/app-env.ts";
import { forbidden, notFound } from "../http/errors.ts";
import type { CourseContent, CourseContentCache } from "./course-content.ts";

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

const selectCourseHashIfFollowed = compiledQuery<{ learnerId: string; schoolId: string; courseId: string }, { content_hash: string | null }>((db, param) =>
  db
    .selectFrom("enrolments as e")
    .innerJoin("classes as c", "c.id", "e.class_id")
    .leftJoin("courses as co", (join) => join.onRef("co.id", "=", "c.course_id").on("co.archived_at", "is", null))
    .select("co.content_hash")
    .where("e.learner_id", "=", param("learnerId"))
    .where("c.course_id", "=", param("courseId"))
    .where("c.archived_at", "is", null)
    .where("c.school_id", "=", param("schoolId"))
    .limit(1),
);

/**
 * `assertLearnerInCourse` and the course's content in one query: the access check also reads the course's content
 * hash, so while the cached content is current no second query is needed. Same answers as the two steps: 403 when
 * none of the learner's classes follows the course, 404 when the course is archived.
 */
export async function learnerCourseContent(
  deps: { db: Kysely<Database>; courses: CourseContentCache },
  actor: Actor,
  courseId: string,
): Promise<CourseContent> {
  const row = await selectCourseHashIfFollowed.executeTakeFirst(deps.db, { learnerId: actor.id, schoolId: actor.schoolId, courseId });
  if (!row) throw forbidden("None of your classes follows this course.");
  if (row.content_hash === null) throw notFound("Course");
  return deps.courses.get(courseId, row.content_hash);
}
