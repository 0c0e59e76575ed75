import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dateForDialect } from "../services/users.service.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { DIALECTS, type TestDatabase } from "../testing/test-databases.ts";
import { SessionResolver } from "./sessions.ts";

const DAY_MS = 86_400_000;

describe.each(DIALECTS)("resolving sessions on $name", ({ open }) => {
  let database: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    database = await open();
    t = await createTestApp(database);
  });
  afterAll(async () => database?.drop());

  const headersOf = (cookie: string) => new Headers({ cookie });
  const tokenOf = (cookie: string) => decodeURIComponent(/attune\.session_token=([^;]+)/.exec(cookie)![1]!).split(".")[0]!;
  const setExpiry = (cookie: string, at: Date) =>
    database.db.updateTable("sessions").set({ expires_at: dateForDialect({ dialect: database.dialect }, at) }).where("token", "=", tokenOf(cookie)).execute();

  it("reads a fresh session without better-auth and finds the same person better-auth does", async () => {
    const cookie = await t.signIn("learner21@demo.attune.test");
    const resolver = new SessionResolver(t.deps.auth);
    const getSession = vi.spyOn(t.deps.auth.api, "getSession");
    const actor = await resolver.actorFrom(headersOf(cookie));
    expect(getSession).not.toHaveBeenCalled();
    getSession.mockRestore();
    const session = (await t.deps.auth.api.getSession({ headers: headersOf(cookie) }))!;
    const user = session.user as typeof session.user & { role: string; schoolId: string };
    expect(actor).toEqual({ id: user.id, name: user.name, email: user.email, role: user.role, schoolId: user.schoolId });
  });

  it("refuses a cookie whose signature does not match its token", async () => {
    const cookie = await t.signIn("learner22@demo.attune.test");
    const value = decodeURIComponent(/attune\.session_token=([^;]+)/.exec(cookie)![1]!);
    const [token, signature] = [value.slice(0, value.lastIndexOf(".")), value.slice(value.lastIndexOf(".") + 1)];
    const forged = `attune.session_token=${encodeURIComponent(`${token.slice(0, -1)}${token.endsWith("a") ? "b" : "a"}.${signature}`)}`;
    const resolver = new SessionResolver(t.deps.auth);
    expect(await resolver.actorFrom(headersOf(forged))).toBeNull();
    expect(await resolver.actorFrom(headersOf(cookie))).not.toBeNull();
  });

  it("leaves a session due for its daily refresh to better-auth, which extends it", async () => {
    const cookie = await t.signIn("learner23@demo.attune.test");
    await setExpiry(cookie, new Date(Date.now() + 5 * DAY_MS)); // two days old: past better-auth's updateAge of a day
    const resolver = new SessionResolver(t.deps.auth);
    expect((await resolver.actorFrom(headersOf(cookie)))?.email).toBe("learner23@demo.attune.test");
    const row = await database.db.selectFrom("sessions").select("expires_at").where("token", "=", tokenOf(cookie)).executeTakeFirstOrThrow();
    expect(new Date(row.expires_at).getTime()).toBeGreaterThan(Date.now() + 6 * DAY_MS);
  });

  it("resolves nobody for an expired session or a deactivated account", async () => {
    const expired = await t.signIn("learner24@demo.attune.test");
    await setExpiry(expired, new Date(Date.now() - 1000));
    const deactivated = await t.signIn("learner25@demo.attune.test");
    await database.db.updateTable("users").set({ active: 0 }).where("email", "=", "learner25@demo.attune.test").execute();
    const resolver = new SessionResolver(t.deps.auth);
    expect(await resolver.actorFrom(headersOf(expired))).toBeNull();
    expect(await resolver.actorFrom(headersOf(deactivated))).toBeNull();
  });
});
