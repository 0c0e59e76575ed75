import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { DIALECTS, type TestDatabase } from "../testing/test-databases.ts";
import { demoIds } from "../testing/personas.ts";

type Json = Record<string, unknown>;

describe.each(DIALECTS)("running a school on $name", ({ open }) => {
  let database: TestDatabase;
  let t: TestApp;
  let admin: string;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  beforeAll(async () => {
    database = await open();
    t = await createTestApp(database);
    ids = await demoIds(t);
    admin = await t.signIn("admin@demo.attune.test");
  });
  afterAll(async () => database?.drop());

  const call = async (method: string, path: string, body?: unknown, cookie = admin) => {
    const response = await t.request(method, path, { cookie, body });
    return { status: response.status, body: (await response.json()) as Json };
  };

  it("creates a class, a teacher and a learner, enrols and links a guardian; the teacher sees the class", async () => {
    const teacher = await call("POST", "/api/users", { name: "Rosa Example", email: "rosa@demo.attune.test", role: "teacher", password: "a-long-password" });
    expect(teacher.status).toBe(201);
    const learner = await call("POST", "/api/users", { name: "Sam Example", email: "sam@demo.attune.test", role: "learner" });
    expect(learner.status).toBe(201);
    const temporaryPassword = learner.body.temporaryPassword as string;
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const teacherId = (teacher.body.user as Json).id as string;
    const learnerId = (learner.body.user as Json).id as string;

    const created = await call("POST", "/api/classes", { name: "Science 5", teacherIds: [teacherId] });
    expect(created.status).toBe(201);
    const classId = created.body.id as string;
    expect((await call("POST", `/api/classes/${classId}/enrolments`, { learnerIds: [learnerId, ids.user("learner05")] })).body.learnerCount).toBe(2);
    expect((await call("POST", `/api/guardians/${ids.user("guardian10")}/learners`, { learnerId })).status).toBe(200);

    const rosa = await t.signIn("rosa@demo.attune.test", "a-long-password");
    const classes = await call("GET", "/api/classes", undefined, rosa);
    expect((classes.body.items as Json[]).map((c) => [c.name, c.learnerCount])).toEqual([["Science 5", 2]]);
    const roster = await call("GET", `/api/classes/${classId}`, undefined, rosa);
    expect((roster.body.learners as Json[]).map((l) => l.name)).toContain("Sam Example");

    const sam = await t.signIn("sam@demo.attune.test", temporaryPassword);
    expect(((await call("GET", "/api/classes", undefined, sam)).body.items as Json[]).map((c) => c.name)).toEqual(["Science 5"]);
  });

  it("rejects a duplicate email and an unknown learner id with clear errors", async () => {
    const duplicate = await call("POST", "/api/users", { name: "Again", email: "ADMIN@demo.attune.test", role: "learner" });
    expect(duplicate.status).toBe(409);
    const unknown = await call("POST", `/api/classes/${ids.cls("Math 5A")}/enrolments`, { learnerIds: [ids.user("teacher1")] });
    expect(unknown.status).toBe(400);
    expect(((unknown.body.error as Json).details as Json[])[0]!.path).toBe("learnerIds.0");
  });

  it("resets a password: the old one stops working and sessions end", async () => {
    const before = await t.signIn("learner07@demo.attune.test");
    const reset = await call("POST", `/api/users/${ids.user("learner07")}/password-reset`);
    expect((await call("GET", "/api/me", undefined, before)).status).toBe(401);
    await expect(t.signIn("learner07@demo.attune.test")).rejects.toThrow(/401/);
    await t.signIn("learner07@demo.attune.test", reset.body.temporaryPassword as string);
  });

  it("deactivates an account: it cannot sign in, its data stays, and it can be reactivated", async () => {
    await call("POST", `/api/users/${ids.user("learner08")}/deactivate`);
    await expect(t.signIn("learner08@demo.attune.test")).rejects.toThrow(/403/);
    const detail = await call("GET", `/api/users/${ids.user("learner08")}`);
    expect(detail.body.active).toBe(false);
    expect((detail.body.classes as Json[]).length).toBe(1);
    await call("POST", `/api/users/${ids.user("learner08")}/reactivate`);
    await t.signIn("learner08@demo.attune.test");
  });

  it("records in the audit log who read or changed which learner's data, and pages through it", async () => {
    const teacher = await t.signIn("teacher1@demo.attune.test");
    await call("GET", `/api/classes/${ids.cls("Math 5A")}`, undefined, teacher);
    const guardian = await t.signIn("guardian03@demo.attune.test");
    await call("GET", "/api/guardian/learners", undefined, guardian);
    // A learner reading their own data is not an audit event.
    await call("GET", "/api/classes", undefined, await t.signIn("learner05@demo.attune.test"));

    const log = await call("GET", "/api/audit-events?pageSize=200");
    const events = log.body.items as Json[];
    const roster = events.find((e) => e.action === "class.roster.read" && e.actorRole === "teacher")!;
    expect(roster.targetId).toBe(ids.cls("Math 5A"));
    expect(((roster.details as Json).learnerIds as string[]).length).toBe(20);
    const guardianRead = events.find((e) => e.action === "guardian.learners.read")!;
    expect(guardianRead.actorRole).toBe("guardian");
    expect((guardianRead.details as Json).learnerIds).toEqual(expect.arrayContaining([ids.user("learner05"), ids.user("learner06")]));
    expect(events.some((e) => e.action === "user.password-reset" && e.learnerId === ids.user("learner07"))).toBe(true);
    expect(events.some((e) => e.actorId === ids.user("learner05"))).toBe(false);

    const page1 = await call("GET", "/api/audit-events?pageSize=2&page=1");
    const page2 = await call("GET", "/api/audit-events?pageSize=2&page=2");
    expect(page1.body.total).toBe(log.body.total);
    expect((page1.body.items as Json[])[1]!.id).toBeGreaterThan((page2.body.items as Json[])[0]!.id as number);
    const filtered = await call("GET", `/api/audit-events?learnerId=${ids.user("learner07")}`);
    expect((filtered.body.items as Json[]).every((e) => e.learnerId === ids.user("learner07"))).toBe(true);
  });
});
