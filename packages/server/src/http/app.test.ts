import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { DIALECTS, type TestDatabase } from "../testing/test-databases.ts";

describe.each(DIALECTS)("accounts, classes and roles on $name", ({ open }) => {
  let database: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    database = await open();
    t = await createTestApp(database);
  });
  afterAll(async () => database?.drop());

  it("signs in the demo teacher and lists the classes they teach with learner counts", async () => {
    const cookie = await t.signIn("teacher1@demo.attune.test");
    const me = await (await t.request("GET", "/api/me", { cookie })).json();
    expect(me.role).toBe("teacher");
    const classes = await (await t.request("GET", "/api/classes", { cookie })).json();
    expect(classes.items.map((c: { name: string; learnerCount: number }) => [c.name, c.learnerCount])).toEqual([
      ["Math 5A", 20],
      ["Math 5B", 20],
    ]);
  });

  it("ends the session at sign-out, at once", async () => {
    const cookie = await t.signIn("learner12@demo.attune.test");
    expect((await t.request("GET", "/api/me", { cookie })).status).toBe(200);
    expect((await t.request("POST", "/api/auth/sign-out", { cookie, body: {} })).status).toBe(200);
    expect((await t.request("GET", "/api/me", { cookie })).status).toBe(401);
  });

  it("rejects a wrong password without saying whether the account exists", async () => {
    const wrong = await t.request("POST", "/api/auth/sign-in/email", { body: { email: "teacher1@demo.attune.test", password: "not-the-password" } });
    const unknown = await t.request("POST", "/api/auth/sign-in/email", { body: { email: "nobody@demo.attune.test", password: "not-the-password" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
  });
});

describe("sign-in response", () => {
  it("sets an httpOnly session cookie and does not put the session token in the body", async () => {
    const { freshSqlite } = await import("../testing/test-databases.ts");
    const database = await freshSqlite();
    try {
      const t = await createTestApp(database);
      const response = await t.request("POST", "/api/auth/sign-in/email", { body: { email: "learner01@demo.attune.test", password: "attune-demo" } });
      expect(response.status).toBe(200);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith("attune.session_token="))!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(["user"]);
      expect(JSON.stringify(body)).not.toContain(cookie.split("=")[1]!.split(".")[0]!);
    } finally {
      await database.drop();
    }
  });
});
