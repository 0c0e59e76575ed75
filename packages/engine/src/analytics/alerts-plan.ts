import type { AlertContext } from "./alert-context.ts";
import type { Alert } from "./alert-types.ts";
import { toMs } from "./records.ts";
import { minutesText, plural } from "./text.ts";
import { DAY_MS, formatDay } from "./time.ts";

/**
 * Inactivity against the plan: no attempt and no lesson view for `inactiveDays` while an active goal (target date
 * ahead, minutes a week above 0) expects practice. With no activity at all, the count starts when the earliest active
 * goal was set (no alert when that is unknown). High at twice `inactiveDays`.
 */
export function inactivityAlerts(ctx: AlertContext): Alert[] {
  const { now } = ctx;
  const active = (ctx.input.plans ?? []).filter((p) => p.weeklyMinutes > 0 && toMs(p.targetDate) > now);
  if (active.length === 0) return [];
  let lastActive = ctx.attempts.at(-1)?.at ?? -Infinity;
  for (const v of ctx.input.lessonViews ?? []) {
    if (v.learnerId !== ctx.input.learnerId) continue;
    const at = toMs(v.viewedAt);
    if (at <= now && at > lastActive) lastActive = at;
  }
  const created = active.map((p) => (p.createdAt === undefined ? Infinity : toMs(p.createdAt)));
  const since = lastActive > -Infinity ? lastActive : Math.min(...created);
  if (!Number.isFinite(since)) return [];
  const days = Math.floor((now - since) / DAY_MS);
  if (days < ctx.t.inactiveDays) return [];
  const weeklyMinutes = Math.max(...active.map((p) => p.weeklyMinutes));
  const goalIds = active.map((p) => p.goalId).filter((id): id is string => id !== undefined);
  const expects = `their plan expects ${minutesText(weeklyMinutes)} a week`;
  return [
    {
      kind: "inactive",
      learnerId: ctx.input.learnerId,
      severity: days >= 2 * ctx.t.inactiveDays ? "high" : "medium",
      evidence: { daysInactive: days, lastActiveAt: lastActive > -Infinity ? lastActive : null, weeklyMinutes, goalIds },
      message:
        lastActive > -Infinity
          ? `${ctx.who} has not practised for ${plural(days, "day")} (last active ${formatDay(lastActive, now, ctx.offset)}) while ${expects}.`
          : `${ctx.who} has not started since their plan was set on ${formatDay(since, now, ctx.offset)}, ${plural(days, "day")} ago; ${expects}.`,
      suggestedAction: "Check in with them (and their guardian) about a regular time in the week for practice, or adjust the plan together.",
    },
  ];
}

/**
 * Plan behind schedule: a goal whose projection (`projectPlan`) finishes after its target date by more than
 * `planGraceDays`. The action gives the extra minutes a week that would close the gap. High when the target date has
 * passed or the gap needs at least double the planned minutes.
 */
export function planBehindAlerts(ctx: AlertContext): Alert[] {
  const alerts: Alert[] = [];
  const { now } = ctx;
  for (const plan of ctx.input.plans ?? []) {
    const p = plan.projection;
    if (p === undefined || p.status !== "behind") continue;
    const targetDate = toMs(plan.targetDate);
    const finishes = Number.isFinite(p.projectedCompletion);
    const daysLate = finishes ? Math.ceil((p.projectedCompletion - targetDate) / DAY_MS) : null;
    if (daysLate !== null && daysLate <= ctx.t.planGraceDays) continue;
    const targetPassed = targetDate <= now;
    const extra = Number.isFinite(p.extraMinutesPerWeek) ? p.extraMinutesPerWeek : null;
    const remaining = p.remainingSkillIds.length;
    const goal = plan.title ? `“${plan.title}”` : "their goal";
    const target = formatDay(targetDate, now, ctx.offset);
    const toGo = plural(remaining, "skill");
    const message = targetPassed
      ? `The target date of ${goal} (${target}) has passed with ${toGo} still to master.`
      : !finishes
        ? `${ctx.who} has no time a week planned for ${goal}, so it cannot be finished by ${target} (${toGo} to go).`
        : `At their current pace ${ctx.who} would finish ${goal} around ${formatDay(p.projectedCompletion, now, ctx.offset)}, ${plural(daysLate as number, "day")} after the target of ${target} (${toGo} to go).`;
    const suggestedAction =
      targetPassed || extra === null
        ? "Agree a new target date with them, or fewer skills for this goal."
        : `About ${minutesText(extra)} more a week (${minutesText(plan.weeklyMinutes + extra)} instead of ${minutesText(plan.weeklyMinutes)}) would close the gap; or move the target date.`;
    alerts.push({
      kind: "plan-behind",
      learnerId: ctx.input.learnerId,
      ...(plan.goalId === undefined ? {} : { goalId: plan.goalId }),
      ...(plan.title === undefined ? {} : { goalTitle: plan.title }),
      severity: targetPassed || extra === null || extra >= plan.weeklyMinutes ? "high" : "medium",
      evidence: {
        targetDate,
        projectedCompletion: finishes ? p.projectedCompletion : null,
        daysLate,
        remainingSkills: remaining,
        weeklyMinutes: plan.weeklyMinutes,
        extraMinutesPerWeek: targetPassed ? null : extra,
        targetPassed,
      },
      message,
      suggestedAction,
    });
  }
  return alerts;
}
