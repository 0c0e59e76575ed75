import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useClass } from "../../api/queries.ts";
import { type LearnerDetail, useLearnerDetail } from "../../api/teaching.ts";
import { formatDate, percent } from "../../components/format.ts";
import { QueryState } from "../../components/status.tsx";
import { AlertCard } from "./alert-card.tsx";
import { CheckIns, Notes } from "./learner-notes.tsx";
import { LearnerAssignments, Overrides } from "./learner-overrides.tsx";
import { Timeline, TroubleItems } from "./learner-timeline.tsx";

type Skill = LearnerDetail["skills"][number];
const STATUS_ORDER: Skill["status"][] = ["review-due", "in-progress", "ready", "mastered", "locked"];

/** One learner in depth for their teacher or mentor: where they are, what they did, what to talk about. */
export function LearnerPage({ classId, learnerId }: { classId: string; learnerId: string }) {
  const { t } = useTranslation();
  const cls = useClass(classId);
  const detail = useLearnerDetail(classId, learnerId);
  const d = detail.data;
  const mastered = d?.skills.filter((s) => s.status === "mastered" || s.status === "review-due").length ?? 0;
  return (
    <section className="page page-wide">
      <p className="breadcrumb">
        <Link href="/">{t("teacher.classes")}</Link> / <Link href={`/classes/${classId}`}>{cls.data?.name ?? "…"}</Link> / {d?.learner.name ?? "…"}
      </p>
      <QueryState isPending={detail.isPending} error={detail.error} />
      {d && (
        <>
          <div className="page-head">
            <h1>{d.learner.name}</h1>
            <p className="muted">
              {d.course ? t("teacher.learner.courseLine", { course: d.course.name, mastered, total: d.skills.length }) : t("teacher.noCourse")}
              {d.alerts.length > 0 && ` · ${t("teacher.learner.alertCount", { count: d.alerts.length })}`}
            </p>
            <nav aria-label={t("teacher.learner.jump")} className="jump-links small">
              <a href="#skills">{t("teacher.learner.skills")}</a>
              <a href="#plan">{t("teacher.learner.plan")}</a>
              <a href="#timeline">{t("teacher.learner.timeline")}</a>
              <a href="#notes">{t("teacher.learner.notes")}</a>
              <a href="#check-ins">{t("teacher.learner.checkIns")}</a>
              <a href="#overrides">{t("teacher.learner.overrides")}</a>
            </nav>
          </div>
          <div className="learner-layout">
            <div className="learner-main">
              {d.alerts.length > 0 && (
                <section aria-labelledby="learner-alerts">
                  <h2 id="learner-alerts">{t("teacher.learner.alerts")}</h2>
                  <div className="alert-list">
                    {d.alerts.map((a) => (
                      <AlertCard key={a.key} classId={classId} alert={a} showLearner={false} />
                    ))}
                  </div>
                </section>
              )}
              <SkillsMap skills={d.skills} />
              <PlanSection plan={d.plan} />
              <Timeline detail={d} />
              <TroubleItems detail={d} />
            </div>
            <aside className="learner-side" aria-label={t("teacher.learner.records")}>
              <Notes classId={classId} detail={d} />
              <CheckIns classId={classId} detail={d} />
              <Overrides classId={classId} detail={d} />
              <LearnerAssignments detail={d} />
            </aside>
          </div>
        </>
      )}
    </section>
  );
}

function SkillsMap({ skills }: { skills: Skill[] }) {
  const { t } = useTranslation();
  const names = new Map(skills.map((s) => [s.id, s.name]));
  return (
    <section aria-labelledby="skills" className="panel">
      <h2 id="skills" tabIndex={-1}>
        {t("teacher.learner.skills")}
      </h2>
      <p className="legend-row small">
        {STATUS_ORDER.map((status) => (
          <span key={status} className={`badge ld-badge-${status}`}>
            {t(`teacher.skillStatus.${status}`)}: {skills.filter((s) => s.status === status).length}
          </span>
        ))}
      </p>
      {STATUS_ORDER.map((status) => {
        const list = skills.filter((s) => s.status === status);
        if (list.length === 0) return null;
        const body = (
          <ul className="ld-skills">
            {list.map((s) => (
              <li key={s.id} className={`ld-skill ld-${s.status}`}>
                <span className="ld-skill-name">{s.name}</span>
                <span className="meter meter-inline" aria-hidden="true">
                  <span style={{ width: `${Math.round(s.mastery * 100)}%` }} />
                </span>
                <span className="ld-skill-facts small muted">
                  {percent(s.mastery)}
                  {s.attempts > 0 ? ` · ${t("teacher.learner.rightOf", { correct: s.correct, attempts: s.attempts })}` : ""}
                  {s.hintsUsed > 0 ? ` · ${t("teacher.learner.hints", { count: s.hintsUsed })}` : ""}
                  {s.lastPracticedAt ? ` · ${formatDate(s.lastPracticedAt)}` : ""}
                  {s.status === "locked" && s.prerequisites.length > 0 ? ` · ${t("teacher.learner.needs", { skills: s.prerequisites.map((p) => names.get(p) ?? p).join(", ") })}` : ""}
                </span>
              </li>
            ))}
          </ul>
        );
        return (
          <div key={status} className="ld-skill-group">
            {status === "locked" || status === "mastered" ? (
              <details>
                <summary>
                  <h3 className="inline-heading">{t(`teacher.skillStatus.${status}`)}</h3> <span className="count">({list.length})</span>
                </summary>
                {body}
              </details>
            ) : (
              <>
                <h3>
                  {t(`teacher.skillStatus.${status}`)} <span className="count">({list.length})</span>
                </h3>
                {body}
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}

function PlanSection({ plan }: { plan: LearnerDetail["plan"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plan" className="panel">
      <h2 id="plan">{t("teacher.learner.plan")}</h2>
      {!plan || plan.goals.length === 0 ? (
        <p className="muted">{t("teacher.learner.noGoals")}</p>
      ) : (
        <>
          <p className="small muted">
            {plan.pace.measured
              ? t("teacher.learner.pace", { minutes: Math.round(plan.pace.minutesPerSkill), attempts: Math.round(plan.pace.attemptsPerSkill) })
              : t("teacher.learner.paceAssumed", { minutes: Math.round(plan.pace.minutesPerSkill) })}
          </p>
          <ul className="goal-list">
            {plan.goals.map((g) => (
              <li key={g.id} className={`goal goal-${g.status}`}>
                <p className="goal-line">
                  <strong>{g.title}</strong> <span className="badge">{t(`teacher.goalStatus.${g.status}`)}</span>
                </p>
                <p className="small">
                  {t("teacher.learner.goalFacts", { target: formatDate(g.targetDate), projected: formatDate(g.projectedCompletion), remaining: g.remainingSkills.length, minutes: g.minutesPerWeek })}
                  {g.status === "behind" && g.extraMinutesPerWeek !== null ? ` ${t("teacher.learner.extra", { minutes: Math.round(g.extraMinutesPerWeek) })}` : ""}
                </p>
                {g.thisWeek.length > 0 && <p className="small muted">{t("teacher.learner.thisWeek", { skills: g.thisWeek.map((s) => s.name).join(", ") })}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan && plan.nextSteps.length > 0 && (
        <>
          <h3>{t("teacher.learner.agreedSteps")}</h3>
          <ul className="small">
            {plan.nextSteps.map((s, i) => (
              <li key={i}>
                {s.step} <span className="muted">({s.mentor}, {formatDate(s.agreedAt)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
