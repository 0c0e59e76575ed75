import {
  AlertListSchema,
  AssignmentListSchema,
  AssignmentParamsSchema,
  AssignmentSchema,
  CheckInParamsSchema,
  CheckInSchema,
  ClassLearnerSkillParamsSchema,
  ClassParamsSchema,
  CreateAssignmentInputSchema,
  CreateCheckInInputSchema,
  CreateNoteInputSchema,
  CreateOverrideInputSchema,
  DismissAlertInputSchema,
  LearnerDetailSchema,
  ErrorBodySchema,
  ClassOverviewSchema,
  GuardianLearnerParamsSchema,
  GuardianProgressSchema,
  GroupListSchema,
  ItemAnalysisSchema,
  GroupSuggestionQuerySchema,
  SaveGroupsInputSchema,
  SchoolReportSchema,
  ExportParamsSchema,
  ExportQuerySchema,
  NoteSchema,
  OkSchema,
  OverrideParamsSchema,
  OverrideSchema,
  UpdateCheckInInputSchema,
} from "@attune/contract";
import { z } from "zod";
import type { RouteRegistrar } from "../http/registrar.ts";
import { only } from "../http/route.ts";
import { archiveAssignment, createAssignment, listClassAssignments } from "../teaching/assignments.service.ts";
import { classExport } from "../teaching/exports.service.ts";
import { createNote, updateCheckIn } from "../teaching/notes-and-check-ins.service.ts";
import { createOverride, undoOverride } from "../teaching/overrides.service.ts";
import { learnerDetail, scheduleCheckIn } from "../teaching/learner-detail.service.ts";
import { classAlerts, dismissAlert } from "../teaching/class-analytics.service.ts";
import { saveGroups, savedGroups, suggestGroups } from "../teaching/groups.service.ts";
import { schoolReport } from "../teaching/school-report.service.ts";
import { classItemAnalysis } from "../teaching/item-analysis.service.ts";
import { classOverview } from "../teaching/class-overview.service.ts";
import { guardianProgress } from "../teaching/guardian-progress.service.ts";
import { jsonBody, responses } from "./responses.ts";

