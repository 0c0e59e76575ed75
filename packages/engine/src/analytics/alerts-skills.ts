import { ancestorsOf } from "../policy/course-graph.ts";
import type { AlertContext } from "./alert-context.ts";
import type { Alert, AlertSeverity, AlertSkillRef } from "./alert-types.ts";
import type { AttemptRecord } from "./records.ts";
import { percent, plural } from "./text.ts";
import { DAY_MS, formatDay, localDay } from "./time.ts";

/** Shares are compared with a little slack so 0.7 − 0.5 counts as a fall of 0.2. */
const EPS = 1e-9;

type Timed = AttemptRecord & { readonly at: number };

function attemptsBySkill(attempts: readonly Timed[], practiceOnly: boolean): Map<string, Timed[]> {
  const bySkill = new Map<string, Timed[]>();
  for (const a of attempts) {
    if (practiceOnly && a.context === "placement") continue;
    const ids = a.skillIds;
    for (let k = 0; k < ids.length; k++) {
      const s = ids[k] as string;
      if (ids.indexOf(s) !== k) continue; // a skill listed twice counts once
      let list = bySkill.get(s);
      if (list === undefined) bySkill.set(s, (list = []));
      list.push(a);
    }
  }
  return bySkill;
}

/** Prerequisites not yet mastered: direct ones first, then further back; weakest (never practised first) within each. */
function unmasteredPrerequisites(ctx: AlertContext, skillId: string): AlertSkillRef[] {
  const { course } = ctx.input;
  const i = course.skillIndex.get(skillId);
  if (i === undefined) return [];
  const direct = new Set(course.prerequisites[i] ?? []);
  const refs = ancestorsOf(course, i)
    .map((a) => ({ ref: ctx.ref(course.skills[a]?.id as string), direct: direct.has(a) }))
    .filter(({ ref }) => ref.mastery === null || ref.mastery < ref.threshold);
  refs.sort((a, b) => Number(b.direct) - Number(a.direct) || (a.ref.mastery ?? -1) - (b.ref.mastery ?? -1) || a.ref.skillId.localeCompare(b.ref.skillId));
  return refs.map((r) => r.ref);
}

/**
 * Wheel-spinning (Beck & Gong 2013): at least `wheelSpinningAttempts` practice attempts at a skill since it was last
 * mastered (or ever) without mastering it now. Placement answers are not practice. A skill left alone for
 * `wheelSpinningStaleDays` is not reported. The suggested action names the weakest unmastered prerequisite, else the
 * skill's lesson: more of the same practice rarely helps a wheel-spinning learner.
 */
export function wheelSpinningAlerts(ctx: AlertContext): Alert[] {
  const alerts: Alert[] = [];
  const { course } = ctx.input;
  for (const [skillId, all] of attemptsBySkill(ctx.attempts, true)) {
    const threshold = ctx.threshold(skillId);
    const mastery = ctx.mastery(skillId);
    const state = ctx.states.get(skillId);
    if ((state?.masteredAt !== null && state?.masteredAt !== undefined) || (mastery !== null && mastery >= threshold)) continue;
    let lastMasteredAt = -Infinity;
    for (const p of ctx.history.get(skillId) ?? []) if (p.mastery >= threshold) lastMasteredAt = p.at;
    const list = all.filter((a) => a.at > lastMasteredAt);
    if (list.length < ctx.t.wheelSpinningAttempts) continue;
    const first = list[0] as Timed;
    const last = list[list.length - 1] as Timed;
    if (ctx.now - last.at > ctx.t.wheelSpinningStaleDays * DAY_MS) continue;
    const n = list.length;
    const correct = list.filter((a) => a.correct).length;
    const hintsUsed = list.reduce((sum, a) => sum + (a.hintsUsed ?? 0), 0);
    const days = new Set(list.map((a) => localDay(a.at, ctx.offset))).size;
    const prerequisites = unmasteredPrerequisites(ctx, skillId);
    const name = ctx.name(skillId);
    const message =
      `${ctx.who} has answered ${plural(n, "question")} on ${name} ${days === 1 ? "in one day" : `over ${days} days`} without reaching mastery: ` +
      `${correct} of ${n} right (${percent(correct / n)}), ${plural(hintsUsed, "hint")} used` +
      (mastery === null ? "." : `, mastery now ${percent(mastery)} (mastered at ${percent(threshold)}).`);
    const weakest = prerequisites[0];
    const i = course.skillIndex.get(skillId);
    const lesson = i === undefined ? undefined : course.lessonsBySkill[i]?.[0];
    const suggestedAction =
      weakest !== undefined
        ? `Work one-on-one on ${weakest.name} (${weakest.mastery === null ? "not practised yet" : `mastery ${percent(weakest.mastery)}`}), which ${name} builds on, before more practice of ${name}.`
        : lesson !== undefined
          ? `Review the lesson “${lesson.title ?? lesson.id}” together and work one example side by side; more of the same practice is unlikely to help.`
          : `Work one example of ${name} side by side and try a different explanation; more of the same practice is unlikely to help.`;
    alerts.push({
      kind: "wheel-spinning",
      learnerId: ctx.input.learnerId,
      skillId,
      skillName: name,
      severity: n >= 2 * ctx.t.wheelSpinningAttempts ? "high" : "medium",
      evidence: { attempts: n, correct, correctShare: correct / n, hintsUsed, days, firstAttemptAt: first.at, lastAttemptAt: last.at, mastery, threshold, unmasteredPrerequisites: prerequisites },
      message,
      suggestedAction,
    });
  }
  return alerts;
}

