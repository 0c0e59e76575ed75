import { Suspense, lazy, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { type SkillMastery, useMastery } from "../../api/queries.ts";
import { MasteryBar } from "../../components/skill-map/mastery-bar.tsx";
import { SkillList } from "../../components/skill-map/skill-list.tsx";
import { SKILL_STATUSES, type SkillStatus, skillStatus } from "../../components/skill-map/skill-status.ts";
import { StatusIcon } from "../../components/skill-map/status-icon.tsx";
import { QueryState, StatusMessage } from "../../components/status.tsx";

/** Shown if the drawing's code cannot be fetched (offline, or a newer version was installed meanwhile). */
function MapUnavailable() {
  const { t } = useTranslation();
  return <StatusMessage kind="error">{t("map.unavailable")}</StatusMessage>;
}

// The drawing (layout and SVG) and the details dialog load with this page, not with the app.
const SkillMap = lazy(() => import("../../components/skill-map/skill-map.tsx").then((m) => ({ default: m.SkillMap }), () => ({ default: MapUnavailable })));
const SkillDetails = lazy(() =>
  import("../../components/skill-map/skill-details.tsx").then((m) => ({ default: m.SkillDetails }), () => ({ default: MapUnavailable })),
);

const ZOOMS = [0.5, 0.67, 0.8, 1, 1.25] as const;
type View = "map" | "list";

/** Phones start with the list: a drawing 1,200 px wide helps nobody on a 360 px screen (the map is one tap away). */
const initialView = (): View => (typeof window !== "undefined" && window.matchMedia?.("(max-width: 47.99rem)").matches ? "list" : "map");

/** The open learner model: the course's skills as a map of prerequisites, where the learner stands on each, and why. */
export function MapPage({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const mastery = useMastery(courseId);
  const [view, setView] = useState<View>(initialView);
  const [zoom, setZoom] = useState(3);
  const [selected, setSelected] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);

  const model = useMemo(() => {
    if (!mastery.data) return null;
    const byId = new Map(mastery.data.skills.map((s) => [s.skillId, s]));
    const now = Date.now();
    const statuses = new Map(mastery.data.skills.map((s) => [s.skillId, skillStatus(s, byId, now)]));
    const unitOf = new Map(mastery.data.units.flatMap((u, i) => u.skills.map((id) => [id, i] as const)));
    const counts = Object.fromEntries(SKILL_STATUSES.map((s) => [s, 0])) as Record<SkillStatus, number>;
    for (const status of statuses.values()) counts[status]++;
    return { byId, statuses, unitOf, counts };
  }, [mastery.data]);

  if (!mastery.data || !model) return <section className="page"><QueryState isPending={mastery.isPending} error={mastery.error} /></section>;
  const data = mastery.data;
  const { byId, statuses, unitOf, counts } = model;
  const unit = data.units.find((u) => u.id === unitId) ?? null;
  const highlighted = unit ? new Set(unit.skills) : null;
  const selectedSkill: SkillMastery | undefined = selected ? byId.get(selected) : undefined;

  const closeDetails = () => {
    const id = selected;
    setSelected(null);
    // Back to the skill that was open, in whichever view shows it.
    if (id) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-skill-id="${CSS.escape(id)}"]`)?.focus());
  };

  return (
    <section className="page page-wide map-page">
      <p className="breadcrumb"><Link href="/">{t("nav.home")}</Link> / {t("map.breadcrumb")}</p>
      <div className="map-header">
        <div>
          <h1>{t("map.title")}</h1>
          <p className="muted">
            {t("map.summary", { mastered: counts.mastered + counts.review, total: data.skills.length, inProgress: counts["in-progress"], ready: counts.ready })}
            {counts.review > 0 && t("map.toReview", { count: counts.review })}
          </p>
        </div>
        <Link href={`/learn/${courseId}`} className="button-link">{t("map.continue")}</Link>
      </div>
      {data.placement !== "finished" && (
        <p className="notice">
          {t("map.newHere")}
          <Link href={`/learn/${courseId}/placement`}>{t("map.takePlacement")}</Link>
          {t("map.soStart")}
        </p>
      )}

      <div className="map-toolbar">
        <div className="segmented" role="group" aria-label={t("map.viewLabel")}>
          {(["map", "list"] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`map.view.${v}`)}
            </button>
          ))}
        </div>
        {view === "map" && (
          <div className="segmented" role="group" aria-label={t("map.zoomLabel")}>
            <button type="button" onClick={() => setZoom(Math.max(0, zoom - 1))} disabled={zoom === 0} aria-label={t("map.zoomOut")}>−</button>
            <span className="zoom-level" aria-live="polite">{Math.round(ZOOMS[zoom]! * 100)}%</span>
            <button type="button" onClick={() => setZoom(Math.min(ZOOMS.length - 1, zoom + 1))} disabled={zoom === ZOOMS.length - 1} aria-label={t("map.zoomIn")}>+</button>
          </div>
        )}
        <ul className="map-legend" aria-label={t("map.legend")}>
          {SKILL_STATUSES.map((status) => (
            <li key={status} className={`status-${status}`}>
              <StatusIcon status={status} /> {t(`map.status.${status}`)} <span className="count">{counts[status]}</span>
            </li>
          ))}
        </ul>
      </div>

      {data.units.length > 1 && (
        <div className="unit-chips" role="group" aria-label={t("map.unitsLabel")}>
          {data.units.map((u) => {
            const done = u.skills.filter((id) => byId.get(id)?.mastered).length;
            return (
              <button key={u.id} type="button" className="unit-chip" aria-pressed={unitId === u.id} onClick={() => setUnitId(unitId === u.id ? null : u.id)}>
                <span className="unit-chip-title">{u.title}</span>
                <span className="unit-chip-progress">
                  <span className="progress" aria-hidden="true"><span style={{ width: `${Math.round((done / Math.max(1, u.skills.length)) * 100)}%` }} /></span>
                  {t("map.unitProgress", { mastered: done, total: u.skills.length })}
                </span>
              </button>
            );
          })}
        </div>
      )}

      {view === "map" ? (
        <>
          <p className="muted small">{t("map.keyboardHint")}</p>
          <div className="skill-map-scroll">
            <Suspense fallback={<p className="status">{t("map.drawing")}</p>}>
              <SkillMap skills={data.skills} statuses={statuses} unitOf={unitOf} highlighted={highlighted} zoom={ZOOMS[zoom]!} onOpen={setSelected} />
            </Suspense>
          </div>
          <p className="muted small map-edge-key">
            <svg width="36" height="10" aria-hidden="true" focusable="false"><path d="M2,5 H34" className="edge edge-done" /></svg> {t("map.edgeDone")}
            <svg width="36" height="10" aria-hidden="true" focusable="false"><path d="M2,5 H34" className="edge edge-todo" /></svg> {t("map.edgeTodo")}
            <span className="status-in-progress map-bar-key">
              <MasteryBar mastery={0.55} answers={4} threshold={0.95} />
            </span>
            {t("map.barKey")}
          </p>
        </>
      ) : (
        <SkillList data={data} byId={byId} statuses={statuses} highlighted={highlighted} onOpen={setSelected} />
      )}

      {selectedSkill && (
        <Suspense fallback={null}>
          <SkillDetails courseId={courseId} skill={selectedSkill} data={data} byId={byId} statuses={statuses} onSelect={setSelected} onClose={closeDetails} />
        </Suspense>
      )}
    </section>
  );
}
