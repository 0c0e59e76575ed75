import { DEFAULT_PREFERENCES, type Role } from "@attune/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { DIALECTS, type TestDatabase } from "../testing/test-databases.ts";
import { OTHER_PASSWORD, demoIds, seedOtherSchool } from "../testing/personas.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importCourse } from "../courses/course-import.service.ts";
import { loadCourseDir } from "../courses/course-loader.ts";
import type { RouteEntry } from "./route.ts";

const SPANISH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../courses/spanish-a1");

/** `okStatus`: what an allowed caller gets for this sample when it is not 2xx (the rule passed; the input did not). */
type Sample = { params?: Record<string, string>; body?: unknown; query?: string; okStatus?: number[] };
type Ids = Awaited<ReturnType<typeof demoIds>>;

/**
 * A valid request for every protected route. A route added without a sample here fails the matrix, so nobody
 * can add a route whose access rule is untested.
 */
function samples(ids: Ids, firstItemId: string, firstLessonId: string, firstSkillId: string): Record<string, Sample> {
  const math5a = ids.cls("Math 5A");
  let counter = 0;
  return {
    "GET /api/me": {},
    "GET /api/me/preferences": {},
    "PUT /api/me/preferences": { body: DEFAULT_PREFERENCES },
    "GET /api/audit-events": { query: "?page=1&pageSize=20" },
    "GET /api/users": { query: "?role=learner" },
    "POST /api/users": { get body() { return { name: "New Person", email: `new${++counter}@demo.attune.test`, role: "learner" }; } },
    "GET /api/users/{userId}": { params: { userId: ids.user("learner01") } },
    "POST /api/users/{userId}/password-reset": { params: { userId: ids.user("learner80") } },
    "POST /api/users/{userId}/deactivate": { params: { userId: ids.user("learner80") } },
    "POST /api/users/{userId}/reactivate": { params: { userId: ids.user("learner80") } },
    "POST /api/guardians/{guardianId}/learners": { params: { guardianId: ids.user("guardian01") }, body: { learnerId: ids.user("learner03") } },
    "DELETE /api/guardians/{guardianId}/learners/{learnerId}": { params: { guardianId: ids.user("guardian01"), learnerId: ids.user("learner02") } },
    "GET /api/guardian/learners": {},
    "GET /api/classes": {},
    "GET /api/courses": {},
    "POST /api/classes": { body: { name: "Math 7A", subject: "Mathematics" } },
    "GET /api/classes/{classId}": { params: { classId: math5a } },
    "GET /api/classes/{classId}/mastery": { params: { classId: math5a } },
    "PATCH /api/classes/{classId}": { params: { classId: math5a }, body: { subject: "Math" } },
    "POST /api/classes/{classId}/teachers": { params: { classId: math5a }, body: { teacherId: ids.user("teacher2") } },
    "DELETE /api/classes/{classId}/teachers/{teacherId}": { params: { classId: math5a, teacherId: ids.user("teacher2") } },
    "POST /api/classes/{classId}/enrolments": { params: { classId: math5a }, body: { learnerIds: [ids.user("learner41")] } },
    "DELETE /api/classes/{classId}/enrolments/{learnerId}": { params: { classId: math5a, learnerId: ids.user("learner02") } },
    "GET /api/courses/{courseId}/items/{itemId}": { params: { courseId: "spanish-a1", itemId: firstItemId } },
    "POST /api/courses/{courseId}/attempts": {
      params: { courseId: "spanish-a1" },
      get body() { return { attemptId: crypto.randomUUID(), itemId: firstItemId, response: "a" }; },
    },
    "GET /api/courses/{courseId}/mastery": { params: { courseId: "spanish-a1" } },
    "GET /api/courses/{courseId}/next": { params: { courseId: "spanish-a1" } },
    "GET /api/learner/courses": {},
    "GET /api/learner/today": {},
    "GET /api/courses/{courseId}/items/{itemId}/hints/{hint}": { params: { courseId: "spanish-a1", itemId: firstItemId, hint: "1" } },
    // The Spanish course has no scaffolds: an allowed caller gets "not found" after authorization.
    "POST /api/courses/{courseId}/items/{itemId}/hints/{hint}/answers": { params: { courseId: "spanish-a1", itemId: firstItemId, hint: "1" }, body: { response: "a" }, okStatus: [404] },
    "POST /api/courses/{courseId}/placement": { params: { courseId: "spanish-a1" } },
    // The matrix only needs a well-formed answer: a wrong item id is refused after authorization (400).
    "POST /api/courses/{courseId}/placement/answers": { params: { courseId: "spanish-a1" }, body: { itemId: "not-current", response: "a" }, okStatus: [400] },
    "POST /api/courses/{courseId}/placement/finish": { params: { courseId: "spanish-a1" } },
    "GET /api/courses/{courseId}/plan": { params: { courseId: "spanish-a1" } },
    "POST /api/courses/{courseId}/goals": {
      params: { courseId: "spanish-a1" },
      body: { title: "Finish unit", skillIds: [firstSkillId], targetDate: "2099-01-01", minutesPerWeek: 60 },
    },
    "DELETE /api/courses/{courseId}/goals/{goalId}": { params: { courseId: "spanish-a1", goalId: "00000000-0000-4000-8000-000000000000" }, okStatus: [404] },
    "POST /api/courses/{courseId}/choices": {
      params: { courseId: "spanish-a1" },
      body: { recommended: null, chosen: { kind: "practice", skillId: "greetings", skillName: "Greetings", itemId: "x" } },
    },
    "GET /api/courses/{courseId}/lessons/{lessonId}": { params: { courseId: "spanish-a1", lessonId: firstLessonId } },
    "POST /api/courses/{courseId}/lessons/{lessonId}/visits": { params: { courseId: "spanish-a1", lessonId: firstLessonId }, body: { variant: "text", seconds: 30 } },
    "GET /api/classes/{classId}/overview": { params: { classId: math5a } },
    "GET /api/classes/{classId}/alerts": { params: { classId: math5a } },
    "POST /api/classes/{classId}/alerts/dismissals": { params: { classId: math5a }, body: { learnerId: ids.user("learner01"), alertKey: "inactive" } },
    "GET /api/classes/{classId}/learners/{learnerId}": { params: { classId: math5a, learnerId: ids.user("learner01") } },
    "GET /api/classes/{classId}/assignments": { params: { classId: math5a } },
    "POST /api/classes/{classId}/assignments": { params: { classId: math5a }, body: { skillIds: [firstSkillId], audience: { kind: "learners", learnerIds: [ids.user("learner01")] } } },
    "DELETE /api/classes/{classId}/assignments/{assignmentId}": { params: { classId: math5a, assignmentId: "00000000-0000-4000-8000-000000000000" }, okStatus: [404] },
    "POST /api/classes/{classId}/learners/{learnerId}/overrides": {
      params: { classId: math5a, learnerId: ids.user("learner01") },
      body: { skillId: firstSkillId, action: "reset", reason: "Matrix check" },
    },
    "POST /api/classes/{classId}/learners/{learnerId}/overrides/{overrideId}/undo": {
      params: { classId: math5a, learnerId: ids.user("learner01"), overrideId: "00000000-0000-4000-8000-000000000000" },
      okStatus: [404],
    },
    "POST /api/classes/{classId}/learners/{learnerId}/notes": { params: { classId: math5a, learnerId: ids.user("learner01") }, body: { body: "Worked well today", sharedWithFamily: true } },
    "POST /api/classes/{classId}/learners/{learnerId}/check-ins": { params: { classId: math5a, learnerId: ids.user("learner01") }, body: { scheduledAt: "2099-01-01" } },
    "PATCH /api/check-ins/{checkInId}": { params: { checkInId: "00000000-0000-4000-8000-000000000000" }, body: { status: "done" }, okStatus: [404] },
    "GET /api/classes/{classId}/exports/{kind}": { params: { classId: math5a, kind: "gradebook" } },
    "GET /api/classes/{classId}/groups": { params: { classId: math5a } },
    "GET /api/classes/{classId}/groups/suggestions": { params: { classId: math5a }, query: "?minSize=2&maxSize=4" },
    "PUT /api/classes/{classId}/groups": { params: { classId: math5a }, body: { groups: [{ name: "Group A", learnerIds: [ids.user("learner01")], skillIds: [firstSkillId], reason: "" }] } },
    "GET /api/classes/{classId}/item-analysis": { params: { classId: math5a } },
    "GET /api/school/report": {},
    "GET /api/guardian/learners/{learnerId}/progress": { params: { learnerId: ids.user("learner01") } },
  };
}

