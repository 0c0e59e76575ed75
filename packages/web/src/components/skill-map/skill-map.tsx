import type { SkillMastery } from "@attune/contract";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Point, layeredLayout } from "./layered-layout.ts";
import { MasteryBar } from "./mastery-bar.tsx";
import { StatusIcon } from "./status-icon.tsx";
import { type SkillStatus, masteryRange, percent } from "./skill-status.ts";

/** Node size in CSS pixels: four lines of a skill's name, its status and its bar; seven nodes side by side fit a laptop screen. */
export const NODE = { width: 148, height: 118, gapX: 16, gapY: 40 } as const;
const PAD = 12;

type Props = {
  skills: readonly SkillMastery[];
  statuses: ReadonlyMap<string, SkillStatus>;
  /** Unit position per skill (keeps a unit's skills side by side where crossings allow). */
  unitOf: ReadonlyMap<string, number>;
  /** Skills of the highlighted unit, or null for none. */
  highlighted: ReadonlySet<string> | null;
  zoom: number;
  onOpen: (skillId: string) => void;
};

/** An SVG path through the routed points: straight down through a layer, an S-curve in the gap between layers. */
function pathOf(points: readonly Point[]): string {
  let d = `M${points[0]!.x},${points[0]!.y}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const mid = (a.y + b.y) / 2;
    d += a.x === b.x ? ` L${b.x},${b.y}` : ` C${a.x},${mid} ${b.x},${mid} ${b.x},${b.y}`;
  }
  return d;
}

/**
 * The course's skills drawn as a map: prerequisites above the skills that need them, each skill a button showing
 * its status (icon and words) and its estimate with the range it could be in. One tab stop; the arrow keys move
 * between skills (left and right within a row, up and down to the nearest skill of the next row); Enter opens one.
 */
export function SkillMap({ skills, statuses, unitOf, highlighted, zoom, onOpen }: Props) {
  const { t } = useTranslation();
  const layout = useMemo(
    () =>
      layeredLayout(
        skills.map((s) => ({ id: s.skillId, group: unitOf.get(s.skillId) ?? 0 })),
        skills.flatMap((s) => s.prerequisites.map((p) => ({ from: p, to: s.skillId }))),
        { nodeWidth: NODE.width, nodeHeight: NODE.height, gapX: NODE.gapX, gapY: NODE.gapY },
      ),
    [skills, unitOf],
  );
  const byId = useMemo(() => new Map(skills.map((s) => [s.skillId, s])), [skills]);
  const canvas = useRef<HTMLDivElement>(null);
  // Where the map starts: its first skill in view, even when the drawing is wider than the screen.
  useEffect(() => {
    const frame = canvas.current?.parentElement;
    const first = layout.nodes[0];
    if (frame && first && frame.scrollWidth > frame.clientWidth) frame.scrollLeft = (first.x + PAD + NODE.width / 2) * zoom - frame.clientWidth / 2;
    // Only when the drawing first appears (not on zoom): later the learner scrolls where they like.
  }, [layout]);
  const [current, setCurrent] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const focusable = current ?? layout.nodes[0]?.id ?? null;

  const focusNode = (id: string | undefined) => {
    if (!id) return;
    setCurrent(id);
    document.getElementById(nodeDomId(id))?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const id = (event.target as HTMLElement).dataset.skillId;
    const here = layout.nodes.find((n) => n.id === id);
    if (!here) return;
    const row = layout.layers[here.layer]!;
    const at = row.indexOf(here.id);
    const nearestIn = (layer: number) => {
      const candidates = layout.nodes.filter((n) => n.layer === layer);
      return candidates.reduce<(typeof candidates)[number] | undefined>((best, n) => (!best || Math.abs(n.x - here.x) < Math.abs(best.x - here.x) ? n : best), undefined)?.id;
    };
    const moves: Record<string, () => string | undefined> = {
      ArrowLeft: () => row[at - 1],
      ArrowRight: () => row[at + 1],
      ArrowUp: () => nearestIn(here.layer - 1),
      ArrowDown: () => nearestIn(here.layer + 1),
      Home: () => layout.nodes[0]?.id,
      End: () => layout.nodes.at(-1)?.id,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    focusNode(move());
  };

  const linked = (id: string | null) => (id ? new Set([id, ...(byId.get(id)?.prerequisites ?? []), ...skills.filter((s) => s.prerequisites.includes(id)).map((s) => s.skillId)]) : null);
  const near = linked(active);
  const width = layout.width + 2 * PAD;
  const height = layout.height + 2 * PAD;

  return (
    <div className="skill-map-canvas" ref={canvas} style={{ width, height, zoom }}>
      <svg className="skill-map-edges" width={width} height={height} viewBox={`${-PAD} ${-PAD} ${width} ${height}`} aria-hidden="true" focusable="false">
        <defs>
          {["todo", "done", "active"].map((kind) => (
            <marker key={kind} id={`arrow-${kind}`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L8,4 L0,8 z" className={`arrow arrow-${kind}`} />
            </marker>
          ))}
        </defs>
        {layout.edges.map((edge) => {
          const done = byId.get(edge.from)?.mastered === true;
          const isActive = active !== null && (edge.from === active || edge.to === active);
          const dimmed = (highlighted !== null && !(highlighted.has(edge.from) && highlighted.has(edge.to))) || (active !== null && !isActive);
          const kind = isActive ? "active" : done ? "done" : "todo";
          return (
            <path
              key={`${edge.from}>${edge.to}`}
              d={pathOf(edge.points)}
              className={`edge edge-${kind}${dimmed ? " is-dimmed" : ""}`}
              markerEnd={`url(#arrow-${kind})`}
            />
          );
        })}
      </svg>
      <ul className="skill-map-nodes" aria-label={t("map.drawingLabel", { count: skills.length })} onKeyDown={onKeyDown}>
        {layout.nodes.map((node) => {
          const skill = byId.get(node.id)!;
          const status = statuses.get(node.id) ?? "locked";
          const range = masteryRange(skill.mastery, skill.attempts);
          const dimmed = highlighted !== null && !highlighted.has(node.id);
          return (
            <li key={node.id} style={{ left: node.x + PAD, top: node.y + PAD, width: NODE.width, height: NODE.height }}>
              <button
                type="button"
                id={nodeDomId(node.id)}
                data-skill-id={node.id}
                className={`skill-node status-${status}${dimmed ? " is-dimmed" : ""}${highlighted?.has(node.id) ? " is-highlighted" : ""}${near?.has(node.id) && node.id !== active ? " is-linked" : ""}`}
                tabIndex={node.id === focusable ? 0 : -1}
                onClick={() => {
                  setCurrent(node.id);
                  onOpen(node.id);
                }}
                onFocus={() => {
                  setCurrent(node.id);
                  setActive(node.id);
                }}
                onBlur={() => setActive(null)}
                onMouseEnter={() => setActive(node.id)}
                onMouseLeave={() => setActive(null)}
              >
                <span className="skill-node-name">{skill.name}</span>
                <span className="skill-node-status">
                  <StatusIcon status={status} />
                  <span>{t(`map.status.${status}`)}</span>
                  <span className="skill-node-percent" aria-hidden="true">{percent(skill.mastery)}%</span>
                </span>
                <span className="visually-hidden">, {t("map.nodeEstimate", { percent: percent(skill.mastery), low: percent(range.low), high: percent(range.high) })}</span>
                <MasteryBar mastery={skill.mastery} answers={skill.attempts} threshold={skill.threshold} />
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The DOM id of a skill's node, so focus can return to it when its details close. */
export const nodeDomId = (skillId: string) => `skill-node-${skillId}`;
