import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignInLimiter } from "../auth/sign-in-limiter.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { freshSqlite, type TestDatabase } from "../testing/test-databases.ts";
import { demoIds } from "../testing/personas.ts";

/** Strings an attacker or a careless client sends: injection, markup, control characters, huge and odd Unicode. */
const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "1; SELECT pg_sleep(5)",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "../../../../etc/passwd",
  "%00",
  "\u0000\u0001\u0002",
  "𝓐𝓽𝓽𝓾𝓷𝓮 🎓 ﷽",
  "x".repeat(10_000),
];
const HOSTILE_VALUES: unknown[] = [null, 0, -1, 1e308, true, [], {}, [1, 2], { $gt: "" }, ...HOSTILE_STRINGS];

type Persona = "admin" | "guardian";

describe("bad input never breaks the server (SQLite)", () => {
  let database: TestDatabase;
  let t: TestApp;
  let cookies: Record<Persona, string>;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    database = await freshSqlite();
    t = await createTestApp(database);
    ids = await demoIds(t);
    cookies = { admin: await t.signIn("admin@demo.attune.test"), guardian: await t.signIn("guardian01@demo.attune.test") };
  });
  afterAll(async () => database?.drop());

  it("answers every route with a 4xx error envelope, never a 500, for a corpus of bad inputs", async () => {
    const problems: string[] = [];
    const entries = t.routes.entries.filter((e) => !e.path.includes("*"));
    for (const entry of entries) {
      const cookie = entry.path.startsWith("/api/guardian/") ? cookies.guardian : cookies.admin;
      const realParams = entry.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === "classId" ? ids.cls("Math 5A") : ids.user(name === "guardianId" ? "guardian01" : "learner05"),
      );
      const attempts: { label: string; path: string; body?: unknown; raw?: string }[] = [];
      for (const value of HOSTILE_STRINGS) {
        if (entry.path.includes("{")) {
          attempts.push({ label: `path param ${JSON.stringify(value.slice(0, 20))}`, path: entry.path.replace(/\{(\w+)\}/g, encodeURIComponent(value)) });
        }
        if (entry.takesQuery) attempts.push({ label: `query ${JSON.stringify(value.slice(0, 20))}`, path: `${realParams}?page=${encodeURIComponent(value)}&q=${encodeURIComponent(value)}&role=${encodeURIComponent(value)}` });
      }
      if (entry.takesBody) {
        attempts.push({ label: "malformed JSON", path: realParams, raw: '{"name": "x",' });
        attempts.push({ label: "JSON array body", path: realParams, raw: "[]" });
        attempts.push({ label: "unknown field", path: realParams, body: { surprise: 1 } });
        attempts.push({ label: "body over 1 MB", path: realParams, raw: JSON.stringify({ name: "x".repeat(1_100_000) }) });
        for (const field of ["name", "email", "role", "password", "subject", "teacherIds", "teacherId", "learnerId", "learnerIds", "archived"]) {
          for (const value of HOSTILE_VALUES) attempts.push({ label: `${field}=${JSON.stringify(value)?.slice(0, 20)}`, path: realParams, body: { [field]: value } });
        }
      }
      for (const attempt of attempts) {
        const response = await t.request(entry.method, attempt.path, { cookie, body: attempt.body, rawBody: attempt.raw });
        const text = await response.text();
        if (response.status >= 500) problems.push(`${entry.method} ${entry.path} with ${attempt.label}: ${response.status}`);
        if (response.status >= 400 && attempt.path.startsWith("/api/")) {
          const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
          if (!body.error?.code || !body.error.message) problems.push(`${entry.method} ${entry.path} with ${attempt.label}: no error envelope`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it("names the offending field, including unknown ones", async () => {
    const response = await t.request("POST", "/api/users", {
      cookie: cookies.admin,
      body: { name: 12, email: "not-an-email", role: "wizard", favouriteColour: "blue" },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.details.map((d) => d.path).sort()).toEqual(["email", "favouriteColour", "name", "role"]);
  });

  it("rejects overlong strings and bodies over 1 MB with clear codes", async () => {
    const long = await t.request("POST", "/api/classes", { cookie: cookies.admin, body: { name: "x".repeat(500) } });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe("name");
    const huge = await t.request("POST", "/api/classes", { cookie: cookies.admin, rawBody: JSON.stringify({ name: "y".repeat(1_100_000) }) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("stores hostile text as plain data and returns it unchanged", async () => {
    const name = "<script>alert(1)</script>'; DROP TABLE users; --";
    const created = await t.request("POST", "/api/classes", { cookie: cookies.admin, body: { name } });
    expect(created.status).toBe(201);
    const classes = (await (await t.request("GET", "/api/classes", { cookie: cookies.admin })).json()) as { items: { name: string }[] };
    expect(classes.items.some((c) => c.name === name)).toBe(true);
    const users = await t.deps.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(users.n)).toBeGreaterThan(100);
  });

  it("sets security headers on pages and API responses", async () => {
    const response = await t.request("GET", "/healthz");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("sign-in rate limits (SQLite)", () => {
  let database: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    database = await freshSqlite();
    t = await createTestApp(database, { signInLimiter: new SignInLimiter({ perAccount: 3, perAddress: 8, windowMs: 60_000 }) });
  });
  afterAll(async () => database?.drop());

  const attempt = (email: string, password: string) => t.request("POST", "/api/auth/sign-in/email", { body: { email, password } });

  it("locks an account after repeated failures, even with the right password, and says when to retry", async () => {
    for (let i = 0; i < 3; i++) expect((await attempt("learner10@demo.attune.test", "wrong-password")).status).toBe(401);
    const locked = await attempt("learner10@demo.attune.test", "attune-demo");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });

  it("limits attempts per address across accounts", async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(`learner${20 + i}@demo.attune.test`, "wrong-password")).status);
    expect(statuses.slice(0, 4).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
