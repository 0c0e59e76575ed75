import fs from "node:fs";
import path from "node:path";
import { SignInInputSchema } from "@attune/contract";
import { OpenAPIHono } from "@hono/zod-openapi";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { SignInLimiter } from "../auth/sign-in-limiter.ts";
import { registerClassRoutes } from "../routes/classes.routes.ts";
import { registerCourseRoutes } from "../routes/courses.routes.ts";
import { registerLearningRoutes } from "../routes/learning.routes.ts";
import { registerPlacementAndPlanRoutes } from "../routes/placement-and-plans.routes.ts";
import { registerPeopleRoutes } from "../routes/people.routes.ts";
import { registerSystemRoutes } from "../routes/system.routes.ts";
import { registerTeachingRoutes } from "../routes/teaching.routes.ts";
import type { AppEnv, Deps } from "./app-env.ts";
import { registerApiDocs } from "./api-docs.ts";
import { AppError, errorBody, errorResponse, zodDetails } from "./errors.ts";
import { PUBLIC, RouteTable, routeDeclarer } from "./route.ts";

export type AppOptions = {
  /** Folder of the built web app; absent in API-only tests. */
  webDir?: string;
  trustProxy?: boolean;
  signInLimiter?: SignInLimiter;
};

const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the whole HTTP application: API routes with their access rules, auth, docs and the web app. */
export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(400, "invalid_request", "Some fields are not valid.", zodDetails(result.error));
      }
    },
  });
  const routes = new RouteTable();

  app.onError((error, c) =>
    errorResponse(c, error, (e) => deps.logger.error({ err: e, method: c.req.method, path: c.req.path }, "unhandled error")),
  );
  app.notFound((c) => c.json(errorBody("not_found", "No such route."), 404));

  app.use("*", async (c, next) => {
    const started = performance.now();
    await next();
    // Method, route pattern and status only: paths of API calls can hold ids but never names or answers.
    deps.logger.info(
      { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) },
      "request",
    );
  });
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // KaTeX positions math with inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "strict-origin-when-cross-origin",
      xFrameOptions: "DENY",
      xContentTypeOptions: "nosniff",
      crossOriginEmbedderPolicy: false,
    }),
  );
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError(413, "payload_too_large", "The request body is larger than 1 MB.");
    },
  });
  app.use("/api/*", async (c, next) => {
    // Hono's bodyLimit asks for `c.req.raw.body` first, which makes @hono/node-server build a full web Request
    // with a stream per request (a fifth of an answer's CPU). The same rule from the headers where they settle it;
    // a streamed (chunked) body still goes through bodyLimit, which counts it.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number.parseInt(length, 10) > MAX_BODY_BYTES) throw new AppError(413, "payload_too_large", "The request body is larger than 1 MB.");
      return next();
    }
    return limitBody(c, next);
  });

  const resolveActor = (headers: Headers) => deps.sessions.actorFrom(headers);
  const route = routeDeclarer(app, routes, resolveActor);
  registerSystemRoutes({ route, deps });
  registerPeopleRoutes({ route, deps });
  registerClassRoutes({ route, deps });
  registerTeachingRoutes({ route, deps });
  registerCourseRoutes({ route, deps });
  registerLearningRoutes({ route, deps });
  registerPlacementAndPlanRoutes({ route, deps });

  registerAuthRoutes(app, routes, deps, options);
  registerApiDocs(app, routes);
  app.all("/api/*", (c) => c.json(errorBody("not_found", "No such route."), 404));
  if (options.webDir) serveWebApp(app, options.webDir);
  return { app, routes };
}

function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
}

function registerAuthRoutes(app: OpenAPIHono<AppEnv>, routes: RouteTable, deps: Deps, options: AppOptions) {
  const limiter = options.signInLimiter ?? new SignInLimiter();
  routes.add("POST", "/api/auth/sign-in/email", PUBLIC, { takesBody: true });
  app.post("/api/auth/sign-in/email", async (c) => {
    let body: unknown;
    try {
      body = await c.req.raw.clone().json();
    } catch {
      throw new AppError(400, "invalid_request", "The request body is not valid JSON.");
    }
    const input = SignInInputSchema.safeParse(body);
    if (!input.success) throw new AppError(400, "invalid_request", "Some fields are not valid.", zodDetails(input.error));
    const email = input.data.email;
    const address = clientAddress(c, options.trustProxy ?? false);
    const now = Date.now();
    const wait = limiter.retryAfter(email, address, now);
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      return c.json(errorBody("rate_limited", `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`), 429);
    }
    const response = await deps.auth.handler(c.req.raw);
    limiter.recordAttempt(email, address, response.status === 200, now);
    return response.status === 200 ? withoutSessionToken(response) : inOurErrorShape(response);
  });
  // Everything else better-auth serves (session, sign-out) is public by rule: it answers for the caller's own cookie.
  routes.add("GET", "/api/auth/*", PUBLIC);
  routes.add("POST", "/api/auth/*", PUBLIC);
  app.on(["GET", "POST"], "/api/auth/*", async (c) => {
    if (c.req.path.endsWith("/sign-out")) deps.sessions.forgetCookieOf(c.req.raw.headers);
    return inOurErrorShape(await deps.auth.handler(c.req.raw));
  });
}

/** The session lives in an httpOnly cookie; its token is not handed to page scripts in the body as well. */
async function withoutSessionToken(response: Response): Promise<Response> {
  const body = (await response.json()) as { user?: { id: string; name: string; email: string } };
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  const user = body.user ? { id: body.user.id, name: body.user.name, email: body.user.email } : null;
  return new Response(JSON.stringify({ user }), { status: 200, headers });
}

/** better-auth answers errors as { code, message }; clients get every error in the one envelope. */
async function inOurErrorShape(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  let code = "auth_error";
  let message = "Sign-in failed.";
  try {
    const body = (await response.clone().json()) as { code?: string; message?: string };
    if (body.code) code = body.code.toLowerCase();
    if (body.message) message = body.message;
  } catch {
    // not JSON: keep the generic message
  }
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  return new Response(JSON.stringify(errorBody(code, message)), { status: response.status, headers });
}

function serveWebApp(app: OpenAPIHono<AppEnv>, webDir: string) {
  const indexFile = path.join(webDir, "index.html");
  app.use("/assets/*", async (c, next) => {
    await next();
    // Vite names assets by content hash: they never change, so browsers may keep them for a year.
    if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  app.use("/*", async (c, next) => {
    await next();
    // The shell names the current build's assets: browsers must revalidate it.
    if (c.res.status === 200 && (c.req.path === "/" || c.req.path.endsWith(".html"))) c.header("Cache-Control", "no-cache");
  });
  app.use("/*", serveStatic({ root: webDir }));
  // A missing hashed asset (an old build's chunk after an update) is 404, never the app shell cached for a year.
  app.get("/assets/*", (c) => c.json(errorBody("not_found", "No such file."), 404));
  // Client-side routes: every other GET gets the app shell, revalidated each time so an update is seen at once.
  app.get("*", (c) => {
    c.header("Cache-Control", "no-cache");
    return c.html(fs.readFileSync(indexFile, "utf8"));
  });
}
