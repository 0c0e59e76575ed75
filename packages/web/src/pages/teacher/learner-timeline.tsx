import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LearnerDetail } from "../../api/teaching.ts";
import { formatDateTime, formatTime } from "../../components/format.ts";

const PAGE = 8;

/** Sessions, newest first: when, how long, and every answer with its result, hints and time. */
export function Timeline({ detail }: { detail: LearnerDetail }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  const sessions = detail.timeline.sessions;
  return (
    <section aria-labelledby="timeline" className="panel">
      <h2 id="timeline">{t("teacher.learner.timeline")}</h2>
      {sessions.length === 0 && <p className="muted">{t("teacher.learner.noSessions")}</p>}
      <ol className="timeline">
        {sessions.slice(0, shown).map((s, i) => {
          const right = s.attempts.filter((a) => a.correct).length;
          return (
            <li key={s.start}>
              <details open={i === 0}>
                <summary>
                  <strong>{formatDateTime(s.start)}</strong>
                  <span className="muted">
                    {" "}
                    · {t("teacher.learner.minutes", { count: Math.max(1, Math.round(s.minutes)) })} · {t("teacher.learner.answersRight", { count: s.attempts.length, right })}
                    {s.lessons.length > 0 ? ` · ${t("teacher.learner.lessons", { count: s.lessons.length })}` : ""}
                  </span>
                </summary>
                {s.lessons.length > 0 && (
                  <p className="small">
                    {t("teacher.learner.studied")} {s.lessons.map((l) => `${l.title} (${t("teacher.learner.minutes", { count: Math.max(1, Math.round(l.seconds / 60)) })})`).join(", ")}
                  </p>
                )}
                {s.attempts.length > 0 && (
                  <div className="table-wrap">
                    <table className="compact-table">
                      <caption className="visually-hidden">{t("teacher.learner.answersOf", { when: formatDateTime(s.start) })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("teacher.learner.time")}</th>
                          <th scope="col">{t("teacher.learner.skill")}</th>
                          <th scope="col">{t("teacher.learner.answer")}</th>
                          <th scope="col">{t("teacher.learner.result")}</th>
                          <th scope="col" className="num">{t("teacher.learner.hintsCol")}</th>
                          <th scope="col" className="num">{t("teacher.learner.seconds")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {s.attempts.map((a) => (
                          <tr key={a.id}>
                            <td>{formatTime(a.at)}</td>
                            <td>
                              {a.skills.join(", ")}
                              {a.context !== "practice" && <span className="muted small"> · {t(`teacher.learner.context.${a.context}`, { defaultValue: a.context })}</span>}
                            </td>
                            <td className="answer-cell">{a.response || "–"}</td>
                            <td>
                              <span className={a.correct ? "result-right" : "result-wrong"}>
                                <span aria-hidden="true">{a.correct ? "✓ " : "✗ "}</span>
                                {a.correct ? t("teacher.learner.right") : t("teacher.learner.wrong")}
                              </span>
                            </td>
                            <td className="num">{a.hintsUsed}</td>
                            <td className="num">{a.seconds === null ? "–" : Math.round(a.seconds)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </details>
            </li>
          );
        })}
      </ol>
      {sessions.length > shown && (
        <button type="button" className="button-secondary" onClick={() => setShown(shown + PAGE)}>
          {t("teacher.learner.moreSessions", { count: sessions.length - shown })}
        </button>
      )}
    </section>
  );
}

export function TroubleItems({ detail }: { detail: LearnerDetail }) {
  const { t } = useTranslation();
  const items = detail.timeline.troubleItems;
  return (
    <section aria-labelledby="trouble" className="panel">
      <h2 id="trouble">{t("teacher.learner.trouble")}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("teacher.learner.noTrouble")}</p>
      ) : (
        <ul className="trouble-list">
          {items.map((i) => (
            <li key={i.itemId}>
              <span className="clamp">{i.prompt}</span>
              <span className="small muted">{t("teacher.learner.wrongOf", { wrong: i.wrong, attempts: i.attempts })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
