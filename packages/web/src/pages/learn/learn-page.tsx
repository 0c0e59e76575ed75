import { useTranslation } from "react-i18next";
import type { ActivityView, AttemptResult, NextActivity } from "@attune/contract";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import { post } from "../../api/client.ts";
import { useNextActivity } from "../../api/queries.ts";
import { usePreferences } from "../../components/preferences.tsx";
import { QueryState } from "../../components/status.tsx";
import { usePickedSkill } from "../../components/skill-map/picked-skill.ts";
import { ItemPanel } from "./item-panel.tsx";
import { LessonPanel } from "./lesson-panel.tsx";

/** The learning loop: the recommended activity with its reason, done here, then the next one. */
export function LearnPage({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const kindLabel = (kind: ActivityView["kind"]) => t(`learn.kind.${kind}`);
  const fetched = useNextActivity(courseId);
  const [current, setCurrent] = useState<NextActivity | null>(null);
  const [chosen, setChosen] = useState<ActivityView | null>(null);
  const [count, setCount] = useState(0);
  const preferences = usePreferences();
  const sessionStart = useRef(Date.now());
  const [summary, setSummary] = useState({ answered: 0, right: 0, mastered: [] as string[] });
  const [paused, setPaused] = useState(false);
  const next = current ?? fetched.data;
  // A skill picked on the map ("Practise this") comes first; the recommendation follows after it.
  const picked = usePickedSkill(courseId);
  const [, navigate] = useLocation();
  const pickedActivity = count === 0 && current === null ? picked.activity : null;
  const activity = chosen ?? pickedActivity ?? next?.activity ?? null;
  const pickRecorded = useRef(false);
  useEffect(() => {
    if (pickRecorded.current || !picked.activity || !next) return;
    pickRecorded.current = true;
    void post(`/api/courses/${courseId}/choices`, { recommended: next.activity, chosen: picked.activity });
  }, [picked.activity, next, courseId]);

  const advance = async (result?: AttemptResult) => {
    setChosen(null);
    if (picked.skillId) navigate(`/learn/${courseId}`, { replace: true });
    setCount(count + 1);
    if (result) {
      setCurrent(result.next);
      const mastered = result.masteryChanges.filter((m) => m.gained).map((m) => m.name);
      setSummary((s) => ({ answered: s.answered + 1, right: s.right + (result.correct ? 1 : 0), mastered: [...s.mastered, ...mastered] }));
      // The session length the learner chose: a calm stop, never a lost streak.
      if (Date.now() - sessionStart.current >= preferences.sessionMinutes * 60_000) setPaused(true);
    }
    else {
      setCurrent(null);
      await queryClient.invalidateQueries({ queryKey: ["next", courseId] });
    }
    await queryClient.invalidateQueries({ queryKey: ["mastery", courseId] });
  };

  return (
    <section className="page learn">
      <p className="breadcrumb">
        <Link href="/">{t("nav.home")}</Link> / {t("learn.breadcrumb")}
      </p>
      <QueryState isPending={fetched.isPending && !current} error={fetched.error} />
      {paused && (
        <div className="panel" aria-live="polite">
          <h1>{t("learn.sessionDone", { minutes: preferences.sessionMinutes })}</h1>
          <p>
            {t("learn.sessionSummary", { count: summary.answered })}
            {summary.mastered.length > 0 ? t("learn.sessionMastered", { skills: summary.mastered.join(", ") }) : ""}
            {t("learn.sessionMap")}
          </p>
          <p>
            <Link href={`/learn/${courseId}/map`} className="button-link">{t("learn.seeMap")}</Link>{" "}
            <button type="button" className="button-secondary" onClick={() => { sessionStart.current = Date.now(); setPaused(false); }}>
              {t("learn.keepGoing")}
            </button>
          </p>
        </div>
      )}
      {!paused && next && !activity && (
        <div className="panel">
          <h1>{t("learn.allDone")}</h1>
          <p>{next.reason.text}</p>
        </div>
      )}
      {!paused && next && activity && (
        <>
          <div className="reason" aria-live="polite">
            <p className="eyebrow">
              {kindLabel(activity.kind)} · {activity.skillName}
            </p>
            {!chosen && !pickedActivity && <p className="reason-text">{next.reason.text}</p>}
            {!chosen && pickedActivity && <p className="reason-text">{t("learn.pickedOnMap")}</p>}
          </div>
          {activity.kind === "lesson" ? (
            <LessonPanel key={`${activity.lessonId}-${count}`} courseId={courseId} lessonId={activity.lessonId!} onDone={() => advance()} />
          ) : (
            <ItemPanel key={`${activity.itemId}-${count}`} courseId={courseId} itemId={activity.itemId!} context={activity.kind === "review" ? "review" : "practice"} onDone={advance} />
          )}
          {next.alternatives.length > 0 && (
            <details className="alternatives">
              <summary>{t("learn.somethingElse")}</summary>
              <ul className="plain-list">
                {next.alternatives.map((a, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => {
                        setChosen(a.activity);
                        void post(`/api/courses/${courseId}/choices`, { recommended: next.activity, chosen: a.activity });
                      }}
                    >
                      {kindLabel(a.activity.kind)}: {a.activity.lessonTitle ?? a.activity.skillName}
                    </button>
                    <span className="muted small"> {a.reason.text}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
