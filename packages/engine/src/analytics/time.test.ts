import { describe, expect, it } from "vitest";
import { calendarDaysBetween, formatDay, localDay, startOfLocalDay, streakDays, weekWindow } from "./time.ts";

const DAY = 86_400_000;

describe("local calendar", () => {
  it("puts a moment on the viewer's local day (offset in minutes east of UTC)", () => {
    const t = Date.UTC(2025, 2, 9, 23, 30);
    expect(localDay(t)).toBe("2025-03-09");
    expect(localDay(t, 60)).toBe("2025-03-10");
    expect(localDay(Date.UTC(2025, 2, 10, 3), -300)).toBe("2025-03-09");
    expect(startOfLocalDay(t, 60)).toBe(Date.UTC(2025, 2, 9, 23));
    expect(calendarDaysBetween(Date.UTC(2025, 2, 9, 22), Date.UTC(2025, 2, 10, 1))).toBe(1);
  });

  it("gives the last 7 local days ending today and the week before", () => {
    const w = weekWindow(Date.UTC(2025, 2, 10, 12));
    expect(w.start).toBe(Date.UTC(2025, 2, 4));
    expect(w.end).toBe(Date.UTC(2025, 2, 11));
    expect(w.previousStart).toBe(Date.UTC(2025, 1, 25));
    expect(w.days).toEqual(["2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-08", "2025-03-09", "2025-03-10"]);
  });

  it("gives the calendar week from Monday in local time", () => {
    expect(weekWindow(Date.UTC(2025, 2, 10, 12), 0, "monday").start).toBe(Date.UTC(2025, 2, 10));
    expect(weekWindow(Date.UTC(2025, 2, 16, 22), 0, "monday").start).toBe(Date.UTC(2025, 2, 10));
    // Sunday 23:00 UTC is already Monday 00:00 in Paris (UTC+1).
    expect(weekWindow(Date.UTC(2025, 2, 16, 23), 60, "monday").start).toBe(Date.UTC(2025, 2, 16, 23));
    // Monday 03:00 UTC is still Sunday evening in New York (UTC−5): the week began Monday 3 March, 05:00 UTC.
    const ny = weekWindow(Date.UTC(2025, 2, 10, 3), -300, "monday");
    expect(ny.start).toBe(Date.UTC(2025, 2, 3, 5));
    expect(ny.days[0]).toBe("2025-03-03");
    expect(ny.days[6]).toBe("2025-03-09");
  });

  it("counts a streak up to today, or up to yesterday while today is still open", () => {
    const now = Date.UTC(2025, 2, 10, 12);
    expect(streakDays(new Set(["2025-03-08", "2025-03-09"]), now)).toBe(2);
    expect(streakDays(new Set(["2025-03-08", "2025-03-09", "2025-03-10"]), now)).toBe(3);
    expect(streakDays(new Set(["2025-03-07", "2025-03-09"]), now)).toBe(1);
    expect(streakDays(new Set(["2025-03-08"]), now)).toBe(0);
    expect(streakDays(new Set(["2025-03-10"]), now - 11 * 3_600_000, 60 * 13)).toBe(1);
  });

  it("writes dates for sentences, with the year only when it differs", () => {
    const now = Date.UTC(2025, 2, 10, 12);
    expect(formatDay(now - 3 * DAY, now)).toBe("7 March");
    expect(formatDay(Date.UTC(2024, 11, 31, 23, 30), now, 60)).toBe("1 January");
    expect(formatDay(Date.UTC(2026, 0, 2), now)).toBe("2 January 2026");
  });
});