/**
 * Falling mastery: a skill whose mastery fell by at least `fallingDrop` from its highest value within the last
 * `fallingWindowDays` (the value in effect when the window opened counts), or that was mastered within the last
 * `lostMasteryLookbackDays` and is now below its threshold. The cause is "recent-errors" when wrong answers came
 * after the peak, else "forgetting". Severity: high for a fall of twice `fallingDrop`, medium for `fallingDrop`, low
 * for a lost mastery with a smaller fall (one slip just under the threshold).
 */
export function fallingMasteryAlerts(ctx: AlertContext): Alert[] {
  const alerts: Alert[] = [];
  const { t, now } = ctx;
  const windowStart = now - t.fallingWindowDays * DAY_MS;
  const lookback = now - t.lostMasteryLookbackDays * DAY_MS;
  const bySkill = attemptsBySkill(ctx.attempts, false);
  const skills = new Set([...ctx.states.keys(), ...ctx.history.keys()]);
  for (const skillId of skills) {
    const mastery = ctx.mastery(skillId);
    if (mastery === null) continue;
    const threshold = ctx.threshold(skillId);
    const points = ctx.history.get(skillId) ?? [];
    let peak7: { at: number; mastery: number } | undefined;
    let lastMastered: { at: number; mastery: number } | undefined;
    points.forEach((p, k) => {
      const inWindow = p.at >= windowStart || (points[k + 1]?.at ?? Infinity) >= windowStart;
      if (inWindow && (peak7 === undefined || p.mastery >= peak7.mastery)) peak7 = p;
      if (p.at >= lookback && p.mastery >= threshold) lastMastered = p;
    });
    const fell = peak7 !== undefined && peak7.mastery - mastery >= t.fallingDrop - EPS;
    const lost = mastery < threshold && lastMastered !== undefined;
    if (!fell && !lost) continue;
    const peak = (fell ? peak7 : lastMastered) as { at: number; mastery: number };
    const since = (bySkill.get(skillId) ?? []).filter((a) => a.at > peak.at);
    const wrong = since.filter((a) => !a.correct).length;
    const drop = peak.mastery - mastery;
    const cause = wrong > 0 ? "recent-errors" : "forgetting";
    const severity: AlertSeverity = drop >= 2 * t.fallingDrop - EPS ? "high" : drop >= t.fallingDrop - EPS ? "medium" : "low";
    const name = ctx.name(skillId);
    const why =
      cause === "recent-errors"
        ? `${wrong} of ${plural(since.length, "answer")} since then ${wrong === 1 ? "was" : "were"} wrong.`
        : since.length === 0
          ? "It has not been practised since, so this is likely forgetting."
          : "None of the answers since then was wrong, so this is likely forgetting.";
    alerts.push({
      kind: "falling-mastery",
      learnerId: ctx.input.learnerId,
      skillId,
      skillName: name,
      severity,
      evidence: { mastery, threshold, peak: peak.mastery, peakAt: peak.at, drop, lostMastery: lost, attemptsSincePeak: since.length, wrongSincePeak: wrong, cause },
      message:
        `${ctx.who}'s mastery of ${name} fell from ${percent(peak.mastery)} to ${percent(mastery)} since ${formatDay(peak.at, now, ctx.offset)}` +
        `${lost ? `; it was mastered and is now below the ${percent(threshold)} needed` : ""}. ${why}`,
      suggestedAction:
        cause === "recent-errors"
          ? `Go over the wrong answers on ${name} together, then give a short review.`
          : `Schedule a short review of ${name}.`,
    });
  }
  return alerts;
}
