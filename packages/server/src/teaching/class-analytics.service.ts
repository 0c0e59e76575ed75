import type { Alert } from "@attune/contract";
import { type Alert as EngineAlert, type AlertPlan, bktParamsFor, learnerAlerts, medianResponseMsByItem, projectPlan } from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { badRequest } from "../http/errors.ts";
import { bktParamsForCourse } from "../learning/bkt-params.ts";
import type { CourseContent } from "../learning/course-content.ts";
import { courseGraphOf } from "../learning/course-graph.ts";
import { recordAudit, recordLearnerDataRead } from "../services/audit.service.ts";
import { loadClassRecords } from "./class-records.ts";
import { classLearners, learnerOfTaughtClass, parseList, taughtClass } from "./teaching-access.ts";

/** Alerts are judged on the last five weeks: no rule looks back further than 30 days, older evidence is history. */
export const ALERT_LOOKBACK_DAYS = 35;
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
 * Every alert of the given learners in a course, computed by the engine from the evidence (attempts, lesson time,
 * knowledge states, mastery after each answer, plan goals projected from the learner's own pace). Dismissed alerts
 * (within {@link DISMISSAL_DAYS}) are left out and counted.
 */
export async function alertsFor(deps: Deps, course: CourseContent, learners: { id: string; name: string }[]) {
  const now = deps.now().getTime();
  const ids = learners.map((l) => l.id);
  if (ids.length === 0) return { items: [] as Alert[], dismissed: 0 };
  const since = new Date(now - ALERT_LOOKBACK_DAYS * DAY_MS).toISOString();
  const graph = courseGraphOf(course);
  const [records, allTime, goals, dismissals, params] = await Promise.all([
    loadClassRecords(deps.db, course, ids, since, { answers: false, history: true }),
    deps.db
      .selectFrom("attempts")
      .select(["learner_id", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>("duration_ms").as("ms")])
      .where("course_id", "=", course.id)
      .where("learner_id", "in", ids)
      .where("context", "!=", "placement")
      .groupBy("learner_id")
      .execute(),
    deps.db.selectFrom("goals").selectAll().where("course_id", "=", course.id).where("learner_id", "in", ids).where("archived_at", "is", null).execute(),
    deps.db
      .selectFrom("alert_dismissals")
      .select(["learner_id", "alert_key"])
      .where("learner_id", "in", ids)
      .where("dismissed_at", ">=", new Date(now - DISMISSAL_DAYS * DAY_MS).toISOString())
      .execute(),
    bktParamsForCourse(deps.db, course),
  ]);
  const lessonSeconds = new Map<string, number>();
  for (const l of records.lessons) lessonSeconds.set(l.learnerId, (lessonSeconds.get(l.learnerId) ?? 0) + l.seconds);
  const practice = new Map(allTime.map((r) => [r.learner_id, r]));
  const dismissed = new Set(dismissals.map((d) => `${d.learner_id}|${d.alert_key}`));
  // The class's median time per item: "rapid" is judged against how long this class usually takes on the item.
  const itemMedianMs = medianResponseMsByItem(records.attempts);
  const byLearner = <T extends { learnerId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) (map.get(r.learnerId) ?? map.set(r.learnerId, []).get(r.learnerId)!).push(r);
    return map;
  };
  const attempts = byLearner(records.attempts);
  const lessons = byLearner(records.lessons);
  const states = byLearner(records.states);
  const items: Alert[] = [];
  let hidden = 0;
  const names = new Map(learners.map((l) => [l.id, l.name]));
  for (const learner of learners) {
    const mine = states.get(learner.id) ?? [];
    const mastery = new Map(mine.map((s) => [s.skillId, s.mastery]));
    const masteredCount = mine.filter((s) => s.masteredAt).length;
    const done = practice.get(learner.id);
    const pace = {
      minutes: (Number(done?.ms ?? 0) / 1000 + (lessonSeconds.get(learner.id) ?? 0)) / 60,
      attempts: Number(done?.n ?? 0),
      skillsMastered: masteredCount,
    };
    const plans: AlertPlan[] = goals
      .filter((g) => g.learner_id === learner.id)
      .map((g) => {
        const targetDate = Date.parse(`${g.target_date}T23:59:59Z`);
        const projection = projectPlan({
          now,
          course: graph,
          goal: { id: g.id, skillIds: parseList(g.skill_ids), ...(g.unit_id ? { unitIds: [g.unit_id] } : {}), targetDate, weeklyMinutes: g.minutes_per_week },
          mastery: (id) => mastery.get(id) ?? bktParamsFor(params, id).prior,
          pace,
        });
        return { goalId: g.id, title: g.title, weeklyMinutes: g.minutes_per_week, targetDate, createdAt: g.created_at, projection };
      });
    const alerts = learnerAlerts({
      now,
      learnerId: learner.id,
      learnerName: learner.name.split(" ")[0] ?? learner.name,
      course: graph,
      attempts: attempts.get(learner.id) ?? [],
      lessonViews: lessons.get(learner.id) ?? [],
      skillStates: mine,
      masteryHistory: records.masteryHistory.get(learner.id) ?? [],
      plans,
      itemMedianMs,
    });
    for (const alert of alerts) {
      if (dismissed.has(`${learner.id}|${alertKey(alert)}`)) hidden++;
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
