import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { type SkillMastery, useMastery } from "../../api/queries.ts";
import { QueryState } from "../../components/status.tsx";

type Status = "mastered" | "review" | "in-progress" | "ready" | "locked";

function statusOf(skill: SkillMastery, byId: Map<string, SkillMastery>, now: number): Status {
  if (skill.mastered) return skill.reviewDueAt && Date.parse(skill.reviewDueAt) <= now ? "review" : "mastered";
  if (skill.prerequisites.some((p) => !byId.get(p)?.mastered)) return "locked";
  return skill.attempts > 0 ? "in-progress" : "ready";
}

/**
 * How sure the estimate is, in words: a few answers say little. Shown beside the number so nobody reads a
 * 60% built on one answer as firm.
 */
function certainty(skill: SkillMastery, t: TFunction): string {
  if (skill.attempts === 0) return t("map.noAnswers");
  if (skill.attempts < 4) return t("map.basedOnFew", { count: skill.attempts });
  return t("map.basedOn", { count: skill.attempts });
}

/** The open learner model: every skill of the course, where the learner stands and why. */
export function MapPage({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const mastery = useMastery(courseId);
  if (!mastery.data) return <section className="page"><QueryState isPending={mastery.isPending} error={mastery.error} /></section>;
  const byId = new Map(mastery.data.skills.map((s) => [s.skillId, s]));
  const now = Date.now();
  const units = mastery.data.units.length > 0 ? mastery.data.units : [{ id: "all", title: t("map.skills"), skills: mastery.data.skills.map((s) => s.skillId) }];
  const counts = mastery.data.skills.reduce<Record<Status, number>>(
    (acc, s) => ({ ...acc, [statusOf(s, byId, now)]: acc[statusOf(s, byId, now)] + 1 }),
    { mastered: 0, review: 0, "in-progress": 0, ready: 0, locked: 0 },
  );
  return (
    <section className="page">
      <p className="breadcrumb"><Link href="/">{t("nav.home")}</Link> / {t("map.breadcrumb")}</p>
      <h1>{t("map.title")}</h1>
      <p className="muted">
        {t("map.summary", { mastered: counts.mastered + counts.review, total: mastery.data.skills.length, inProgress: counts["in-progress"], ready: counts.ready })}
        {counts.review > 0 && t("map.toReview", { count: counts.review })}
      </p>
      {mastery.data.placement !== "finished" && (
        <p className="notice">
          {t("map.newHere")}
          <Link href={`/learn/${courseId}/placement`}>{t("map.takePlacement")}</Link>
          {t("map.soStart")}
        </p>
      )}
      <p>
        <Link href={`/learn/${courseId}`} className="button-link">{t("map.continue")}</Link>
      </p>
      {units.map((unit) => (
        <section key={unit.id} aria-labelledby={`unit-${unit.id}`} className="map-unit">
          <h2 id={`unit-${unit.id}`}>{unit.title}</h2>
          <ul className="map-skills">
            {unit.skills.map((id) => byId.get(id)).filter((s): s is SkillMastery => s !== undefined).map((skill) => {
              const status = statusOf(skill, byId, now);
              const missing = skill.prerequisites.filter((p) => !byId.get(p)?.mastered).map((p) => byId.get(p)?.name ?? p);
              return (
                <li key={skill.skillId} className={`map-skill status-${status}`}>
                  <div className="map-skill-head">
                    <h3>{skill.name}</h3>
                    <span className="badge">{t(`map.status.${status}`)}</span>
                  </div>
                  <div className="meter" role="meter" aria-label={t("map.meterLabel", { skill: skill.name })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(skill.mastery * 100)}>
                    <span style={{ width: `${Math.round(skill.mastery * 100)}%` }} />
                    <i style={{ left: `${Math.round(skill.threshold * 100)}%` }} aria-hidden="true" />
                  </div>
                  <p className="small muted">
                    {t("map.estimate", { percent: Math.round(skill.mastery * 100), certainty: certainty(skill, t), threshold: Math.round(skill.threshold * 100) })}
                  </p>
                  {status === "locked" && <p className="small">{t("map.unlocks", { skills: missing.join(", ") })}</p>}
                  <details>
                    <summary>{t("map.why")}</summary>
                    <ul className="small">
                      <li>
                        {t("map.rightOutOf", { correct: skill.correct, attempts: skill.attempts })}
                        {skill.hintsUsed > 0 ? t("map.hintsUsed", { count: skill.hintsUsed }) : ""}.
                      </li>
                      {skill.recent.length > 0 && <li>{t("map.lastAnswers", { answers: skill.recent.map((r) => (r ? t("map.right") : t("map.wrong"))).join(", ") })}</li>}
                      {skill.lastPracticedAt && <li>{t("map.lastPractised", { date: new Date(skill.lastPracticedAt).toLocaleDateString() })}</li>}
                      {skill.reviewDueAt && <li>{t("map.nextReview", { date: new Date(skill.reviewDueAt).toLocaleDateString() })}</li>}
                      {skill.attempts === 0 && (
                        <li>
                          {t("map.startingGuess")}
                          {mastery.data!.placement === "finished" ? t("map.fromPlacement") : ""}.
                        </li>
                      )}
                    </ul>
                  </details>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
