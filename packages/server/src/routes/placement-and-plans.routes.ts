import {
  CourseGoalParamsSchema,
  CourseParamsSchema,
  CreateGoalInputSchema,
  PlacementAnswerInputSchema,
  PlacementViewSchema,
  PlanSchema,
} from "@attune/contract";
import type { RouteRegistrar } from "../http/registrar.ts";
import { only } from "../http/route.ts";
import { answerPlacement, finishPlacementEarly, startOrResumePlacement } from "../learning/placement.service.ts";
import { archiveGoal, createGoal, learnerPlan } from "../learning/plans.service.ts";
import { jsonBody, responses } from "./responses.ts";

export function registerPlacementAndPlanRoutes({ route, deps }: RouteRegistrar) {
  const learner = only("learner");

  route(learner, {
    method: "post",
    path: "/api/courses/{courseId}/placement",
    tags: ["placement"],
    summary: "Start the adaptive placement in a course, or resume it where it paused",
    request: { params: CourseParamsSchema },
    responses: responses(PlacementViewSchema, "The current question or the result"),
  })(async (c) => c.json(await startOrResumePlacement(deps, c.get("actor"), c.req.valid("param").courseId), 200));

  route(learner, {
    method: "post",
    path: "/api/courses/{courseId}/placement/answers",
    tags: ["placement"],
    summary: "Answer the current placement question",
    request: { params: CourseParamsSchema, ...jsonBody(PlacementAnswerInputSchema) },
    responses: responses(PlacementViewSchema, "The next question or the result"),
  })(async (c) => c.json(await answerPlacement(deps, c.get("actor"), c.req.valid("param").courseId, c.req.valid("json")), 200));

  route(learner, {
    method: "post",
    path: "/api/courses/{courseId}/placement/finish",
    tags: ["placement"],
    summary: "Stop the placement early; what is known so far seeds the map",
    request: { params: CourseParamsSchema },
    responses: responses(PlacementViewSchema, "The result"),
  })(async (c) => c.json(await finishPlacementEarly(deps, c.get("actor"), c.req.valid("param").courseId), 200));

  route(learner, {
    method: "get",
    path: "/api/courses/{courseId}/plan",
    tags: ["plans"],
    summary: "The learner's goals with projected completion from their measured pace",
    request: { params: CourseParamsSchema },
    responses: responses(PlanSchema, "The plan"),
  })(async (c) => c.json(await learnerPlan(deps, c.get("actor"), c.req.valid("param").courseId), 200));

  route(learner, {
    method: "post",
    path: "/api/courses/{courseId}/goals",
    tags: ["plans"],
    summary: "Set a goal: skills or a unit, a target date and minutes a week",
    request: { params: CourseParamsSchema, ...jsonBody(CreateGoalInputSchema) },
    responses: responses(PlanSchema, "The plan with the new goal", 201),
  })(async (c) => c.json(await createGoal(deps, c.get("actor"), c.req.valid("param").courseId, c.req.valid("json")), 201));

  route(learner, {
    method: "delete",
    path: "/api/courses/{courseId}/goals/{goalId}",
    tags: ["plans"],
    summary: "Drop a goal",
    request: { params: CourseGoalParamsSchema },
    responses: responses(PlanSchema, "The plan"),
  })(async (c) => {
    const { courseId, goalId } = c.req.valid("param");
    return c.json(await archiveGoal(deps, c.get("actor"), courseId, goalId), 200);
  });
}
