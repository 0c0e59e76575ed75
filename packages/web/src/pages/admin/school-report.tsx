import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useSchoolReport } from "../../api/teaching.ts";
import { QueryState } from "../../components/status.tsx";

/** The school this week, class by class: who is learning, for how long, and how far they have come. */
export function SchoolReport() {
  const { t } = useTranslation();
  const report = useSchoolReport();
  const r = report.data;
  return (
    <section aria-labelledby="school-report">
      <h2 id="school-report">{t("admin.report.title")}</h2>
      <QueryState isPending={report.isPending} error={report.error} />
      {r && (
        <>
          <p className="muted">
            {t("admin.report.summary", { active: r.activeThisWeek, learners: r.learners, minutes: Math.round(r.minutesThisWeek), percent: r.learners ? Math.round((100 * r.activeThisWeek) / r.learners) : 0 })}
          </p>
          <div className="table-wrap">
            <table className="school-report">
              <caption className="visually-hidden">{t("admin.report.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("admin.report.class")}</th>
                  <th scope="col">{t("admin.report.course")}</th>
                  <th scope="col" className="num">{t("admin.report.learners")}</th>
                  <th scope="col" className="num">{t("admin.report.active")}</th>
                  <th scope="col" className="num">{t("admin.report.minutes")}</th>
                  <th scope="col" className="num">{t("admin.report.minutesPerLearner")}</th>
                  <th scope="col" className="num">{t("admin.report.answers")}</th>
                  <th scope="col" className="num">{t("admin.report.meanMastered")}</th>
                </tr>
              </thead>
              <tbody>
                {r.classes.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/classes/${c.id}`}>{c.name}</Link>
                    </th>
                    <td>{c.course?.name ?? "—"}</td>
                    <td className="num">{c.learners}</td>
                    <td className="num">
                      {c.activeThisWeek}
                      <span className="muted small"> ({c.learners ? Math.round((100 * c.activeThisWeek) / c.learners) : 0}%)</span>
                    </td>
                    <td className="num">{Math.round(c.minutesThisWeek)}</td>
                    <td className="num">{c.learners ? Math.round(c.minutesThisWeek / c.learners) : 0}</td>
                    <td className="num">{c.attemptsThisWeek}</td>
                    <td className="num">{c.meanSkillsMastered.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
