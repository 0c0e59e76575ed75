import { describe, expect, it } from "vitest";
import { streakDays } from "./today.service.ts";

describe("streak of active days", () => {
  const now = new Date("2026-11-24T15:00:00Z");
  it("counts consecutive days up to today", () => {
    expect(streakDays(new Set(["2026-11-22", "2026-11-23", "2026-11-24"]), now)).toBe(3);
  });
  it("keeps yesterday's streak while today is not over", () => {
    expect(streakDays(new Set(["2026-11-22", "2026-11-23"]), now)).toBe(2);
  });
  it("is zero after a missed day, with nothing lost to report", () => {
    expect(streakDays(new Set(["2026-11-20", "2026-11-21"]), now)).toBe(0);
  });
});
