import { afterEach, describe, expect, it } from "vitest";
import { freshSqlite, type TestDatabase } from "../testing/test-databases.ts";
import { createSchoolAdmin } from "./create-admin.ts";

describe("create-admin", () => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.drop());

  it("creates the school and its admin, with a temporary password when none is given", async () => {
    database = await freshSqlite();
    const result = await createSchoolAdmin(database, { school: "Lakeview", name: "Pat Admin", email: "Pat@Lakeview.test" });
    expect(result).toMatchObject({ ok: true, schoolName: "Lakeview", schoolCreated: true, email: "pat@lakeview.test" });
    expect(result.ok && result.temporaryPassword).toMatch(/^[a-z2-9-]{14}$/);
    const again = await createSchoolAdmin(database, { school: "Lakeview", name: "Second Admin", email: "two@lakeview.test", password: "long-enough-pw" });
    expect(again).toMatchObject({ ok: true, schoolCreated: false });
    const admins = await database.db.selectFrom("users").select("role").where("role", "=", "admin").execute();
    expect(admins).toHaveLength(2);
  });

  it("names every bad argument and writes nothing", async () => {
    database = await freshSqlite();
    const result = await createSchoolAdmin(database, { school: "", email: "nope", password: "short" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.split(":")[0]).sort()).toEqual(["email", "name", "password", "school"]);
    expect(await database.db.selectFrom("schools").selectAll().execute()).toEqual([]);
  });
});
