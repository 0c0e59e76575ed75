import pino from "pino";
import { createAuth } from "../auth/auth.ts";
import { SignInLimiter } from "../auth/sign-in-limiter.ts";
import { DEMO_PASSWORD, type DemoSummary, seedDemoSchool } from "../demo/seed-demo.ts";
import { createApp } from "../http/app.ts";
import type { Deps } from "../http/app-env.ts";
import { SessionResolver } from "../auth/sessions.ts";
import { CourseContentCache } from "../learning/course-content.ts";
import type { TestDatabase } from "./test-databases.ts";

export type TestApp = {
  app: ReturnType<typeof createApp>["app"];
  routes: ReturnType<typeof createApp>["routes"];
  deps: Deps;
  demo: DemoSummary;
  /** Signs in and returns the Cookie header value for later requests. */
  signIn: (email: string, password?: string) => Promise<string>;
  request: (method: string, path: string, options?: { cookie?: string; body?: unknown; rawBody?: string }) => Promise<Response>;
};

export const TEST_SECRET = "test-secret-test-secret-test-secret-0123";

/** An in-process app on a fresh database with the demo school seeded. */
export async function createTestApp(database: TestDatabase, options: { signInLimiter?: SignInLimiter; courses?: boolean } = {}): Promise<TestApp> {
  const logger = pino({ level: "silent" });
  const auth = createAuth({ db: database.db, dialect: database.dialect, secret: TEST_SECRET, publicUrl: "http://localhost:3000", secureCookies: false, logger });
  const deps: Deps = { db: database.db, dialect: database.dialect, auth, logger, now: () => new Date(), courses: new CourseContentCache(database.db), sessions: new SessionResolver(auth) };
  const demo = await seedDemoSchool(database.db, database.dialect, new Date(), () => {}, { courses: options.courses ?? false });
  if (!demo) throw new Error("test database was not empty");
  const { app, routes } = createApp(deps, { signInLimiter: options.signInLimiter ?? new SignInLimiter({ perAccount: 1000, perAddress: 100000, windowMs: 60000 }) });
  const request: TestApp["request"] = (method, path, opts = {}) => {
    const headers: Record<string, string> = { origin: "http://localhost:3000" };
    if (opts.cookie) headers.cookie = opts.cookie;
    let body: string | undefined;
    if (opts.rawBody !== undefined) {
      body = opts.rawBody;
      headers["content-type"] = "application/json";
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers["content-type"] = "application/json";
    }
    return Promise.resolve(app.request(`http://localhost:3000${path}`, { method, headers, body }));
  };
  const signIn = async (email: string, password = DEMO_PASSWORD) => {
    const response = await request("POST", "/api/auth/sign-in/email", { body: { email, password } });
    if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
    const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
    return cookies.join("; ");
  };
  return { app, routes, deps, demo, signIn, request };
}
