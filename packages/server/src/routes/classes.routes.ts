import {
  AddTeacherInputSchema,
  ClassMasterySchema,
  ClassDetailSchema,
  ClassLearnerParamsSchema,
  ClassListSchema,
  ClassParamsSchema,
  ClassSummarySchema,
  ClassTeacherParamsSchema,
  CreateClassInputSchema,
  EnrolInputSchema,
  UpdateClassInputSchema,
} from "@attune/contract";
import type { RouteRegistrar } from "../http/registrar.ts";
import { classMastery } from "../services/class-mastery.service.ts";
import { only } from "../http/route.ts";
import {
  addTeacher,
  createClass,
  enrolLearners,
  getClass,
  listClasses,
  removeTeacher,
  unenrolLearner,
  updateClass,
} from "../services/classes.service.ts";
import { jsonBody, responses } from "./responses.ts";

export function registerClassRoutes({ route, deps }: RouteRegistrar) {
  const admin = only("admin");

  route(only("admin", "teacher", "learner"), {
    method: "get",
    path: "/api/classes",
    tags: ["classes"],
    summary: "Classes: all of the school's (admin), taught (teacher) or enrolled in (learner)",
    responses: responses(ClassListSchema, "Classes with learner counts"),
  })(async (c) => c.json({ items: await listClasses(deps, c.get("actor")) }, 200));

  route(admin, {
    method: "post",
    path: "/api/classes",
    tags: ["classes"],
    summary: "Create a class",
    request: jsonBody(CreateClassInputSchema),
    responses: responses(ClassSummarySchema, "The new class", 201),
  })(async (c) => c.json(await createClass(deps, c.get("actor"), c.req.valid("json")), 201));

  route(only("admin", "teacher"), {
    method: "get",
    path: "/api/classes/{classId}",
    tags: ["classes"],
    summary: "A class with its roster (its teachers and the school's admins)",
    request: { params: ClassParamsSchema },
    responses: responses(ClassDetailSchema, "The class"),
  })(async (c) => c.json(await getClass(deps, c.get("actor"), c.req.valid("param").classId), 200));

  route(admin, {
    method: "patch",
    path: "/api/classes/{classId}",
    tags: ["classes"],
    summary: "Rename, change subject, archive or restore a class",
    request: { params: ClassParamsSchema, ...jsonBody(UpdateClassInputSchema) },
    responses: responses(ClassSummarySchema, "The class"),
  })(async (c) => c.json(await updateClass(deps, c.get("actor"), c.req.valid("param").classId, c.req.valid("json")), 200));

  route(admin, {
    method: "post",
    path: "/api/classes/{classId}/teachers",
    tags: ["classes"],
    summary: "Add a teacher to a class",
    request: { params: ClassParamsSchema, ...jsonBody(AddTeacherInputSchema) },
    responses: responses(ClassSummarySchema, "The class"),
  })(async (c) =>
    c.json(await addTeacher(deps, c.get("actor"), c.req.valid("param").classId, c.req.valid("json").teacherId), 200),
  );

  route(admin, {
    method: "delete",
    path: "/api/classes/{classId}/teachers/{teacherId}",
    tags: ["classes"],
    summary: "Remove a teacher from a class",
    request: { params: ClassTeacherParamsSchema },
    responses: responses(ClassSummarySchema, "The class"),
  })(async (c) => {
    const { classId, teacherId } = c.req.valid("param");
    return c.json(await removeTeacher(deps, c.get("actor"), classId, teacherId), 200);
  });

  route(admin, {
    method: "post",
    path: "/api/classes/{classId}/enrolments",
    tags: ["classes"],
    summary: "Enrol learners in a class",
    request: { params: ClassParamsSchema, ...jsonBody(EnrolInputSchema) },
    responses: responses(ClassSummarySchema, "The class"),
  })(async (c) =>
    c.json(await enrolLearners(deps, c.get("actor"), c.req.valid("param").classId, c.req.valid("json").learnerIds), 200),
  );

  route(admin, {
    method: "delete",
    path: "/api/classes/{classId}/enrolments/{learnerId}",
    tags: ["classes"],
    summary: "Remove a learner from a class",
    request: { params: ClassLearnerParamsSchema },
    responses: responses(ClassSummarySchema, "The class"),
  })(async (c) => {
    const { classId, learnerId } = c.req.valid("param");
    return c.json(await unenrolLearner(deps, c.get("actor"), classId, learnerId), 200);
  });

  route(only("admin", "teacher"), {
    method: "get",
    path: "/api/classes/{classId}/mastery",
    tags: ["classes"],
    summary: "The class heatmap: every learner's mastery of every skill of the class's course",
    request: { params: ClassParamsSchema },
    responses: responses(ClassMasterySchema, "Learners × skills"),
  })(async (c) => c.json(await classMastery(deps, c.get("actor"), c.req.valid("param").classId), 200));
}
