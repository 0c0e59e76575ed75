import type { AlertContext } from "./alert-context.ts";
import type { Alert } from "./alert-types.ts";
import type { AttemptRecord } from "./records.ts";
import { median } from "./stats.ts";
import { percent, plural, secondsText } from "./text.ts";
import { DAY_MS } from "./time.ts";

/**
 * The class's median response time per item, from attempts with a known time; items with fewer than `minResponses`
 * timed attempts are left out (a median of two answers says little about an item).
 */
export function medianResponseMsByItem(attempts: readonly Pick<AttemptRecord, "itemId" | "responseMs">[], minResponses = 5): Map<string, number> {
  const times = new Map<string, number[]>();
  for (const a of attempts) {
    if (a.responseMs === null || a.responseMs === undefined || a.responseMs < 0) continue;
    let list = times.get(a.itemId);
    if (list === undefined) times.set(a.itemId, (list = []));
    list.push(a.responseMs);
  }
  const medians = new Map<string, number>();
  for (const [itemId, list] of [...times].sort(([a], [b]) => a.localeCompare(b))) if (list.length >= minResponses) medians.set(itemId, median(list) as number);
  return medians;
}

/** The rapid-response threshold of an item: NT10 (Wise & Ma 2012) from the class median when known, else the flat one. */
export function rapidThresholdMs(itemMedianMs: number | undefined, t: { readonly rapidMs: number; readonly rapidFractionOfMedian: number; readonly rapidMaxMs: number }): number {
  return itemMedianMs === undefined ? t.rapidMs : Math.min(t.rapidMaxMs, t.rapidFractionOfMedian * itemMedianMs);
}

function windowAttempts(ctx: AlertContext) {
  const since = ctx.now - ctx.t.behaviourWindowDays * DAY_MS;
  return ctx.attempts.filter((a) => a.at > since);
}

/**
 * Rapid guessing (Wise & Kong 2005, response-time effort): the share of the window's timed answers given faster than
 * the item's rapid threshold ({@link rapidThresholdMs}). An alert when at least `behaviourMinAttempts` answers are
 * timed and the share reaches `rapidShare`; high when half or more are rapid.
 */
export function rapidGuessingAlerts(ctx: AlertContext): Alert[] {
  const timed = windowAttempts(ctx).filter((a) => a.responseMs !== null && a.responseMs !== undefined && a.responseMs >= 0);
  if (timed.length < ctx.t.behaviourMinAttempts || timed.length === 0) return [];
  const medians = ctx.input.itemMedianMs;
  let rapid = 0;
  let rapidCorrect = 0;
  let judgedByClassMedian = 0;
  for (const a of timed) {
    const itemMedian = medians?.get(a.itemId);
    if ((a.responseMs as number) < rapidThresholdMs(itemMedian, ctx.t)) {
      rapid++;
      if (a.correct) rapidCorrect++;
      if (itemMedian !== undefined) judgedByClassMedian++;
    }
  }
  const share = rapid / timed.length;
  if (share < ctx.t.rapidShare) return [];
  const medianMs = median(timed.map((a) => a.responseMs as number)) as number;
  const rule =
    judgedByClassMedian === rapid
      ? `under a tenth of the class's usual time for the question`
      : judgedByClassMedian === 0
        ? `under ${secondsText(ctx.t.rapidMs)}, too fast to read the question`
        : `too fast to read the question (under ${secondsText(ctx.t.rapidMs)}, or a tenth of the class's usual time)`;
  return [
    {
      kind: "rapid-guessing",
      learnerId: ctx.input.learnerId,
      severity: share >= 0.5 ? "high" : "medium",
      evidence: { windowDays: ctx.t.behaviourWindowDays, attempts: timed.length, rapid, rapidShare: share, rapidCorrect, medianResponseMs: medianMs, judgedByClassMedian },
      message:
        `${ctx.who} answered ${rapid} of ${plural(timed.length, "question")} in the last ${ctx.t.behaviourWindowDays} days (${percent(share)}) ${rule}; ` +
        `${rapidCorrect} of those ${rapid} ${rapidCorrect === 1 ? "was" : "were"} right.`,
      suggestedAction: "Talk with them about taking time on each question, and check whether the work is too hard or too easy for them right now.",
    },
  ];
}

/** Hints requested faster than they can be read: the median gap between requests (or, without request times, the attempt's time per hint) is under `hintGapMs`. */
function clickedThrough(a: AttemptRecord, hintGapMs: number): boolean {
  const hints = a.hintsUsed ?? 0;
  if (hints < 2) return false;
  if (a.hintTimesMs !== undefined && a.hintTimesMs.length >= 2) {
    const times = [...a.hintTimesMs].sort((x, y) => x - y);
    const gaps = times.slice(1).map((tm, k) => tm - (times[k] as number));
    return (median(gaps) as number) < hintGapMs;
  }
  if (a.responseMs === null || a.responseMs === undefined) return false;
  return a.responseMs / hints < hintGapMs;
}

/**
 * Hint abuse (Aleven et al. 2006; Baker et al. 2004, "gaming the system"): attempts in the window where every hint
 * was opened (bottom-out: the last hint usually shows the answer; needs the item's `hintCount`) or hints were clicked
 * through. An alert when at least `behaviourMinAttempts` attempts and the share reaches `hintAbuseShare`; high at
 * twice that share.
 */
export function hintAbuseAlerts(ctx: AlertContext): Alert[] {
  const list = windowAttempts(ctx);
  if (list.length < ctx.t.behaviourMinAttempts || list.length === 0) return [];
  let withHints = 0;
  let bottomOut = 0;
  let rapidHints = 0;
  let abusive = 0;
  for (const a of list) {
    const hints = a.hintsUsed ?? 0;
    if (hints === 0) continue;
    withHints++;
    const isBottomOut = a.hintCount !== undefined && a.hintCount > 0 && hints >= a.hintCount;
    const isRapid = clickedThrough(a, ctx.t.hintGapMs);
    if (isBottomOut) bottomOut++;
    if (isRapid) rapidHints++;
    if (isBottomOut || isRapid) abusive++;
  }
  const share = abusive / list.length;
  if (share < ctx.t.hintAbuseShare) return [];
  const how = [bottomOut > 0 ? `went to the last hint on ${bottomOut}` : "", rapidHints > 0 ? `clicked through hints within seconds on ${rapidHints}` : ""].filter((s) => s !== "").join(" and ");
  return [
    {
      kind: "hint-abuse",
      learnerId: ctx.input.learnerId,
      severity: share >= 2 * ctx.t.hintAbuseShare ? "high" : "medium",
      evidence: { windowDays: ctx.t.behaviourWindowDays, attempts: list.length, withHints, bottomOut, rapidHints, abusive, abusiveShare: share },
      message:
        `${ctx.who} opened hints on ${withHints} of ${plural(list.length, "question")} in the last ${ctx.t.behaviourWindowDays} days; ` +
        `on ${abusive} (${percent(share)} of all questions) the hints did the work: they ${how}.`,
      suggestedAction: "Encourage them to try a step before asking for the next hint, and sit with them on one question to see where they get stuck.",
    },
  ];
}
