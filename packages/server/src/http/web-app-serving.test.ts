import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../testing/test-app.ts";
import { freshSqlite, type TestDatabase } from "../testing/test-databases.ts";
import { createApp } from "./app.ts";

describe("serving the web app", () => {
  let database: TestDatabase;
  let app: ReturnType<typeof createApp>["app"];
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-web-"));
  beforeAll(async () => {
    fs.mkdirSync(path.join(webDir, "assets"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Attune</title>");
    fs.writeFileSync(path.join(webDir, "assets", "main-abc123.js"), "console.log(1)");
    database = await freshSqlite();
    const t = await createTestApp(database);
    app = createApp(t.deps, { webDir }).app;
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("caches hashed assets for a year and makes browsers revalidate the shell", async () => {
    const asset = await app.request("http://localhost/assets/main-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    for (const url of ["http://localhost/", "http://localhost/classes/x/alerts"]) {
      const shell = await app.request(url);
      expect(shell.status).toBe(200);
      expect(shell.headers.get("cache-control")).toBe("no-cache");
      expect(await shell.text()).toContain("<title>Attune</title>");
    }
  });

  it("answers a missing asset (an old build's chunk) with 404, not the shell", async () => {
    const missing = await app.request("http://localhost/assets/old-chunk-999.js");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBeNull();
  });
});
