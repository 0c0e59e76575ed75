import {
  ScaffoldAnswerInputSchema,
  ScaffoldResultSchema,
  ActivityChoiceInputSchema,
  TodaySchema,
  CourseItemHintParamsSchema,
  HintSchema,
  AttemptResultSchema,
  CourseLessonParamsSchema,
  LearnerCourseListSchema,
  LessonViewSchema,
  LessonVisitInputSchema,
  OkSchema,
  CourseItemParamsSchema,
  CourseParamsSchema,
  ItemViewSchema,
  MasteryListSchema,
  NextActivitySchema,
  RecordAttemptInputSchema,
} from "@attune/contract";
import type { RouteRegistrar } from "../http/registrar.ts";
import { notFound } from "../http/errors.ts";
import { only } from "../http/route.ts";
import { recordAttempt } from "../learning/attempts.service.ts";
import { itemHint, itemView, scaffoldAnswerText } from "../learning/item-view.ts";
import { type AnswerResponse, checkAnswer, renderInlineMarkdown, renderMarkdown } from "@attune/content";
import { assertLearnerInCourse } from "../learning/learner-access.ts";
import { learnerCourses, lessonView, recordActivityChoice, recordLessonVisit } from "../learning/lessons.service.ts";
import { learnerMastery } from "../learning/mastery.service.ts";
import { learnerToday } from "../learning/today.service.ts";
import { learnerNextActivity } from "../learning/next-activity.service.ts";
import { jsonBody, responses } from "./responses.ts";

export function registerLearningRoutes({ route, deps }: RouteRegistrar) {
  const learner = only("learner");

  route(learner, {
    method: "get",
    path: "/api/courses/{courseId}/items/{itemId}",
    tags: ["learning"],
    summary: "An item as the learner sees it: the question without its answer",
    request: { params: CourseItemParamsSchema },
    responses: responses(ItemViewSchema, "The item"),
  })(async (c) => {
    const { courseId, itemId } = c.req.valid("param");
    await assertLearnerInCourse(deps.db, c.get("actor"), courseId);
    const item = (await deps.courses.get(courseId)).itemById.get(itemId);
    if (!item) throw notFound("Item");
    return c.json(itemView(item), 200);
  });

  route(learner, {
    method: "post",
    path: "/api/courses/{courseId}/attempts",
    tags: ["learning"],
    summary: "Answer an item: checked, recorded once per attempt id, mastery updated, in one round trip",
    request: { params: CourseParamsSchema, ...jsonBody(RecordAttemptInputSchema) },
    responses: responses(AttemptResultSchema, "The result of the answer"),
  })(async (c) => c.json(await recordAttempt(deps, c.get("actor"), c.req.valid("param").courseId, c.req.valid("json")), 200));

  route(learner, {
    method: "get",
    path: "/api/courses/{courseId}/mastery",
    tags: ["learning"],
    summary: "The signed-in learner's mastery of every skill of a course",
    request: { params: CourseParamsSchema },
    responses: responses(MasteryListSchema, "Mastery per skill"),
  })(async (c) => c.json(await learnerMastery(deps, c.get("actor"), c.req.valid("param").courseId), 200));

  route(learner, {
    method: "get",
    path: "/api/courses/{courseId}/next",
    tags: ["learning"],
    summary: "The next activity for the signed-in learner, with its reason and alternatives",
    request: { params: CourseParamsSchema },
    responses: responses(NextActivitySchema, "The recommendation"),
  })(async (c) => c.json(await learnerNextActivity(deps, c.get("actor"), c.req.valid("param").courseId), 200));

  route(learner, {
    method: "get",
    path: "/api/learner/courses",
    tags: ["learning"],
    summary: "The courses the signed-in learner follows, with skills mastered",
    responses: responses(LearnerCourseListSchema, "Courses"),
  })(async (c) => c.json(await learnerCourses(deps, c.get("actor")), 200));

  route(learner, {
    method: "get",
    path: "/api/courses/{courseId}/lessons/{lessonId}",
    tags: ["learning"],
    summary: "A lesson with every media variant it offers, rendered",
    request: { params: CourseLessonParamsSchema },
    responses: responses(LessonViewSchema, "The lesson"),
  })(async (c) => {
    const { courseId, lessonId } = c.req.valid("param");
    return c.json(await lessonView(deps, c.get("actor"), courseId, lessonId), 200);
  });

  route(learner, {
    method: "post",
    path: "/api/courses/{courseId}/lessons/{lessonId}/visits",
    tags: ["learning"],
    summary: "Record time spent on a lesson in one of its media",
    request: { params: CourseLessonParamsSchema, ...jsonBody(LessonVisitInputSchema) },
    responses: responses(OkSchema, "Recorded"),
  })(async (c) => {
    const { courseId, lessonId } = c.req.valid("param");
    return c.json(await recordLessonVisit(deps, c.get("actor"), courseId, lessonId, c.req.valid("json")), 200);
  });

  route(learner, {
    method: "post",
    path: "/api/courses/{courseId}/choices",
    tags: ["learning"],
    summary: "Record that the learner chose another activity than the recommended one",
    request: { params: CourseParamsSchema, ...jsonBody(ActivityChoiceInputSchema) },
    responses: responses(OkSchema, "Recorded"),
  })(async (c) => c.json(await recordActivityChoice(deps, c.get("actor"), c.req.valid("param").courseId, c.req.valid("json")), 200));

  route(learner, {
    method: "get",
    path: "/api/courses/{courseId}/items/{itemId}/hints/{hint}",
    tags: ["learning"],
    summary: "Hint number n of an item (hints are revealed one at a time; the attempt reports how many were used)",
    request: { params: CourseItemHintParamsSchema },
    responses: responses(HintSchema, "The hint"),
  })(async (c) => {
    const { courseId, itemId, hint } = c.req.valid("param");
    await assertLearnerInCourse(deps.db, c.get("actor"), courseId);
    const item = (await deps.courses.get(courseId)).itemById.get(itemId);
    if (!item || hint > item.hints.length) throw notFound("Hint");
    return c.json(itemHint(item, hint), 200);
  });

  route(learner, {
    method: "post",
    path: "/api/courses/{courseId}/items/{itemId}/hints/{hint}/answers",
    tags: ["learning"],
    summary: "Check the answer to a scaffold (a hint with a question of its own); not evidence of mastery, nothing is stored",
    request: { params: CourseItemHintParamsSchema, ...jsonBody(ScaffoldAnswerInputSchema) },
    responses: responses(ScaffoldResultSchema, "Right or not, feedback, and the answer when asked for or right"),
  })(async (c) => {
    const { courseId, itemId, hint } = c.req.valid("param");
    const input = c.req.valid("json");
    await assertLearnerInCourse(deps.db, c.get("actor"), courseId);
    const item = (await deps.courses.get(courseId)).itemById.get(itemId);
    const spec = item?.hints[hint - 1]?.answer;
    if (!item || !spec) throw notFound("Scaffold");
    const check = checkAnswer(spec, input.response as AnswerResponse);
    const show = check.correct || input.reveal;
    return c.json(
      {
        correct: check.correct,
        feedbackHtml: check.feedback ? renderMarkdown(check.feedback) : null,
        answerHtml: show ? renderInlineMarkdown(scaffoldAnswerText(spec)) : null,
      },
      200,
    );
  });

  route(learner, {
    method: "get",
    path: "/api/learner/today",
    tags: ["learning"],
    summary: "Today: per course the next activity and its reason, reviews due and this week's plan; the streak",
    responses: responses(TodaySchema, "Today"),
  })(async (c) => c.json(await learnerToday(deps, c.get("actor")), 200));
}
