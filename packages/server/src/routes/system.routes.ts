import { AuditPageSchema, AuditQuerySchema, MeSchema, PreferencesSchema } from "@attune/contract";
import { z } from "zod";
import { pendingMigrations } from "../db/migrator.ts";
import type { RouteRegistrar } from "../http/registrar.ts";
import { PUBLIC, SIGNED_IN, only } from "../http/route.ts";
import { listAuditEvents } from "../services/audit.service.ts";
import { readPreferences, savePreferences } from "../services/preferences.service.ts";
import { jsonBody } from "./responses.ts";
import { responses } from "./responses.ts";

const HealthSchema = z.object({ status: z.enum(["ok", "unavailable"]), checks: z.record(z.string(), z.string()).optional() });

export function registerSystemRoutes({ route, deps }: RouteRegistrar) {
  route(PUBLIC, {
    method: "get",
    path: "/healthz",
    tags: ["system"],
    summary: "The process is up",
    responses: { 200: { content: { "application/json": { schema: HealthSchema } }, description: "Up" } },
  })((c) => c.json({ status: "ok" as const }, 200));

  route(PUBLIC, {
    method: "get",
    path: "/readyz",
    tags: ["system"],
    summary: "The database answers and its migrations are current",
    responses: {
      200: { content: { "application/json": { schema: HealthSchema } }, description: "Ready" },
      503: { content: { "application/json": { schema: HealthSchema } }, description: "Not ready" },
    },
  })(async (c) => {
    try {
      const pending = await pendingMigrations(deps.db);
      if (pending.length > 0) {
        return c.json({ status: "unavailable" as const, checks: { database: "ok", migrations: `${pending.length} pending` } }, 503);
      }
      return c.json({ status: "ok" as const, checks: { database: "ok", migrations: "current" } }, 200);
    } catch (error) {
      deps.logger.warn({ err: error }, "readiness check failed");
      return c.json({ status: "unavailable" as const, checks: { database: "unreachable" } }, 503);
    }
  });

  route(SIGNED_IN, {
    method: "get",
    path: "/api/me",
    tags: ["people"],
    summary: "The signed-in user, their role and school",
    responses: responses(MeSchema, "The signed-in user"),
  })(async (c) => {
    const actor = c.get("actor");
    const school = await deps.db.selectFrom("schools").select(["id", "name"]).where("id", "=", actor.schoolId).executeTakeFirstOrThrow();
    return c.json({ id: actor.id, name: actor.name, email: actor.email, role: actor.role, school }, 200);
  });

  route(only("admin"), {
    method: "get",
    path: "/api/audit-events",
    tags: ["admin"],
    summary: "Page through the school's audit log, newest first",
    request: { query: AuditQuerySchema },
    responses: responses(AuditPageSchema, "A page of audit events"),
  })(async (c) => c.json(await listAuditEvents(deps, c.get("actor"), c.req.valid("query")), 200));

  route(SIGNED_IN, {
    method: "get",
    path: "/api/me/preferences",
    tags: ["people"],
    summary: "The signed-in person's preferences (interests, media, session length, accessibility, sharing)",
    responses: responses(PreferencesSchema, "Preferences"),
  })(async (c) => c.json(await readPreferences(deps.db, c.get("actor").id), 200));

  route(SIGNED_IN, {
    method: "put",
    path: "/api/me/preferences",
    tags: ["people"],
    summary: "Save the signed-in person's preferences",
    request: jsonBody(PreferencesSchema),
    responses: responses(PreferencesSchema, "Saved preferences"),
  })(async (c) => c.json(await savePreferences(deps, c.get("actor"), c.req.valid("json")), 200));
}
