import type { Rng } from "@attune/engine";
import type { ProfileTraits, Range } from "./demo-profiles.ts";

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * When a class has its lessons: weekdays (1 = Monday … 5 = Friday), the minute of the day (UTC) they start, and
 * how long the teacher lets the class work on Attune (else the profile's time).
 */
export type Timetable = { readonly weekdays: readonly number[]; readonly startMinute: number; readonly minutes?: Range };

/** One sitting at Attune: in a timetabled lesson or at home after school. */
export type StudySession = { readonly start: number; readonly minutes: number; readonly place: "class" | "home" };

export const uniformIn = (rng: Rng, [lo, hi]: Range): number => lo + (hi - lo) * rng();

/**
 * A learner's sittings on school days from `from` until `until`: in most of the class's timetabled lessons (a few
 * minutes after the bell) and now and then at home between 16:00 and 20:00. Sessions start before `until`.
 */
export function studySessions(timetable: Timetable, traits: ProfileTraits, from: number, until: number, rng: Rng): StudySession[] {
  const sessions: StudySession[] = [];
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < until; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const inClass = timetable.weekdays.includes(weekday) && rng() < traits.attendance;
    const classStart = day + (timetable.startMinute + 3 + rng() * 8) * MINUTE_MS;
    const classMinutes = timetable.minutes ? uniformIn(rng, timetable.minutes) : uniformIn(rng, traits.classMinutes);
    if (inClass && classStart >= from && classStart < until) sessions.push({ start: Math.round(classStart), minutes: classMinutes, place: "class" });
    const atHome = rng() < traits.homeSessions;
    const homeStart = day + (16 * 60 + rng() * 240) * MINUTE_MS;
    const homeMinutes = uniformIn(rng, traits.homeMinutes);
    if (atHome && homeStart >= from && homeStart < until) sessions.push({ start: Math.round(homeStart), minutes: homeMinutes, place: "home" });
  }
  return sessions.sort((a, b) => a.start - b.start);
}
