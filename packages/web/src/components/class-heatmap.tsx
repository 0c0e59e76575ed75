import type { Alert, ClassMastery, ClassOverview } from "@attune/contract";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { minutes } from "./format.ts";

type Status = ClassMastery["learners"][number]["cells"][number]["status"];
type Sort = "name" | "mastery" | "activity" | "alerts";
type LearnerFilter = "all" | "alerts" | "inactive";
/** A status-based choice, or `unit:<id>` for one unit's skills. */
type SkillFilter = "all" | "review-due" | "in-progress" | "not-mastered" | `unit:${string}`;

/** A cell's symbol: the status is told by shape and text as well as colour (WCAG 1.4.1). */
const SYMBOL: Record<Status, string> = { mastered: "✓", "review-due": "↻", "in-progress": "", "not-started": "·" };
const STATUSES: Status[] = ["mastered", "review-due", "in-progress", "not-started"];

/**
 * Learners × skills. Built for 35 learners × 40 skills on a laptop: compact cells, the header and the learner column
 * stay in view while the map scrolls, a distribution row per skill, and sorting and filters above.
 */
export function ClassHeatmap({ classId, mastery, overview, alerts }: { classId: string; mastery: ClassMastery; overview: ClassOverview | null; alerts: Alert[] }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>("name");
  const [learnerFilter, setLearnerFilter] = useState<LearnerFilter>("all");
  const [skillFilter, setSkillFilter] = useState<SkillFilter>("all");
  const [query, setQuery] = useState("");
  const activity = useMemo(() => new Map((overview?.learners ?? []).map((l) => [l.id, l])), [overview]);
  const alertsOf = useMemo(() => {
    const map = new Map<string, number>();
    for (const a of alerts) map.set(a.learner.id, (map.get(a.learner.id) ?? 0) + 1);
    return map;
  }, [alerts]);

  const { skills } = mastery;
  const columns = useMemo(() => {
    const unit = skillFilter.startsWith("unit:") ? new Set(mastery.units.find((u) => `unit:${u.id}` === skillFilter)?.skillIds ?? []) : null;
    const count = (i: number, status: Status) => mastery.learners.filter((l) => l.cells[i]?.status === status).length;
    return skills
      .map((skill, index) => ({ skill, index, counts: Object.fromEntries(STATUSES.map((s) => [s, count(index, s)])) as Record<Status, number> }))
      .filter(({ counts }) => {
        if (skillFilter === "review-due") return counts["review-due"] > 0;
        if (skillFilter === "in-progress") return counts["in-progress"] > 0;
        if (skillFilter === "not-mastered") return counts.mastered + counts["review-due"] < mastery.learners.length / 2;
        return true;
      })
      .filter(({ skill }) => unit === null || unit.has(skill.id));
  }, [mastery, skills, skillFilter]);

  const rows = useMemo(() => {
    const score = (l: ClassMastery["learners"][number]) => l.cells.reduce((s, c) => s + (c.mastery ?? 0), 0);
    const needle = query.trim().toLowerCase();
    return mastery.learners
      .filter((l) => !needle || l.name.toLowerCase().includes(needle))
      .filter((l) => learnerFilter !== "alerts" || (alertsOf.get(l.id) ?? 0) > 0)
      .filter((l) => learnerFilter !== "inactive" || (activity.get(l.id)?.attempts ?? 0) + (activity.get(l.id)?.minutes ?? 0) === 0)
      .sort((a, b) => {
        if (sort === "mastery") return score(b) - score(a) || a.name.localeCompare(b.name);
        if (sort === "activity") return (activity.get(b.id)?.minutes ?? 0) - (activity.get(a.id)?.minutes ?? 0) || a.name.localeCompare(b.name);
        if (sort === "alerts") return (alertsOf.get(b.id) ?? 0) - (alertsOf.get(a.id) ?? 0) || a.name.localeCompare(b.name);
        return a.name.localeCompare(b.name);
      });
  }, [mastery, query, learnerFilter, sort, activity, alertsOf]);

  const label = (s: Status) => t(`teacher.status.${s}`);
  return (
    <section aria-labelledby="heatmap-heading" className="heatmap-section">
      <div className="section-head">
        <h2 id="heatmap-heading">{t("teacher.heatmap.title", { title: mastery.course?.title ?? "" })}</h2>
        <p className="legend-row small" aria-label={t("teacher.heatmap.legend")}>
          {STATUSES.map((s) => (
            <span key={s} className="legend-item">
              <span className={`hm-swatch hm-${s}`} aria-hidden="true">
                {s === "in-progress" ? "42" : SYMBOL[s]}
              </span>
              {label(s)}
            </span>
          ))}
          <span className="legend-item muted">{t("teacher.heatmap.legendNumbers")}</span>
        </p>
      </div>
      <div className="filters filters-compact">
        <div className="field">
          <label htmlFor="hm-search">{t("teacher.heatmap.search")}</label>
          <input id="hm-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="hm-sort">{t("teacher.heatmap.sort")}</label>
          <select id="hm-sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="name">{t("teacher.heatmap.sortName")}</option>
            <option value="mastery">{t("teacher.heatmap.sortMastery")}</option>
            <option value="activity">{t("teacher.heatmap.sortActivity")}</option>
            <option value="alerts">{t("teacher.heatmap.sortAlerts")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="hm-learners">{t("teacher.heatmap.learners")}</label>
          <select id="hm-learners" value={learnerFilter} onChange={(e) => setLearnerFilter(e.target.value as LearnerFilter)}>
            <option value="all">{t("teacher.heatmap.allLearners")}</option>
            <option value="alerts">{t("teacher.heatmap.withAlerts")}</option>
            <option value="inactive">{t("teacher.heatmap.inactive")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="hm-skills">{t("teacher.heatmap.skills")}</label>
          <select id="hm-skills" value={skillFilter} onChange={(e) => setSkillFilter(e.target.value as SkillFilter)}>
            <option value="all">{t("teacher.heatmap.allSkills")}</option>
            <option value="review-due">{t("teacher.heatmap.skillsReview")}</option>
            <option value="in-progress">{t("teacher.heatmap.skillsInProgress")}</option>
            <option value="not-mastered">{t("teacher.heatmap.skillsNotMastered")}</option>
            {mastery.units.length > 1 && (
              <optgroup label={t("teacher.heatmap.units")}>
                {mastery.units.map((u) => (
                  <option key={u.id} value={`unit:${u.id}`}>
                    {u.title}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <p className="muted small filters-count" aria-live="polite">
          {t("teacher.heatmap.showing", { learners: rows.length, skills: columns.length })}
        </p>
      </div>
      <div className="heatmap-wrap" tabIndex={0} role="region" aria-label={t("teacher.heatmap.region")}>
        <table className="heatmap">
          <caption className="visually-hidden">{t("teacher.heatmap.caption")}</caption>
          <thead>
            <tr className="hm-head">
              <th scope="col" className="hm-corner">
                {t("teacher.heatmap.learner")}
              </th>
              <th scope="col" className="hm-num-head">
                <span className="hm-vertical">{t("teacher.heatmap.minutesWeek")}</span>
              </th>
              <th scope="col" className="hm-num-head">
                <span className="hm-vertical">{t("teacher.heatmap.masteredCol")}</span>
              </th>
              {columns.map(({ skill, index }) => (
                <th key={skill.id} scope="col" className="hm-skill-head" title={`${index + 1}. ${skill.name}`}>
                  <span className="hm-vertical">{skill.name}</span>
                </th>
              ))}
            </tr>
            <tr className="hm-dist">
              <th scope="row" className="hm-corner-2">
                {t("teacher.heatmap.distribution")}
              </th>
              <td className="hm-blank" />
              <td className="hm-blank" />
              {columns.map(({ skill, counts }) => {
                const total = Math.max(1, mastery.learners.length);
                const text = t("teacher.heatmap.distLabel", { skill: skill.name, mastered: counts.mastered, review: counts["review-due"], inProgress: counts["in-progress"], notStarted: counts["not-started"] });
                return (
                  <td key={skill.id} className="hm-dist-cell" title={text}>
                    <span className="dist-bar" role="img" aria-label={text}>
                      {STATUSES.map((s) => (
                        <span key={s} className={`dist-${s}`} style={{ height: `${(100 * counts[s]) / total}%` }} />
                      ))}
                    </span>
                  </td>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => {
              const act = activity.get(l.id);
              const masteredCount = l.cells.filter((c) => c.status === "mastered" || c.status === "review-due").length;
              const alertCount = alertsOf.get(l.id) ?? 0;
              return (
                <tr key={l.id}>
                  <th scope="row" className="hm-name">
                    <Link href={`/classes/${classId}/learners/${l.id}`}>{l.name}</Link>
                    {alertCount > 0 && (
                      <span className="hm-alert" title={t("teacher.heatmap.alertCount", { count: alertCount })}>
                        <span aria-hidden="true">!</span>
                        <span className="visually-hidden">{t("teacher.heatmap.alertCount", { count: alertCount })}</span>
                      </span>
                    )}
                  </th>
                  <td className="hm-num" title={act ? t("teacher.heatmap.activityTitle", { minutes: minutes(act.minutes), days: act.activeDays, attempts: act.attempts }) : undefined}>
                    {act ? minutes(act.minutes) : "…"}
                  </td>
                  <td className="hm-num">{masteredCount}</td>
                  {columns.map(({ skill, index }) => {
                    const cell = l.cells[index];
                    if (!cell) return <td key={skill.id} />;
                    const pct = cell.mastery === null ? null : Math.round(cell.mastery * 100);
                    const title = t("teacher.heatmap.cellTitle", { learner: l.name, skill: skill.name, status: label(cell.status), percent: pct ?? "–", count: cell.attempts });
                    return (
                      <td key={skill.id} className={`hm-cell hm-${cell.status}`} title={title}>
                        <span aria-hidden="true">{cell.status === "in-progress" ? (pct ?? "") : SYMBOL[cell.status]}</span>
                        <span className="visually-hidden">
                          {label(cell.status)}
                          {pct !== null && cell.status !== "not-started" ? ` ${pct}%` : ""}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
