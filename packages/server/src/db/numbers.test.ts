import { describe, expect, it } from "vitest";
import { DIALECTS } from "../testing/test-databases.ts";

describe.each(DIALECTS)("numbers on $name", ({ open }) => {
  it("keeps probabilities and thresholds to the last digit, so both databases hold the same knowledge states", async () => {
    const database = await open();
    try {
      const course = { title: "T", description: "", language: "en", level: null, license: null, authors: "[]", units: "[]", source: "test", content_hash: "h", imported_at: "2026-11-24T00:00:00.000Z", archived_at: null };
      const values = [0.95, 0.1234567890123456, 1 / 3];
      for (const [i, v] of values.entries()) await database.db.insertInto("courses").values({ ...course, id: `c${i}`, mastery_threshold: v }).execute();
      const rows = await database.db.selectFrom("courses").select(["id", "mastery_threshold"]).orderBy("id").execute();
      expect(rows.map((r) => Number(r.mastery_threshold))).toEqual(values);
    } finally {
      await database.drop();
    }
  });
});