/** Teachers' (and admins') tools on a class: assignments, overrides, notes, check-ins and exports. */
export function registerTeachingRoutes({ route, deps }: RouteRegistrar) {
  const staff = only("admin", "teacher");

  route(staff, {
    method: "get",
    path: "/api/classes/{classId}/alerts",
    tags: ["teaching"],
    summary: "Alerts about the class's learners, each with its evidence and a suggested action",
    request: { params: ClassParamsSchema },
    responses: responses(AlertListSchema, "Alerts, most urgent first"),
  })(async (c) => c.json(await classAlerts(deps, c.get("actor"), c.req.valid("param").classId), 200));

  route(staff, {
    method: "post",
    path: "/api/classes/{classId}/alerts/dismissals",
    tags: ["teaching"],
    summary: "Dismiss an alert (for two weeks), with a note of what was done",
    request: { params: ClassParamsSchema, ...jsonBody(DismissAlertInputSchema) },
    responses: responses(OkSchema, "Dismissed"),
  })(async (c) => c.json(await dismissAlert(deps, c.get("actor"), c.req.valid("param").classId, c.req.valid("json")), 200));

  route(staff, {
    method: "get",
    path: "/api/classes/{classId}/learners/{learnerId}",
    tags: ["teaching"],
    summary: "One learner in depth: map, plan, timeline of sessions, alerts, notes, check-ins, overrides, assignments",
    request: { params: ClassLearnerSkillParamsSchema },
    responses: responses(LearnerDetailSchema, "The learner"),
  })(async (c) => {
    const { classId, learnerId } = c.req.valid("param");
    return c.json(await learnerDetail(deps, c.get("actor"), classId, learnerId), 200);
  });

  route(staff, {
    method: "get",
    path: "/api/classes/{classId}/assignments",
    tags: ["teaching"],
    summary: "The class's open assignments, with who received them and who is done",
    request: { params: ClassParamsSchema },
    responses: responses(AssignmentListSchema, "Assignments, newest first"),
  })(async (c) => c.json({ items: await listClassAssignments(deps, c.get("actor"), c.req.valid("param").classId) }, 200));

  route(staff, {
    method: "post",
    path: "/api/classes/{classId}/assignments",
    tags: ["teaching"],
    summary: "Assign skills, a lesson or items to the class, a group or learners, with a due date (the engine gives them priority)",
    request: { params: ClassParamsSchema, ...jsonBody(CreateAssignmentInputSchema) },
    responses: responses(AssignmentSchema, "The assignment", 201),
  })(async (c) => c.json(await createAssignment(deps, c.get("actor"), c.req.valid("param").classId, c.req.valid("json")), 201));

  route(staff, {
    method: "delete",
    path: "/api/classes/{classId}/assignments/{assignmentId}",
    tags: ["teaching"],
    summary: "Withdraw an assignment (kept in the record)",
    request: { params: AssignmentParamsSchema },
    responses: responses(OkSchema, "Withdrawn"),
  })(async (c) => {
    const { classId, assignmentId } = c.req.valid("param");
    return c.json(await archiveAssignment(deps, c.get("actor"), classId, assignmentId), 200);
  });

  route(staff, {
    method: "post",
    path: "/api/classes/{classId}/learners/{learnerId}/overrides",
    tags: ["teaching"],
    summary: "Mark a skill mastered or reset it for a learner, with a reason (recorded as evidence, undoable)",
    request: { params: ClassLearnerSkillParamsSchema, ...jsonBody(CreateOverrideInputSchema) },
    responses: responses(OverrideSchema, "The override", 201),
  })(async (c) => {
    const { classId, learnerId } = c.req.valid("param");
    return c.json(await createOverride(deps, c.get("actor"), classId, learnerId, c.req.valid("json")), 201);
  });

  route(staff, {
    method: "post",
    path: "/api/classes/{classId}/learners/{learnerId}/overrides/{overrideId}/undo",
    tags: ["teaching"],
    summary: "Undo an override: the skill's estimate goes back to what it was",
    request: { params: OverrideParamsSchema },
    responses: responses(OverrideSchema, "The override, now undone"),
  })(async (c) => {
    const { classId, learnerId, overrideId } = c.req.valid("param");
    return c.json(await undoOverride(deps, c.get("actor"), classId, learnerId, overrideId), 200);
  });

  route(staff, {
    method: "post",
    path: "/api/classes/{classId}/learners/{learnerId}/notes",
    tags: ["teaching"],
    summary: "Add a note about a learner, optionally shared with the family",
    request: { params: ClassLearnerSkillParamsSchema, ...jsonBody(CreateNoteInputSchema) },
    responses: responses(NoteSchema, "The note", 201),
  })(async (c) => {
    const { classId, learnerId } = c.req.valid("param");
    return c.json(await createNote(deps, c.get("actor"), classId, learnerId, c.req.valid("json")), 201);
  });

  route(staff, {
    method: "post",
    path: "/api/classes/{classId}/learners/{learnerId}/check-ins",
    tags: ["teaching"],
    summary: "Schedule a one-on-one check-in; the agenda starts from the learner's alerts and plan",
    request: { params: ClassLearnerSkillParamsSchema, ...jsonBody(CreateCheckInInputSchema) },
    responses: responses(CheckInSchema, "The check-in", 201),
  })(async (c) => {
    const { classId, learnerId } = c.req.valid("param");
    return c.json(await scheduleCheckIn(deps, c.get("actor"), classId, learnerId, c.req.valid("json")), 201);
  });

  route(staff, {
    method: "patch",
    path: "/api/check-ins/{checkInId}",
    tags: ["teaching"],
    summary: "Record a check-in's notes and agreed next steps (shown in the learner's plan), or move or cancel it",
    request: { params: CheckInParamsSchema, ...jsonBody(UpdateCheckInInputSchema) },
    responses: responses(CheckInSchema, "The check-in"),
  })(async (c) => c.json(await updateCheckIn(deps, c.get("actor"), c.req.valid("param").checkInId, c.req.valid("json")), 200));

  route(staff, {
    method: "get",
    path: "/api/classes/{classId}/exports/{kind}",
    tags: ["teaching"],
    summary: "CSV of the heatmap, the attempts or the gradebook; learners pseudonymous unless names=named",
    request: { params: ExportParamsSchema, query: ExportQuerySchema },
    responses: {
      200: { content: { "text/csv": { schema: z.string() } }, description: "The CSV file" },
      400: { content: { "application/json": { schema: ErrorBodySchema } }, description: "Invalid input" },
      401: { content: { "application/json": { schema: ErrorBodySchema } }, description: "Not signed in" },
      403: { content: { "application/json": { schema: ErrorBodySchema } }, description: "Not allowed" },
      404: { content: { "application/json": { schema: ErrorBodySchema } }, description: "Not found in your school" },
    },
  })(async (c) => {
    const { classId, kind } = c.req.valid("param");
    const file = await classExport(deps, c.get("actor"), classId, kind, c.req.valid("query").names);
    return c.body(file.csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    });
  });

  route(staff, {
    method: "get",
    path: "/api/classes/{classId}/groups",
    tags: ["teaching"],
    summary: "The class's saved small groups",
    request: { params: ClassParamsSchema },
    responses: responses(GroupListSchema, "Groups"),
  })(async (c) => c.json(await savedGroups(deps, c.get("actor"), c.req.valid("param").classId), 200));

  route(staff, {
    method: "get",
    path: "/api/classes/{classId}/groups/suggestions",
    tags: ["teaching"],
    summary: "Suggested small groups (size range), each with the skills to work on together and why",
    request: { params: ClassParamsSchema, query: GroupSuggestionQuerySchema },
    responses: responses(GroupListSchema, "Suggested groups (not saved)"),
  })(async (c) => c.json(await suggestGroups(deps, c.get("actor"), c.req.valid("param").classId, c.req.valid("query")), 200));

  route(staff, {
    method: "put",
    path: "/api/classes/{classId}/groups",
    tags: ["teaching"],
    summary: "Save the class's small groups (replaces the previous ones)",
    request: { params: ClassParamsSchema, ...jsonBody(SaveGroupsInputSchema) },
    responses: responses(GroupListSchema, "The saved groups"),
  })(async (c) => c.json(await saveGroups(deps, c.get("actor"), c.req.valid("param").classId, c.req.valid("json")), 200));

  route(only("admin"), {
    method: "get",
    path: "/api/school/report",
    tags: ["teaching"],
    summary: "The school at a glance: per class learners, activity this week and mastery",
    responses: responses(SchoolReportSchema, "The report"),
  })(async (c) => c.json(await schoolReport(deps, c.get("actor")), 200));

  route(staff, {
    method: "get",
    path: "/api/classes/{classId}/item-analysis",
    tags: ["teaching"],
    summary: "Item analysis: difficulty, discrimination, wrong answers, time and hints per item; items that look broken flagged",
    request: { params: ClassParamsSchema },
    responses: responses(ItemAnalysisSchema, "Items, flagged first"),
  })(async (c) => c.json(await classItemAnalysis(deps, c.get("actor"), c.req.valid("param").classId), 200));

  route(staff, {
    method: "get",
    path: "/api/classes/{classId}/overview",
    tags: ["teaching"],
    summary: "Per skill the class's distribution (mastered, review due, in progress, not started); per learner this week's activity",
    request: { params: ClassParamsSchema },
    responses: responses(ClassOverviewSchema, "The overview"),
  })(async (c) => c.json(await classOverview(deps, c.get("actor"), c.req.valid("param").classId), 200));

  route(only("guardian"), {
    method: "get",
    path: "/api/guardian/learners/{learnerId}/progress",
    tags: ["guardian"],
    summary: "A linked learner's weekly progress in plain language (only what the learner and school share)",
    request: { params: GuardianLearnerParamsSchema },
    responses: responses(GuardianProgressSchema, "The weekly report"),
  })(async (c) => c.json(await guardianProgress(deps, c.get("actor"), c.req.valid("param").learnerId), 200));
}
