import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ItemAnalysis, useItemAnalysis } from "../../api/teaching.ts";
import { percent } from "../../components/format.ts";
import { QueryState, StatusMessage } from "../../components/status.tsx";

type Item = ItemAnalysis["items"][number];
type Sort = "flags" | "answers" | "hardest" | "discrimination" | "slowest";
const PAGE = 40;
const nullLast = (v: number | null, fallback: number) => (v === null ? fallback : v);
const SORTS: Record<Sort, (a: Item, b: Item) => number> = {
  flags: (a, b) => b.flags.length - a.flags.length || b.responses - a.responses,
  answers: (a, b) => b.responses - a.responses,
  hardest: (a, b) => nullLast(a.difficulty, 2) - nullLast(b.difficulty, 2),
  discrimination: (a, b) => nullLast(a.discrimination, 2) - nullLast(b.discrimination, 2),
  slowest: (a, b) => nullLast(b.medianSeconds, -1) - nullLast(a.medianSeconds, -1),
};

/** Ebel's (1965) bands for a discrimination index, as words beside the number. */
function band(r: number): "negative" | "poor" | "fair" | "good" | "veryGood" {
  if (r < 0) return "negative";
  if (r < 0.2) return "poor";
  if (r < 0.3) return "fair";
  if (r < 0.4) return "good";
  return "veryGood";
}

/** How each question behaves in this class: how hard, whether it separates, how long, hints, wrong answers, flags. */
export function ItemAnalysisTable({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const analysis = useItemAnalysis(classId);
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [skillId, setSkillId] = useState("");
  const [sort, setSort] = useState<Sort>("flags");
  const [shown, setShown] = useState(PAGE);
  if (!analysis.data) return <QueryState isPending={analysis.isPending} error={analysis.error} />;
  const all = analysis.data.items;
  const skills = [...new Map(all.flatMap((i) => i.skills).map((s) => [s.id, s])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const items = all
    .filter((i) => (!flaggedOnly || i.flags.length > 0) && (!skillId || i.skills.some((s) => s.id === skillId)))
    .sort(SORTS[sort]);
  const flagged = all.filter((i) => i.flags.length > 0).length;
  return (
    <section aria-labelledby="items-heading">
      <div className="section-head">
        <h2 id="items-heading">
          {t("teacher.items.title")} <span className="count">({analysis.data.items.length})</span>
        </h2>
        <p className="muted small">{t("teacher.items.intro")}</p>
      </div>
      {analysis.data.items.length === 0 ? (
        <StatusMessage kind="empty">{t("teacher.items.none")}</StatusMessage>
      ) : (
        <>
          <div className="filters filters-compact">
            <div className="field">
              <label htmlFor="items-skill">{t("teacher.items.skill")}</label>
              <select id="items-skill" value={skillId} onChange={(e) => { setSkillId(e.target.value); setShown(PAGE); }}>
                <option value="">{t("teacher.items.allSkills")}</option>
                {skills.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="items-sort">{t("teacher.items.sort")}</label>
              <select id="items-sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
                {(Object.keys(SORTS) as Sort[]).map((k) => (
                  <option key={k} value={k}>
                    {t(`teacher.items.sortBy.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="checks">
              <label>
                <input type="checkbox" checked={flaggedOnly} onChange={(e) => { setFlaggedOnly(e.target.checked); setShown(PAGE); }} /> {t("teacher.items.flaggedOnly", { count: flagged })}
              </label>
            </div>
            <p className="muted small filters-count" aria-live="polite">
              {t("teacher.items.showing", { shown: Math.min(shown, items.length), count: items.length })}
            </p>
          </div>
          <div className="table-wrap">
            <table className="item-table">
              <caption className="visually-hidden">{t("teacher.items.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("teacher.items.item")}</th>
                  <th scope="col" className="num">{t("teacher.items.answers")}</th>
                  <th scope="col" className="num">{t("teacher.items.rightFirst")}</th>
                  <th scope="col">{t("teacher.items.discrimination")}</th>
                  <th scope="col" className="num">{t("teacher.items.median")}</th>
                  <th scope="col" className="num">{t("teacher.items.hints")}</th>
                  <th scope="col">{t("teacher.items.wrong")}</th>
                  <th scope="col">{t("teacher.items.flags")}</th>
                </tr>
              </thead>
              <tbody>
                {items.slice(0, shown).map((item) => (
                  <tr key={item.itemId} className={item.flags.length ? "row-flagged" : undefined}>
                    <td className="item-prompt">
                      <span className="clamp">{item.prompt}</span>
                      <span className="muted small item-meta">
                        {item.skills.map((s) => s.name).join(", ")} · <code>{item.itemId}</code>
                      </span>
                    </td>
                    <td className="num">
                      {item.responses}
                      <span className="muted small"> {t("teacher.items.byLearners", { count: item.learners })}</span>
                    </td>
                    <td className="num">{percent(item.difficulty)}</td>
                    <td>
                      {item.discrimination === null ? (
                        "–"
                      ) : (
                        <>
                          {item.discrimination.toFixed(2)} <span className={`muted small disc-${band(item.discrimination)}`}>{t(`teacher.items.band.${band(item.discrimination)}`)}</span>
                        </>
                      )}
                    </td>
                    <td className="num">{item.medianSeconds === null ? "–" : t("teacher.items.seconds", { value: Math.round(item.medianSeconds) })}</td>
                    <td className="num">{percent(item.hintShare)}</td>
                    <td className="small">
                      {item.wrongAnswers.length === 0
                        ? "–"
                        : item.wrongAnswers.slice(0, 3).map((w) => (
                            <span key={w.answer} className="wrong-answer">
                              “{w.answer}” ×{w.count}
                            </span>
                          ))}
                    </td>
                    <td className="small">
                      {item.flags.length === 0 ? (
                        <span className="muted">{t("teacher.items.noFlags")}</span>
                      ) : (
                        <ul className="flag-list">
                          {item.flags.map((f) => (
                            <li key={f.code}>
                              <strong>{t(`teacher.items.flag.${f.code}`, { defaultValue: f.code })}</strong>: {f.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {items.length > shown && (
            <p>
              <button type="button" className="button-secondary" onClick={() => setShown(shown + PAGE)}>
                {t("teacher.items.more", { count: Math.min(PAGE, items.length - shown) })}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
