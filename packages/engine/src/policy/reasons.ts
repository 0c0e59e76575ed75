/**
 * Why an activity is recommended: structured reason parts (codes with their evidence, so the UI can translate them)
 * and an English sentence rendered from them.
 */

/** A skill named in a reason. */
export interface SkillRef {
  readonly skillId: string;
  readonly name: string;
}

/** One piece of evidence behind a recommendation. */
export type ReasonPart =
  | { readonly code: "prerequisites-mastered"; readonly prerequisites: readonly (SkillRef & { readonly masteredAt?: number })[]; readonly thisWeek: boolean }
  | { readonly code: "no-prerequisites" }
  | { readonly code: "assigned"; readonly assignedBy?: string; readonly dueAt?: number; readonly overdue: boolean }
  | { readonly code: "needed-for-assignment"; readonly target: SkillRef; readonly dueAt?: number }
  | { readonly code: "plan-goal"; readonly goalId?: string; readonly targetDate?: number }
  | { readonly code: "needed-for-goal"; readonly target: SkillRef; readonly goalId?: string }
  | { readonly code: "review-due"; readonly retrievability: number; readonly targetRetention: number; readonly lastReviewedAt?: number }
  | { readonly code: "prerequisite-check"; readonly struggling: SkillRef }
  | { readonly code: "mastery-reopened"; readonly mastery: number; readonly threshold: number }
  | { readonly code: "continue-practice"; readonly mastery: number; readonly threshold: number }
  | { readonly code: "in-zone"; readonly predictedSuccess: number; readonly low: number; readonly high: number }
  | { readonly code: "lesson-not-seen"; readonly lessonId: string; readonly minutes: number }
  | { readonly code: "matches-interest"; readonly interest: string }
  | { readonly code: "preferred-media"; readonly media: string }
  | { readonly code: "all-mastered" }
  | { readonly code: "nothing-due"; readonly nextReviewAt?: number };

/** A reason: its parts (most important first) and the sentence saying them. */
export interface Reason {
  readonly subject?: SkillRef;
  readonly parts: readonly ReasonPart[];
  readonly text: string;
}

/** How to render dates in reasons. */
export interface RenderOptions {
  /** IANA time zone for weekday names (default UTC). */
  readonly timeZone?: string;
}

const DAY_MS = 86_400_000;
const COUNT_WORDS = ["no", "one", "both", "three", "four", "five"];

interface Formatters {
  readonly day: Intl.DateTimeFormat;
  readonly weekday: Intl.DateTimeFormat;
  readonly date: Intl.DateTimeFormat;
}
const formatters = new Map<string, Formatters>();
/** Formatters are costly to build (tens of µs), so they are built once per time zone. */
function formattersFor(timeZone: string): Formatters {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = {
      day: new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
      weekday: new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long" }),
      date: new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long" }),
    };
    formatters.set(timeZone, f);
  }
  return f;
}

/** "today", "tomorrow", a weekday ("Friday") within the coming week, else a date ("12 March"); pure given `now`. */
export function renderDue(dueAt: number, now: number, options?: RenderOptions): string {
  const f = formattersFor(options?.timeZone ?? "UTC");
  const dueDay = f.day.format(dueAt);
  if (dueDay === f.day.format(now)) return "today";
  if (dueDay === f.day.format(now + DAY_MS)) return "tomorrow";
  if (dueAt > now && dueAt - now < 6 * DAY_MS) return f.weekday.format(dueAt);
  return f.date.format(dueAt);
}

function renderPart(part: ReasonPart, now: number, options?: RenderOptions): string | undefined {
  switch (part.code) {
    case "prerequisites-mastered": {
      const n = part.prerequisites.length;
      const which = n === 1 ? "its prerequisite" : n === 2 ? "both of its prerequisites" : `all ${COUNT_WORDS[n] ?? n} of its prerequisites`;
      return `you mastered ${which}${part.thisWeek ? " this week" : ""}`;
    }
    case "no-prerequisites":
      return "it builds on nothing you have not seen";
    case "assigned": {
      const who = part.assignedBy ? `${part.assignedBy} assigned it` : "your teacher assigned it";
      if (part.dueAt === undefined) return who;
      return part.overdue ? `${who}, and it was due ${renderDue(part.dueAt, now, options)}` : `${who}, due ${renderDue(part.dueAt, now, options)}`;
    }
    case "needed-for-assignment":
      return `you need it for ${part.target.name}, which is assigned${part.dueAt === undefined ? "" : ` and due ${renderDue(part.dueAt, now, options)}`}`;
    case "plan-goal":
      return `it is part of your plan${part.targetDate === undefined ? "" : ` for ${renderDue(part.targetDate, now, options)}`}`;
    case "needed-for-goal":
      return `you need it for ${part.target.name}, a goal of your plan`;
    case "review-due":
      return `it is time to review it: you would now recall it with about ${Math.round(part.retrievability * 100)}% chance, below your ${Math.round(part.targetRetention * 100)}% target`;
    case "prerequisite-check":
      return `a quick check: your last answers on ${part.struggling.name}, which builds on it, were wrong`;
    case "mastery-reopened":
      return `a recent answer suggests it needs more practice (mastery ${Math.round(part.mastery * 100)}%, mastered at ${Math.round(part.threshold * 100)}%)`;
    case "continue-practice":
      return `you are on your way (mastery ${Math.round(part.mastery * 100)}% of the ${Math.round(part.threshold * 100)}% needed)`;
    case "in-zone":
      return `you should get it right about ${Math.round(part.predictedSuccess * 100)}% of the time: challenging but within reach`;
    case "lesson-not-seen":
      return `a ${part.minutes}-minute lesson introduces it`;
    case "matches-interest":
      return `it is about ${part.interest}, which you like`;
    case "preferred-media":
      return `it comes as ${part.media}, as you prefer`;
    case "all-mastered":
      return "you have mastered every skill of the course and no review is due";
    case "nothing-due":
      return part.nextReviewAt === undefined ? "nothing is due right now" : `nothing is due; your next review is ${renderDue(part.nextReviewAt, now, options)}`;
  }
}

/** Renders reason parts as one English sentence: "Next: <title> — <part>; <part>." */
export function renderReason(title: string | undefined, parts: readonly ReasonPart[], now: number, options?: RenderOptions): string {
  const phrases = parts.map((p) => renderPart(p, now, options)).filter((p): p is string => p !== undefined);
  const body = phrases.join("; ");
  if (title === undefined) return `${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
  return phrases.length === 0 ? `Next: ${title}.` : `Next: ${title} — ${body}.`;
}
