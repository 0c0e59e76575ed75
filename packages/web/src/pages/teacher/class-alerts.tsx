import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClassAlerts } from "../../api/teaching.ts";
import { QueryState, StatusMessage } from "../../components/status.tsx";
import { AlertCard } from "./alert-card.tsx";
import { ALERT_KINDS_LIST } from "./alert-kinds.ts";

/** Every open alert of the class, most urgent first; each explains itself and can be dismissed with a note. */
export function ClassAlerts({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const alerts = useClassAlerts(classId);
  const [kind, setKind] = useState("");
  const [severity, setSeverity] = useState("");
  if (!alerts.data) return <QueryState isPending={alerts.isPending} error={alerts.error} />;
  const shown = alerts.data.items.filter((a) => (!kind || a.kind === kind) && (!severity || a.severity === severity));
  const present = new Set(alerts.data.items.map((a) => a.kind));
  return (
    <section aria-labelledby="alerts-heading">
      <div className="section-head">
        <h2 id="alerts-heading">
          {t("teacher.alerts.title")} <span className="count">({alerts.data.items.length})</span>
        </h2>
        {alerts.data.dismissed > 0 && <p className="muted small">{t("teacher.alerts.dismissedCount", { count: alerts.data.dismissed })}</p>}
      </div>
      {alerts.data.items.length === 0 ? (
        <StatusMessage kind="empty">{t("teacher.alerts.none")}</StatusMessage>
      ) : (
        <>
          <div className="filters filters-compact">
            <div className="field">
              <label htmlFor="alert-kind">{t("teacher.alerts.kind")}</label>
              <select id="alert-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">{t("teacher.alerts.allKinds")}</option>
                {ALERT_KINDS_LIST.filter((k) => present.has(k)).map((k) => (
                  <option key={k} value={k}>
                    {t(`teacher.alertKind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="alert-severity">{t("teacher.alerts.severity")}</label>
              <select id="alert-severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
                <option value="">{t("teacher.alerts.allSeverities")}</option>
                {(["high", "medium", "low"] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`teacher.severity.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <p className="muted small filters-count" aria-live="polite">
              {t("teacher.alerts.showing", { count: shown.length })}
            </p>
          </div>
          <div className="alert-list">
            {shown.map((a) => (
              <AlertCard key={`${a.learner.id}|${a.key}`} classId={classId} alert={a} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
