import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("defaults to port 3000 and the embedded database with the demo school", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.sqliteFile.endsWith("data/attune.sqlite")).toBe(true);
    expect(config.seedDemo).toBe(true);
  });

  it("turns the demo off by default on PostgreSQL, and on when asked", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db" }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://u@h/db", ATTUNE_DEMO: "true" }).seedDemo).toBe(true);
  });

  it("lists every problem at once", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", ATTUNE_SECRET: "short", ATTUNE_DEMO: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const fields = (error as ConfigError).problems.map((p) => p.split(":")[0]);
      expect(fields.sort()).toEqual(["ATTUNE_DEMO", "ATTUNE_SECRET", "DATABASE_URL", "PORT"]);
    }
  });
});
