import type { Alert } from "@attune/contract";
import type { Alert as EngineAlert } from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { badRequest } from "../http/errors.ts";
import type { CourseContent } from "../learning/course-content.ts";
import { recordAudit, recordLearnerDataRead } from "../services/audit.service.ts";
import { learnerDigests } from "./learner-digests.ts";
import { classLearners, learnerOfTaughtClass, taughtClass } from "./teaching-access.ts";

/** A dismissed alert stays hidden this long; if the situation persists, it comes back with fresh evidence. */
export const DISMISSAL_DAYS = 14;
const DAY_MS = 86_400_000;

/** Identifies an alert across days (for dismissals): its kind and the skill or goal it is about. */
export function alertKey(alert: EngineAlert): string {
  if ("skillId" in alert) return `${alert.kind}:${alert.skillId}`;
  if (alert.kind === "plan-behind" && alert.goalId) return `${alert.kind}:${alert.goalId}`;
  return alert.kind;
}

function present(course: CourseContent, names: Map<string, string>, alert: EngineAlert): Alert {
  const skillId = "skillId" in alert ? alert.skillId : null;
  return {
    key: alertKey(alert),
    kind: alert.kind,
    severity: alert.severity,
    learner: { id: alert.learnerId, name: names.get(alert.learnerId) ?? alert.learnerId },
    skill: skillId ? { id: skillId, name: course.skillById.get(skillId)?.name ?? skillId } : null,
    message: alert.message,
    suggestedAction: alert.suggestedAction,
    evidence: { ...alert.evidence } as Record<string, unknown>,
  };
}

/**
 * Every alert of a class's learners in a course (or of the `only` ones), computed by the engine from the evidence
 * (attempts, lesson time, knowledge states, mastery after each answer, plan goals projected from the learner's own
 * pace; learner-digests.ts keeps them until that evidence changes). Dismissed alerts (within {@link DISMISSAL_DAYS})
 * are left out and counted.
 */
export async function alertsFor(deps: Deps, course: CourseContent, learners: { id: string; name: string }[], only?: readonly string[]) {
  const now = deps.now().getTime();
  const ids = learners.map((l) => l.id).filter((id) => only === undefined || only.includes(id));
  if (ids.length === 0) return { items: [] as Alert[], dismissed: 0 };
  const [digests, dismissals] = await Promise.all([
    learnerDigests(deps, course, learners, only),
    deps.db
      .selectFrom("alert_dismissals")
      .select(["learner_id", "alert_key"])
      .where("learner_id", "in", ids)
      .where("dismissed_at", ">=", new Date(now - DISMISSAL_DAYS * DAY_MS).toISOString())
      .execute(),
  ]);
  const dismissed = new Set(dismissals.map((d) => `${d.learner_id}|${d.alert_key}`));
  const names = new Map(learners.map((l) => [l.id, l.name]));
  const items: Alert[] = [];
  let hidden = 0;
  for (const id of ids) {
    for (const alert of digests.get(id)?.alerts ?? []) {
      if (dismissed.has(`${id}|${alertKey(alert)}`)) hidden++;
      else items.push(present(course, names, alert));
    }
  }
  const rank = { high: 0, medium: 1, low: 2 } as const;
  items.sort((a, b) => rank[a.severity] - rank[b.severity] || a.learner.name.localeCompare(b.learner.name) || a.key.localeCompare(b.key));
  return { items, dismissed: hidden };
}

export async function classAlerts(deps: Deps, actor: Actor, classId: string) {
  const cls = await taughtClass(deps.db, actor, classId);
  const learners = await classLearners(deps.db, classId);
  if (!cls.course_id) return { items: [], dismissed: 0 };
  const course = await deps.courses.get(cls.course_id);
  const result = await alertsFor(deps, course, learners);
  await recordLearnerDataRead(deps.db, actor, deps.now(), "class.alerts.read", learners.map((l) => l.id), { type: "class", id: classId });
  return result;
}

/** Hides an alert for {@link DISMISSAL_DAYS} days, with an optional note of what was done; audited. */
export async function dismissAlert(deps: Deps, actor: Actor, classId: string, input: { learnerId: string; alertKey: string; note?: string }) {
  const { cls } = await learnerOfTaughtClass(deps.db, actor, classId, input.learnerId);
  if (!cls.course_id) throw badRequest("This class follows no course.");
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("alert_dismissals").where("learner_id", "=", input.learnerId).where("alert_key", "=", input.alertKey).execute();
    await trx
      .insertInto("alert_dismissals")
      .values({ school_id: actor.schoolId, learner_id: input.learnerId, alert_key: input.alertKey, note: input.note ?? null, dismissed_by: actor.id, dismissed_at: now.toISOString() })
      .execute();
    await recordAudit(trx, actor, actor.schoolId, now, { action: "alert.dismiss", learnerId: input.learnerId, targetType: "alert", targetId: input.alertKey, details: input.note ? { note: input.note } : undefined });
  });
  return { ok: true as const };
}
