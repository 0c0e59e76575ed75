import type { LinkedLearner } from "@attune/contract";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useLinkedLearners } from "../../api/queries.ts";
import { useGuardianProgress } from "../../api/teaching.ts";
import { QueryState, StatusMessage } from "../../components/status.tsx";

/** A guardian's learners, each with this week in plain words and a link to the printable weekly report. */
export function GuardianHome() {
  const { t } = useTranslation();
  const learners = useLinkedLearners();
  return (
    <>
      <h2>{t("guardian.yourLearners")}</h2>
      <QueryState isPending={learners.isPending} error={learners.error} />
      {learners.data?.items.length === 0 && <StatusMessage kind="empty">{t("guardian.noLearners")}</StatusMessage>}
      <ul className="card-grid guardian-grid">
        {learners.data?.items.map((l) => (
          <LearnerCard key={l.id} learner={l} />
        ))}
      </ul>
    </>
  );
}

function LearnerCard({ learner }: { learner: LinkedLearner }) {
  const { t } = useTranslation();
  const progress = useGuardianProgress(learner.id);
  const p = progress.data;
  return (
    <li className="card guardian-card">
      <h3>{learner.name}</h3>
      <p className="small muted">{learner.classes.length === 0 ? t("guardian.noClass") : t("guardian.classes", { names: learner.classes.map((c) => c.name).join(", ") })}</p>
      <QueryState isPending={progress.isPending} error={progress.error} />
      {p && !p.sharesProgress && <p>{t("guardian.notShared", { name: learner.name.split(" ")[0] })}</p>}
      {p?.sharesProgress &&
        p.courses.map((c) => (
          <div key={c.course.id} className="guardian-course">
            <p className="eyebrow">{c.course.name}</p>
            <p>{c.summary}</p>
            <p className="small">
              {t("guardian.weekLine", { minutes: Math.round(c.minutesThisWeek), days: c.activeDaysThisWeek, count: c.activeDaysThisWeek })} ·{" "}
              {t("guardian.masteredLine", { mastered: c.skillsMastered, total: c.skillsTotal })}
            </p>
            <div className="progress" role="progressbar" aria-label={t("guardian.progressLabel", { course: c.course.name })} aria-valuemin={0} aria-valuemax={c.skillsTotal} aria-valuenow={c.skillsMastered}>
              <span style={{ width: `${c.skillsTotal ? (100 * c.skillsMastered) / c.skillsTotal : 0}%` }} />
            </div>
          </div>
        ))}
      {p?.sharesProgress && p.courses.length === 0 && <p className="muted">{t("guardian.noCourse")}</p>}
      <Link href={`/learners/${learner.id}/report`} className="button-link">
        {t("guardian.openReport")}
        <span className="visually-hidden"> {t("guardian.reportFor", { name: learner.name })}</span>
      </Link>
    </li>
  );
}
