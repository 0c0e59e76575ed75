import type { MasteryList, SkillMastery } from "@attune/contract";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { MasteryBar } from "./mastery-bar.tsx";
import { StatusIcon } from "./status-icon.tsx";
import { type SkillStatus, masteryRange, missingPrerequisites, percent } from "./skill-status.ts";

type Props = {
  courseId: string;
  skill: SkillMastery;
  data: MasteryList;
  byId: ReadonlyMap<string, SkillMastery>;
  statuses: ReadonlyMap<string, SkillStatus>;
  onSelect: (skillId: string) => void;
  onClose: () => void;
};

/**
 * A skill's details, in a modal dialog: where the learner stands, the evidence behind the estimate (answers, hints,
 * practice and review dates), what comes before and after it, and — when it is open to them — a way to practise it.
 */
export function SkillDetails({ courseId, skill, data, byId, statuses, onSelect, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [skill.skillId]);

  const status = statuses.get(skill.skillId) ?? "locked";
  const range = masteryRange(skill.mastery, skill.attempts);
  const unit = data.units.find((u) => u.skills.includes(skill.skillId));
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { day: "numeric", month: "long", year: "numeric" });
  const certainty = skill.attempts === 0 ? t("map.noAnswers") : skill.attempts < 4 ? t("map.basedOnFew", { count: skill.attempts }) : t("map.basedOn", { count: skill.attempts });
  const missing = missingPrerequisites(skill, byId);
  const before = skill.prerequisites.map((p) => byId.get(p)).filter((s): s is SkillMastery => s !== undefined);
  const after = data.skills.filter((s) => s.prerequisites.includes(skill.skillId));
  const practice = status === "locked" || status === "mastered" ? null : skill.practice;

  const skillButton = (other: SkillMastery) => {
    const otherStatus = statuses.get(other.skillId) ?? "locked";
    return (
      <li key={other.skillId} className={`status-${otherStatus}`}>
        <button type="button" className="skill-link" onClick={() => onSelect(other.skillId)}>
          <StatusIcon status={otherStatus} /> <span className="skill-link-name">{other.name}</span>
          <span className="skill-link-status"> — {t(`map.status.${otherStatus}`)}</span>
        </button>
      </li>
    );
  };

  return (
    // A close event for a dialog that is open again (React's development double mount) is not the learner's.
    <dialog ref={dialog} className="skill-details" aria-labelledby="skill-details-title" onClose={() => !dialog.current?.open && onClose()}>
      <div className="skill-details-head">
        <div>
          {unit && <p className="eyebrow">{unit.title}</p>}
          <h2 id="skill-details-title" tabIndex={-1}>{skill.name}</h2>
          <p className={`status-pill status-${status}`}>
            <StatusIcon status={status} /> {t(`map.status.${status}`)}
          </p>
        </div>
        <button type="button" className="dialog-close" onClick={() => dialog.current?.close()} aria-label={t("map.close")}>
          <span aria-hidden="true">×</span>
        </button>
      </div>

      <section aria-labelledby="skill-estimate-title" className={`status-${status}`}>
        <h3 id="skill-estimate-title">{t("map.estimateTitle")}</h3>
        <MasteryBar mastery={skill.mastery} answers={skill.attempts} threshold={skill.threshold} size="large" />
        <ul className="bar-key small" aria-hidden="true">
          <li><span className="key-fill" />{t("map.keyEstimate", { percent: percent(skill.mastery) })}</li>
          <li><span className="key-range" />{t("map.keyRange", { low: percent(range.low), high: percent(range.high) })}</li>
          <li><span className="key-threshold" />{t("map.masteredAt", { threshold: percent(skill.threshold) })}</li>
        </ul>
        <p>
          {t("map.estimateText", { percent: percent(skill.mastery), low: percent(range.low), high: percent(range.high), certainty })}{" "}
          {t("map.masteredFrom", { threshold: percent(skill.threshold) })}
        </p>
      </section>

      <section aria-labelledby="skill-evidence-title">
        <h3 id="skill-evidence-title">{t("map.why")}</h3>
        <ul className="evidence">
          {skill.attempts > 0 ? (
            <li>
              {t("map.rightOutOf", { correct: skill.correct, count: skill.attempts })}
              {skill.hintsUsed > 0 ? t("map.hintsUsed", { count: skill.hintsUsed }) : t("map.noHints")}.
            </li>
          ) : (
            <li>
              {t("map.startingGuess")}
              {data.placement === "finished" ? t("map.fromPlacement") : ""}.
            </li>
          )}
          {skill.recent.length > 0 && (
            <li>
              {t("map.lastAnswers")}{" "}
              <span className="recent-answers">
                {skill.recent.map((right, i) => (
                  <span key={i} className={right ? "answer-right" : "answer-wrong"}>
                    <span aria-hidden="true">{right ? "✓" : "✗"}</span>
                    <span className="visually-hidden">{right ? t("map.right") : t("map.wrong")}</span>
                  </span>
                ))}
              </span>
            </li>
          )}
          {skill.lastPracticedAt && <li>{t("map.lastPractised", { date: date(skill.lastPracticedAt) })}</li>}
          {skill.masteredAt && <li>{t("map.masteredOn", { date: date(skill.masteredAt) })}</li>}
          {skill.lastReviewedAt && <li>{t("map.lastReviewed", { date: date(skill.lastReviewedAt) })}</li>}
          {skill.reviewDueAt && <li>{status === "review" ? t("map.reviewDue") : t("map.nextReview", { date: date(skill.reviewDueAt) })}</li>}
        </ul>
      </section>

      {status === "locked" && <p className="notice">{t("map.unlocks", { skills: missing.map((s) => s.name).join(", ") })}</p>}

      {practice && (
        <div className="skill-details-action">
          <Link href={`/learn/${encodeURIComponent(courseId)}?skill=${encodeURIComponent(skill.skillId)}`} className="button-link">
            {status === "review" ? t("map.reviewThis") : t("map.practise")}
          </Link>
          {practice.kind === "lesson" && practice.lessonTitle && <p className="muted small">{t("map.startsWithLesson", { title: practice.lessonTitle })}</p>}
        </div>
      )}

      <div className="skill-relations">
        <section aria-labelledby="skill-before-title">
          <h3 id="skill-before-title">{t("map.learnFirst")}</h3>
          {before.length > 0 ? <ul className="plain-list">{before.map(skillButton)}</ul> : <p className="muted small">{t("map.startHere")}</p>}
        </section>
        <section aria-labelledby="skill-after-title">
          <h3 id="skill-after-title">{t("map.leadsTo")}</h3>
          {after.length > 0 ? <ul className="plain-list">{after.map(skillButton)}</ul> : <p className="muted small">{t("map.leadsNowhere")}</p>}
        </section>
      </div>
    </dialog>
  );
}