function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`sample for ${path} lacks param ${name}`);
    return value;
  });
}

const ROLES: Role[] = ["admin", "teacher", "learner", "guardian"];

describe.each(DIALECTS)("authorization matrix on $name", ({ open }) => {
  let database: TestDatabase;
  let t: TestApp;
  let ids: Ids;
  let firstItemId: string;
  let firstLessonId: string;
  let firstSkillId: string;
  const cookies: Partial<Record<Role, string>> = {};
  const otherCookies: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    database = await open();
    t = await createTestApp(database);
    ids = await demoIds(t);
    await seedOtherSchool(t);
    // Learning routes need a course: Math 5A (learner01's class) follows the Spanish course here.
    const spanish = await loadCourseDir(SPANISH);
    firstItemId = spanish.items[0]!.id;
    firstLessonId = spanish.course.lessons[0]!.id;
    firstSkillId = spanish.course.skills[0]!.id;
    await importCourse(database.db, spanish.course, spanish.items, "folder", new Date());
    await database.db.updateTable("classes").set({ course_id: "spanish-a1" }).where("id", "=", ids.cls("Math 5A")).execute();
    const demoEmail: Record<Role, string> = {
      admin: "admin@demo.attune.test",
      teacher: "teacher1@demo.attune.test",
      learner: "learner01@demo.attune.test",
      guardian: "guardian01@demo.attune.test",
    };
    for (const role of ROLES) {
      cookies[role] = await t.signIn(demoEmail[role]);
      otherCookies[role] = await t.signIn(`${role}@hillside.test`, OTHER_PASSWORD);
    }
  });
  afterAll(async () => database?.drop());

  it("has an access rule for every route the app serves", () => {
    const declared = t.routes.entries.map((e) => `${e.method} ${e.path.replace(/\{(\w+)\}/g, ":$1")}`);
    const served = t.app.routes
      .filter((r) => r.path.startsWith("/api") || r.path === "/healthz" || r.path === "/readyz")
      .filter((r) => r.method !== "ALL")
      .map((r) => `${r.method} ${r.path}`);
    const covered = (route: string) =>
      declared.some((d) => d === route || (d.endsWith("/*") && route.startsWith(d.slice(0, -1)) && d.split(" ")[0] === route.split(" ")[0]));
    expect(served.filter((r) => !covered(r))).toEqual([]);
  });

  it("checks every protected route as every role, as another school and signed out", async () => {
    const table = samples(ids, firstItemId, firstLessonId, firstSkillId);
    const protectedRoutes = t.routes.entries.filter((e): e is RouteEntry & { access: { kind: "roles" | "signed-in" } } => e.access.kind !== "public");
    const missing = protectedRoutes.map((e) => `${e.method} ${e.path}`).filter((key) => !(key in table));
    expect(missing, "routes without a sample request in the matrix").toEqual([]);

    const failures: string[] = [];
    for (const entry of protectedRoutes) {
      const key = `${entry.method} ${entry.path}`;
      const sample = table[key]!;
      const path = fillPath(entry.path, sample.params) + (sample.query ?? "");
      const call = (cookie?: string) => t.request(entry.method, path, { cookie, body: sample.body });
      const allowed = (role: Role) => entry.access.kind === "signed-in" || (entry.access as { roles: readonly Role[] }).roles.includes(role);
      const expectStatus = (who: string, actual: number, ok: (s: number) => boolean, wanted: string) => {
        if (!ok(actual)) failures.push(`${key} as ${who}: got ${actual}, wanted ${wanted}`);
      };

      expectStatus("signed out", (await call()).status, (s) => s === 401, "401");

      // Another school: a role the route allows must never see or touch this school's records.
      const otherRole = ROLES.find(allowed) ?? "admin";
      const other = await call(otherCookies[otherRole]);
      const otherText = await other.text();
      if (!allowed(otherRole)) expectStatus(`other school's ${otherRole}`, other.status, (s) => s === 403, "403");
      // A record of this school is "not found" for another school; shared course content is "forbidden".
      else if (entry.path.includes("{")) expectStatus(`other school's ${otherRole}`, other.status, (s) => s === 404 || s === 403, "404 or 403");
      else if (other.status < 300 && ids.allIds.some((id) => otherText.includes(id))) {
        failures.push(`${key} as other school's ${otherRole}: response contains this school's ids`);
      }

      for (const role of ["learner", "guardian", "teacher", "admin"] as Role[]) {
        const response = await call(cookies[role]);
        if (!allowed(role)) expectStatus(role, response.status, (s) => s === 403, "403");
        else expectStatus(role, response.status, (s) => (s >= 200 && s < 300) || (sample.okStatus ?? []).includes(s), "2xx");
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets a teacher open only the classes they teach", async () => {
    const own = await t.request("GET", `/api/classes/${ids.cls("Math 5B")}`, { cookie: cookies.teacher });
    const notTheirs = await t.request("GET", `/api/classes/${ids.cls("Spanish 1")}`, { cookie: cookies.teacher });
    expect(own.status).toBe(200);
    expect(notTheirs.status).toBe(403);
  });

  it("shows a guardian only their own linked learners", async () => {
    const response = await t.request("GET", "/api/guardian/learners", { cookie: cookies.guardian });
    const body = (await response.json()) as { items: { id: string }[] };
    // guardian01 is linked to learner01 and learner02 (the matrix above moved learner03 in and learner02 out).
    expect(body.items.map((l) => l.id).sort()).toEqual([ids.user("learner01"), ids.user("learner03")].sort());
  });
});
