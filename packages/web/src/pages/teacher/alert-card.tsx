import type { Alert } from "@attune/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { post } from "../../api/client.ts";
import { classPath } from "../../api/teaching.ts";
import { formatDate, percent } from "../../components/format.ts";

const PERCENT_KEYS = new Set(["mastery", "threshold", "peak", "drop"]);
const HIDDEN_KEYS = new Set(["goalIds"]);

/** One piece of evidence as words or a number a teacher can read. */
function useEvidenceValue() {
  const { t } = useTranslation();
  return (key: string, value: unknown): string => {
    if (value === null || value === undefined) return t("teacher.evidence.none");
    if (typeof value === "boolean") return value ? t("teacher.evidence.yes") : t("teacher.evidence.no");
    if (typeof value === "number") {
      if (key.endsWith("Share") || PERCENT_KEYS.has(key)) return percent(value);
      if (key.endsWith("Ms")) return t("teacher.evidence.seconds", { value: (value / 1000).toFixed(1) });
      if (/(At|Date|Completion)$/.test(key)) return formatDate(value);
      return String(Math.round(value * 100) / 100);
    }
    if (typeof value === "string") return /(At|Date|Completion)$/.test(key) ? formatDate(value) : t(`teacher.evidence.value.${value}`, { defaultValue: value });
    if (Array.isArray(value)) {
      if (value.length === 0) return t("teacher.evidence.none");
      return value
        .map((v: unknown) => {
          if (v && typeof v === "object" && "name" in v) {
            const m = (v as { mastery?: unknown }).mastery;
            return typeof m === "number" ? `${String((v as { name: unknown }).name)} (${percent(m)})` : String((v as { name: unknown }).name);
          }
          return String(v);
        })
        .join(", ");
    }
    return JSON.stringify(value);
  };
}

/** "correctShare" → "Correct share" when no translation names it. */
const humanize = (key: string) => key.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase()).toLowerCase().replace(/^./, (c) => c.toUpperCase());

export function AlertEvidence({ evidence }: { evidence: Record<string, unknown> }) {
  const { t } = useTranslation();
  const show = useEvidenceValue();
  const entries = Object.entries(evidence).filter(([k]) => !HIDDEN_KEYS.has(k));
  if (entries.length === 0) return null;
  return (
    <dl className="alert-evidence">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`teacher.evidence.key.${key}`, { defaultValue: humanize(key) })}</dt>
          <dd>{show(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An alert: what was seen, the evidence, what to do; dismissed with a note of what was done. */
export function AlertCard({ classId, alert, showLearner = true, headingLevel = 3 }: { classId: string; alert: Alert; showLearner?: boolean; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const noteId = useId();
  const [dismissing, setDismissing] = useState(false);
  const [note, setNote] = useState("");
  const dismiss = useMutation({
    mutationFn: () => post(`${classPath(classId)}/alerts/dismissals`, { learnerId: alert.learner.id, alertKey: alert.key, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["class-alerts", classId] }),
        queryClient.invalidateQueries({ queryKey: ["learner-detail", classId, alert.learner.id] }),
      ]);
    },
  });
  const Heading = `h${headingLevel}` as "h3" | "h4";
  const kind = t(`teacher.alertKind.${alert.kind}`, { defaultValue: alert.kind });
  return (
    <article className={`card alert-card alert-${alert.severity}`} aria-label={t("teacher.alerts.cardLabel", { kind, name: alert.learner.name })}>
      <div className="alert-head">
        <span className={`severity severity-${alert.severity}`}>{t(`teacher.severity.${alert.severity}`)}</span>
        <Heading className="alert-title">
          {showLearner ? `${alert.learner.name} · ` : ""}
          {kind}
          {alert.skill ? ` · ${alert.skill.name}` : ""}
        </Heading>
      </div>
      <p className="alert-message">{alert.message}</p>
      <AlertEvidence evidence={alert.evidence} />
      <p className="suggested">
        <strong>{t("teacher.alerts.suggested")}</strong> {alert.suggestedAction}
      </p>
      <div className="card-actions">
        {showLearner && (
          <Link href={`/classes/${classId}/learners/${alert.learner.id}`} className="button-link button-link-small">
            {t("teacher.alerts.openLearner")}
            <span className="visually-hidden"> {alert.learner.name}</span>
          </Link>
        )}
        {!dismissing && (
          <button type="button" className="button-secondary button-small" onClick={() => setDismissing(true)}>
            {t("teacher.alerts.dismiss")}
          </button>
        )}
      </div>
      {dismissing && (
        <form
          className="dismiss-form"
          onSubmit={(e) => {
            e.preventDefault();
            dismiss.mutate();
          }}
        >
          <div className="field">
            <label htmlFor={noteId}>{t("teacher.alerts.note")}</label>
            <textarea id={noteId} rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("teacher.alerts.notePlaceholder")} />
          </div>
          <div className="card-actions">
            <button type="submit" className="button-primary button-small" disabled={dismiss.isPending}>
              {t("teacher.alerts.confirmDismiss")}
            </button>
            <button type="button" className="button-quiet" onClick={() => setDismissing(false)}>
              {t("teacher.cancel")}
            </button>
          </div>
          <p className="muted small">{t("teacher.alerts.dismissHelp")}</p>
          {dismiss.error && (
            <p className="form-error" role="alert">
              {dismiss.error.message}
            </p>
          )}
        </form>
      )}
    </article>
  );
}
