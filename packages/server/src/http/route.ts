import type { Role } from "@attune/contract";
import { type OpenAPIHono, type RouteConfig, createRoute } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { Actor, AppEnv } from "./app-env.ts";
import { AppError } from "./errors.ts";

/** Who may call a route. Every route declares one; the authorization matrix test reads them all. */
export type Access = { kind: "public" } | { kind: "signed-in" } | { kind: "roles"; roles: readonly Role[] };

export const PUBLIC: Access = { kind: "public" };
export const SIGNED_IN: Access = { kind: "signed-in" };
export const only = (...roles: Role[]): Access => ({ kind: "roles", roles });

/** `takesBody` and `takesQuery` let tests aim bad input where a route reads input. */
export type RouteEntry = { method: string; path: string; access: Access; takesBody: boolean; takesQuery: boolean };

/** The route table: every route with its access rule, in registration order. */
export class RouteTable {
  readonly entries: RouteEntry[] = [];

  add(method: string, path: string, access: Access, input: { takesBody?: boolean; takesQuery?: boolean } = {}): void {
    this.entries.push({ method: method.toUpperCase(), path, access, takesBody: input.takesBody ?? false, takesQuery: input.takesQuery ?? false });
  }
}

export type ActorResolver = (headers: Headers) => Promise<Actor | null>;

export function requireAccess(access: Access, resolveActor: ActorResolver): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access.kind === "public") return next();
    const actor = await resolveActor(c.req.raw.headers);
    if (!actor) throw new AppError(401, "unauthenticated", "Sign in to continue.");
    if (access.kind === "roles" && !access.roles.includes(actor.role)) {
      throw new AppError(403, "forbidden", "Your role does not allow this.");
    }
    c.set("actor", actor);
    await next();
  };
}

type RouteWithoutMiddleware = Omit<RouteConfig, "middleware" | "security">;

/**
 * Declares a route: its OpenAPI contract (validated at the boundary) plus who may call it. The access check
 * runs before validation so an unauthenticated caller learns nothing about the expected input.
 */
export function routeDeclarer(app: OpenAPIHono<AppEnv>, table: RouteTable, resolveActor: ActorResolver) {
  return <R extends RouteWithoutMiddleware>(access: Access, config: R) => {
    table.add(config.method, config.path, access, { takesBody: Boolean(config.request?.body), takesQuery: Boolean(config.request?.query) });
    const route = createRoute({
      ...config,
      security: access.kind === "public" ? [] : [{ session: [] }],
      middleware: requireAccess(access, resolveActor),
    });
    return (handler: Parameters<typeof app.openapi<typeof route>>[1]) => {
      app.openapi(route, handler);
    };
  };
}
