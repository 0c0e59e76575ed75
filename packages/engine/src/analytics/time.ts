/**
 * Calendar arithmetic in the viewer's time zone, given as a fixed offset from UTC. The server knows the school's (or
 * guardian's) offset for the moment it builds a view; a fixed offset keeps these functions pure and cheap.
 */

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Minutes east of UTC (CET = 60, New York in winter = −300): the opposite sign of `Date.getTimezoneOffset()`. */
export type TimeZoneOffset = number;

/** The local calendar day of a moment, as "YYYY-MM-DD". */
export function localDay(ms: number, offsetMinutes: TimeZoneOffset = 0): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The moment local midnight starts the day that contains `ms`. */
export function startOfLocalDay(ms: number, offsetMinutes: TimeZoneOffset = 0): number {
  const shift = offsetMinutes * 60_000;
  return Math.floor((ms + shift) / DAY_MS) * DAY_MS - shift;
}

/** Which week a report covers: the 7 local days ending today (default), or the calendar week from Monday. */
export type WeekMode = "last-7-days" | "monday";

/** A week and the week before it, as half-open intervals [start, end) of epoch milliseconds. */
export interface WeekWindow {
  readonly start: number;
  readonly end: number;
  readonly previousStart: number;
  /** The 7 local days of the week, "YYYY-MM-DD", oldest first. */
  readonly days: readonly string[];
}

/**
 * The week containing `now` in local time. "last-7-days": today and the 6 days before; "monday": Monday 00:00 to the
 * next Monday (ISO 8601 weeks; 1970-01-01 was a Thursday, weekday index 3 counting from Monday = 0).
 */
export function weekWindow(now: number, offsetMinutes: TimeZoneOffset = 0, mode: WeekMode = "last-7-days"): WeekWindow {
  const today = startOfLocalDay(now, offsetMinutes);
  let start: number;
  if (mode === "monday") {
    const dayNumber = Math.round((today + offsetMinutes * 60_000) / DAY_MS);
    const weekday = (((dayNumber + 3) % 7) + 7) % 7;
    start = today - weekday * DAY_MS;
  } else {
    start = today - 6 * DAY_MS;
  }
  const days = Array.from({ length: 7 }, (_, k) => localDay(start + k * DAY_MS + DAY_MS / 2, offsetMinutes));
  return { start, end: start + WEEK_MS, previousStart: start - WEEK_MS, days };
}

/**
 * Active days in a row up to today, or up to yesterday when today has no activity yet: a streak is never "lost"
 * before the day is over (the same rule as the learner's Today page).
 */
export function streakDays(activeDays: ReadonlySet<string>, now: number, offsetMinutes: TimeZoneOffset = 0): number {
  const day = (back: number) => localDay(now - back * DAY_MS, offsetMinutes);
  let back = activeDays.has(day(0)) ? 0 : 1;
  let streak = 0;
  while (activeDays.has(day(back))) {
    streak++;
    back++;
  }
  return streak;
}

const DAY_MONTH = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long" });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** A date for a sentence: "3 March", with the year when it is not the year of `now` ("3 March 2027"). */
export function formatDay(ms: number, now: number, offsetMinutes: TimeZoneOffset = 0): string {
  const shift = offsetMinutes * 60_000;
  const sameYear = new Date(ms + shift).getUTCFullYear() === new Date(now + shift).getUTCFullYear();
  return (sameYear ? DAY_MONTH : DAY_MONTH_YEAR).format(ms + shift);
}

/** Whole local calendar days from `from` to `to` (0 on the same day). */
export function calendarDaysBetween(from: number, to: number, offsetMinutes: TimeZoneOffset = 0): number {
  return Math.round((startOfLocalDay(to, offsetMinutes) - startOfLocalDay(from, offsetMinutes)) / DAY_MS);
}
