import { type LessonVariant, renderMarkdown } from "@attune/content";
import type { LessonView } from "@attune/contract";
import type { Actor, Deps } from "../http/app-env.ts";
import { notFound } from "../http/errors.ts";
import { assertLearnerInCourse } from "./learner-access.ts";

function variantView(variant: LessonVariant): LessonView["variants"][number] {
  switch (variant.type) {
    case "text":
      return { type: "text", ...(variant.title ? { title: variant.title } : {}), html: renderMarkdown(variant.text) };
    case "worked-example":
      return { type: "worked-example", ...(variant.title ? { title: variant.title } : {}), steps: variant.steps.map((s) => renderMarkdown(s)) };
    case "video":
    case "audio":
      return {
        type: variant.type,
        ...(variant.title ? { title: variant.title } : {}),
        ...(variant.url ? { url: variant.url } : {}),
        ...(variant.type === "video" && variant.captions ? { captions: variant.captions } : {}),
        ...(variant.transcript ? { transcriptHtml: renderMarkdown(variant.transcript) } : {}),
      };
    case "interactive":
      return { type: "interactive", ...(variant.title ? { title: variant.title } : {}), itemIds: variant.items };
  }
}

/** A lesson with every variant it offers, rendered (the body is the text variant). */
export async function lessonView(deps: Deps, actor: Actor, courseId: string, lessonId: string): Promise<LessonView> {
  await assertLearnerInCourse(deps.db, actor, courseId);
  const course = await deps.courses.get(courseId);
  const lesson = course.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw notFound("Lesson");
  // The body is the text variant; the parser may already list it among the variants.
  const bodyVariant = lesson.body.trim() && !lesson.variants.some((v) => v.type === "text") ? [{ type: "text" as const, text: lesson.body }] : [];
  const variants: LessonVariant[] = [...bodyVariant, ...lesson.variants];
  return {
    id: lesson.id,
    title: lesson.title,
    minutes: lesson.minutes,
    skills: lesson.skills.map((id) => ({ id, name: course.skillById.get(id)?.name ?? id })),
    variants: variants.map(variantView),
  };
}

/** Records that the learner studied a lesson in one of its media, for how long (time on task). */
export async function recordLessonVisit(deps: Deps, actor: Actor, courseId: string, lessonId: string, input: { variant: string; seconds: number }) {
  await assertLearnerInCourse(deps.db, actor, courseId);
  const course = await deps.courses.get(courseId);
  if (!course.lessons.some((l) => l.id === lessonId)) throw notFound("Lesson");
  await deps.db
    .insertInto("lesson_views")
    .values({
      id: crypto.randomUUID(),
      learner_id: actor.id,
      school_id: actor.schoolId,
      course_id: courseId,
      lesson_id: lessonId,
      variant: input.variant,
      seconds: input.seconds,
      viewed_at: deps.now().toISOString(),
    })
    .execute();
  return { ok: true as const };
}

/** The courses the learner follows through their classes, with how many skills they mastered. */
export async function learnerCourses(deps: Deps, actor: Actor) {
  const rows = await deps.db
    .selectFrom("enrolments as e")
    .innerJoin("classes as c", "c.id", "e.class_id")
    .innerJoin("courses as k", "k.id", "c.course_id")
    .select(["k.id", "k.title", "k.description"])
    .distinct()
    .where("e.learner_id", "=", actor.id)
    .where("c.archived_at", "is", null)
    .where("k.archived_at", "is", null)
    .orderBy("k.title")
    .execute();
  const items = [];
  for (const row of rows) {
    const course = await deps.courses.get(row.id);
    const mastered = await deps.db
      .selectFrom("learner_skill_states")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("learner_id", "=", actor.id)
      .where("course_id", "=", row.id)
      .where("mastered_at", "is not", null)
      .executeTakeFirstOrThrow();
    items.push({ ...row, skills: course.skills.length, mastered: Number(mastered.n) });
  }
  return { items };
}

/** Records that the learner picked another activity than the one recommended (their choice is evidence too). */
export async function recordActivityChoice(deps: Deps, actor: Actor, courseId: string, input: { recommended: unknown; chosen: unknown }) {
  await assertLearnerInCourse(deps.db, actor, courseId);
  await deps.db
    .insertInto("activity_choices")
    .values({
      id: crypto.randomUUID(),
      learner_id: actor.id,
      school_id: actor.schoolId,
      course_id: courseId,
      recommended: JSON.stringify(input.recommended),
      chosen: JSON.stringify(input.chosen),
      chosen_at: deps.now().toISOString(),
    })
    .execute();
  return { ok: true as const };
}
