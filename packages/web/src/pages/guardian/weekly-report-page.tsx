import type { Me } from "@attune/contract";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { type GuardianProgress, useGuardianProgress } from "../../api/teaching.ts";
import { formatDate } from "../../components/format.ts";
import { QueryState } from "../../components/status.tsx";

type Course = GuardianProgress["courses"][number];

/**
 * A learner's week for their family, in plain language: what they worked on and mastered, how much time, goals, and
 * notes their teachers chose to share. Prints on one or two A4 or Letter pages (see the print styles).
 */
export function WeeklyReportPage({ learnerId, me }: { learnerId: string; me: Me }) {
  const { t } = useTranslation();
  const progress = useGuardianProgress(learnerId);
  const p = progress.data;
  const weekEnd = p ? new Date(new Date(`${p.weekStart.slice(0, 10)}T12:00:00`).getTime() + 6 * 86_400_000) : null;
  return (
    <section className="page report">
      <p className="breadcrumb no-print">
        <Link href="/">{t("guardian.myLearners")}</Link> / {p?.learner.name ?? "…"}
      </p>
      <QueryState isPending={progress.isPending} error={progress.error} />
      {p && (
        <>
          <header className="report-head">
            <div>
              <p className="eyebrow">{t("guardian.reportEyebrow", { school: me.school.name })}</p>
              <h1>{p.learner.name}</h1>
              <p className="report-week">{t("guardian.week", { start: formatDate(p.weekStart), end: formatDate(weekEnd?.getTime()) })}</p>
            </div>
            <button type="button" className="button-secondary no-print" onClick={() => window.print()}>
              {t("guardian.print")}
            </button>
          </header>
          {!p.sharesProgress ? (
            <p className="report-section">{t("guardian.notShared", { name: p.learner.name.split(" ")[0] })}</p>
          ) : p.courses.length === 0 ? (
            <p className="report-section muted">{t("guardian.noCourse")}</p>
          ) : (
            p.courses.map((c) => <CourseReport key={c.course.id} course={c} />)
          )}
          <section className="report-section" aria-labelledby="report-notes">
            <h2 id="report-notes">{t("guardian.notesTitle")}</h2>
            {p.notes.length === 0 ? (
              <p className="muted">{t("guardian.noNotes")}</p>
            ) : (
              <ul className="note-list">
                {p.notes.map((n) => (
                  <li key={n.id}>
                    <p className="note-body">{n.body}</p>
                    <p className="small muted">
                      {n.author.name} · {formatDate(n.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p className="small muted report-foot">{t("guardian.generated", { date: formatDate(Date.now()) })}</p>
        </>
      )}
    </section>
  );
}

function CourseReport({ course: c }: { course: Course }) {
  const { t } = useTranslation();
  const change = Math.round(c.minutesThisWeek) - Math.round(c.minutesLastWeek);
  return (
    <section className="report-section" aria-labelledby={`course-${c.course.id}`}>
      <h2 id={`course-${c.course.id}`}>{c.course.name}</h2>
      <p className="report-summary">{c.summary}</p>
      <dl className="stat-row report-stats">
        <div>
          <dt>{t("guardian.timeThisWeek")}</dt>
          <dd>{t("guardian.minutes", { count: Math.round(c.minutesThisWeek) })}</dd>
          <dd className="stat-note">
            {change === 0 ? t("guardian.sameAsLast") : change > 0 ? t("guardian.moreThanLast", { count: change }) : t("guardian.lessThanLast", { count: -change })}
          </dd>
        </div>
        <div>
          <dt>{t("guardian.activeDays")}</dt>
          <dd>{t("guardian.daysOf7", { count: c.activeDaysThisWeek })}</dd>
        </div>
        <div>
          <dt>{t("guardian.skillsMastered")}</dt>
          <dd>
            {c.skillsMastered} <span className="stat-of">/ {c.skillsTotal}</span>
          </dd>
          <dd className="stat-note">
            <span className="progress" role="progressbar" aria-label={t("guardian.progressLabel", { course: c.course.name })} aria-valuemin={0} aria-valuemax={c.skillsTotal} aria-valuenow={c.skillsMastered}>
              <span style={{ width: `${c.skillsTotal ? (100 * c.skillsMastered) / c.skillsTotal : 0}%` }} />
            </span>
          </dd>
        </div>
      </dl>
      <div className="report-columns">
        <div>
          <h3>{t("guardian.masteredThisWeek")}</h3>
          {c.masteredThisWeek.length === 0 ? (
            <p className="muted">{t("guardian.noneThisWeek")}</p>
          ) : (
            <ul>
              {c.masteredThisWeek.map((s) => (
                <li key={s.id}>{s.name}</li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t("guardian.workingOn")}</h3>
          {c.workingOn.length === 0 ? (
            <p className="muted">{t("guardian.nothingOpen")}</p>
          ) : (
            <ul>
              {c.workingOn.map((s) => (
                <li key={s.id}>{s.name}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {c.goals.length > 0 && (
        <>
          <h3>{t("guardian.goals")}</h3>
          <ul className="plain-list">
            {c.goals.map((g) => (
              <li key={g.title} className={`goal goal-${g.status}`}>
                <strong>{g.title}</strong> <span className="badge">{t(`teacher.goalStatus.${g.status}`)}</span>{" "}
                <span className="small">{t("guardian.goalLine", { target: formatDate(g.targetDate), projected: formatDate(g.projectedCompletion) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
