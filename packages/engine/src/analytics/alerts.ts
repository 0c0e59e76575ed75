/**
 * Alerts for teachers, mentors and guardians (issue #7): wheel-spinning, falling mastery, rapid guessing, hint abuse,
 * inactivity against the plan and plans behind schedule. Each alert carries its evidence as numbers and says in
 * plain English what was seen and what could be done — never a bare score.
 */
import { alertContext } from "./alert-context.ts";
import type { Alert, AlertKind, AlertSeverity, LearnerAlertInput } from "./alert-types.ts";
import { hintAbuseAlerts, rapidGuessingAlerts } from "./alerts-behaviour.ts";
import { inactivityAlerts, planBehindAlerts } from "./alerts-plan.ts";
import { fallingMasteryAlerts, wheelSpinningAlerts } from "./alerts-skills.ts";

const SEVERITY_RANK: Record<AlertSeverity, number> = { high: 0, medium: 1, low: 2 };
/** Order of kinds within a severity: struggles with a skill first, then behaviour, then the plan. */
export const ALERT_KINDS: readonly AlertKind[] = ["wheel-spinning", "falling-mastery", "rapid-guessing", "hint-abuse", "inactive", "plan-behind"];
const KIND_RANK = new Map(ALERT_KINDS.map((k, i) => [k, i]));

const skillOf = (a: Alert) => ("skillId" in a ? a.skillId : "");
const goalOf = (a: Alert) => (a.kind === "plan-behind" ? (a.goalId ?? "") : "");
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts alerts deterministically: severity (high first), kind ({@link ALERT_KINDS}), learner id, skill id, goal id.
 * Returns a new array.
 */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      (SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]) ||
      ((KIND_RANK.get(a.kind) ?? 0) - (KIND_RANK.get(b.kind) ?? 0)) ||
      compareText(a.learnerId, b.learnerId) ||
      compareText(skillOf(a), skillOf(b)) ||
      compareText(goalOf(a), goalOf(b)),
  );
}

/**
 * Every alert about one learner, sorted by {@link sortAlerts}. Rows of other learners and rows after `now` are
 * ignored; thresholds default to `DEFAULT_ALERT_THRESHOLDS`. Cost: O(attempts · skills per item + history points).
 */
export function learnerAlerts(input: LearnerAlertInput): Alert[] {
  const ctx = alertContext(input);
  return sortAlerts([
    ...wheelSpinningAlerts(ctx),
    ...fallingMasteryAlerts(ctx),
    ...rapidGuessingAlerts(ctx),
    ...hintAbuseAlerts(ctx),
    ...inactivityAlerts(ctx),
    ...planBehindAlerts(ctx),
  ]);
}

/**
 * The alerts of a whole class: {@link learnerAlerts} for each learner's input, merged in one sorted list. Pass each
 * learner only their own rows (a class's attempts grouped by learner) to keep it linear in the class's data.
 */
export function classAlerts(inputs: readonly LearnerAlertInput[]): Alert[] {
  return sortAlerts(inputs.flatMap((input) => learnerAlerts(input)));
}
