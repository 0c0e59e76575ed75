import {
  CreateUserInputSchema,
  CreatedUserSchema,
  GuardianLinkParamsSchema,
  GuardianParamsSchema,
  LinkLearnerInputSchema,
  LinkedLearnerSchema,
  OkSchema,
  PasswordResetResultSchema,
  UserDetailSchema,
  UserIdParamsSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserSummarySchema,
} from "@attune/contract";
import { z } from "zod";
import type { RouteRegistrar } from "../http/registrar.ts";
import { only } from "../http/route.ts";
import {
  createUser,
  getUser,
  linkGuardian,
  listLinkedLearners,
  listUsers,
  resetPassword,
  setUserActive,
  unlinkGuardian,
} from "../services/users.service.ts";
import { jsonBody, responses } from "./responses.ts";

export function registerPeopleRoutes({ route, deps }: RouteRegistrar) {
  const admin = only("admin");

  route(admin, {
    method: "get",
    path: "/api/users",
    tags: ["admin"],
    summary: "List the school's users (filter by role, active, name or email)",
    request: { query: UserListQuerySchema },
    responses: responses(UserPageSchema, "A page of users"),
  })(async (c) => c.json(await listUsers(deps, c.get("actor"), c.req.valid("query")), 200));

  route(admin, {
    method: "post",
    path: "/api/users",
    tags: ["admin"],
    summary: "Create an account; without a password a temporary one is returned once",
    request: jsonBody(CreateUserInputSchema),
    responses: responses(CreatedUserSchema, "The new user", 201),
  })(async (c) => c.json(await createUser(deps, c.get("actor"), c.req.valid("json")), 201));

  route(admin, {
    method: "get",
    path: "/api/users/{userId}",
    tags: ["admin"],
    summary: "A user with their classes and guardian links",
    request: { params: UserIdParamsSchema },
    responses: responses(UserDetailSchema, "The user"),
  })(async (c) => c.json(await getUser(deps, c.get("actor"), c.req.valid("param").userId), 200));

  route(admin, {
    method: "post",
    path: "/api/users/{userId}/password-reset",
    tags: ["admin"],
    summary: "Set a new temporary password and end the user's sessions",
    request: { params: UserIdParamsSchema },
    responses: responses(PasswordResetResultSchema, "The temporary password, shown once"),
  })(async (c) => c.json(await resetPassword(deps, c.get("actor"), c.req.valid("param").userId), 200));

  route(admin, {
    method: "post",
    path: "/api/users/{userId}/deactivate",
    tags: ["admin"],
    summary: "Deactivate an account: it cannot sign in; its data is kept",
    request: { params: UserIdParamsSchema },
    responses: responses(UserSummarySchema, "The user"),
  })(async (c) => c.json(await setUserActive(deps, c.get("actor"), c.req.valid("param").userId, false), 200));

  route(admin, {
    method: "post",
    path: "/api/users/{userId}/reactivate",
    tags: ["admin"],
    summary: "Reactivate a deactivated account",
    request: { params: UserIdParamsSchema },
    responses: responses(UserSummarySchema, "The user"),
  })(async (c) => c.json(await setUserActive(deps, c.get("actor"), c.req.valid("param").userId, true), 200));

  route(admin, {
    method: "post",
    path: "/api/guardians/{guardianId}/learners",
    tags: ["admin"],
    summary: "Link a guardian to a learner",
    request: { params: GuardianParamsSchema, ...jsonBody(LinkLearnerInputSchema) },
    responses: responses(OkSchema, "Linked"),
  })(async (c) =>
    c.json(await linkGuardian(deps, c.get("actor"), c.req.valid("param").guardianId, c.req.valid("json").learnerId), 200),
  );

  route(admin, {
    method: "delete",
    path: "/api/guardians/{guardianId}/learners/{learnerId}",
    tags: ["admin"],
    summary: "Remove a guardian's link to a learner",
    request: { params: GuardianLinkParamsSchema },
    responses: responses(OkSchema, "Unlinked"),
  })(async (c) => {
    const { guardianId, learnerId } = c.req.valid("param");
    return c.json(await unlinkGuardian(deps, c.get("actor"), guardianId, learnerId), 200);
  });

  route(only("guardian"), {
    method: "get",
    path: "/api/guardian/learners",
    tags: ["guardian"],
    summary: "The learners linked to the signed-in guardian",
    responses: responses(z.object({ items: z.array(LinkedLearnerSchema) }), "Linked learners"),
  })(async (c) => c.json({ items: await listLinkedLearners(deps, c.get("actor")) }, 200));
}
