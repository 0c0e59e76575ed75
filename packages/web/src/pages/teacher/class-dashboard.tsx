import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useClassAlerts, useClassMastery, useClassOverview } from "../../api/teaching.ts";
import { ClassHeatmap } from "../../components/class-heatmap.tsx";
import { minutes } from "../../components/format.ts";
import { QueryState } from "../../components/status.tsx";

/** The class at a glance: this week's activity, the open alerts, and the mastery map of learners × skills. */
export function ClassDashboard({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const mastery = useClassMastery(classId);
  const overview = useClassOverview(classId);
  const alerts = useClassAlerts(classId);
  if (!mastery.data) return <QueryState isPending={mastery.isPending} error={mastery.error} />;
  if (!mastery.data.course) return <p className="muted">{t("teacher.dashboard.chooseCourse")}</p>;
  const learners = overview.data?.learners ?? [];
  const active = learners.filter((l) => l.attempts > 0 || l.minutes > 0);
  const inactive = learners.filter((l) => !(l.attempts > 0 || l.minutes > 0));
  const totalMinutes = learners.reduce((sum, l) => sum + l.minutes, 0);
  const masteredPerLearner = mastery.data.learners.map((l) => l.cells.filter((c) => c.status === "mastered" || c.status === "review-due").length);
  const meanMastered = masteredPerLearner.length ? masteredPerLearner.reduce((a, b) => a + b, 0) / masteredPerLearner.length : 0;
  const alertCount = alerts.data?.items.length;
  const highAlerts = alerts.data?.items.filter((a) => a.severity === "high").length ?? 0;
  return (
    <>
      <h2 className="visually-hidden">{t("teacher.dashboard.title")}</h2>
      <dl className="stat-row stat-row-compact">
        <div>
          <dt>{t("teacher.dashboard.activeThisWeek")}</dt>
          <dd>
            {overview.data ? active.length : "…"}
            <span className="stat-of"> / {mastery.data.learners.length}</span>
          </dd>
        </div>
        <div>
          <dt>{t("teacher.dashboard.minutesThisWeek")}</dt>
          <dd>{overview.data ? minutes(totalMinutes) : "…"}</dd>
        </div>
        <div>
          <dt>{t("teacher.dashboard.meanMastered")}</dt>
          <dd>
            {meanMastered.toFixed(1)}
            <span className="stat-of"> / {mastery.data.skills.length}</span>
          </dd>
        </div>
        <div>
          <dt>{t("teacher.dashboard.openAlerts")}</dt>
          <dd>
            {alertCount === undefined ? "…" : <Link href={`/classes/${classId}/alerts`}>{alertCount}</Link>}
            {highAlerts > 0 && <span className="stat-of"> {t("teacher.dashboard.highCount", { count: highAlerts })}</span>}
          </dd>
        </div>
      </dl>
      {overview.error && <QueryState isPending={false} error={overview.error} />}
      {overview.data && inactive.length > 0 && (
        <p className="small">
          <strong>{t("teacher.dashboard.notActive", { count: inactive.length })}</strong>{" "}
          {inactive.map((l, i) => (
            <span key={l.id}>
              {i > 0 && ", "}
              <Link href={`/classes/${classId}/learners/${l.id}`}>{l.name}</Link>
            </span>
          ))}
        </p>
      )}
      <ClassHeatmap classId={classId} mastery={mastery.data} overview={overview.data ?? null} alerts={alerts.data?.items ?? []} />
    </>
  );
}
