import type { ClassMastery } from "@attune/contract";
import { useQuery } from "@tanstack/react-query";
import { get } from "../api/client.ts";
import { QueryState } from "./status.tsx";

const LABEL: Record<ClassMastery["learners"][number]["cells"][number]["status"], string> = {
  mastered: "mastered",
  "review-due": "review due",
  "in-progress": "in progress",
  "not-started": "not started",
};

/** Learners × skills: each cell shows the mastery number and its status in words (colour is never the only cue). */
export function ClassHeatmap({ classId }: { classId: string }) {
  const data = useQuery({ queryKey: ["class-mastery", classId], queryFn: () => get<ClassMastery>(`/api/classes/${classId}/mastery`) });
  if (!data.data) return <QueryState isPending={data.isPending} error={data.error} />;
  const { skills, learners, course } = data.data;
  if (!course) return <p className="muted">Choose a course for this class to see its mastery map.</p>;
  return (
    <section aria-labelledby="heatmap-heading">
      <h2 id="heatmap-heading">Mastery map: {course.title}</h2>
      <p className="muted small">
        Each cell: estimated mastery in percent. <span className="legend cell-mastered">mastered</span> <span className="legend cell-review-due">review due</span>{" "}
        <span className="legend cell-in-progress">in progress</span> <span className="legend cell-not-started">not started</span>
      </p>
      <div className="table-wrap heatmap-wrap" tabIndex={0} role="region" aria-label="Mastery map, scrolls sideways">
        <table className="heatmap">
          <caption className="visually-hidden">Mastery of each skill by each learner</caption>
          <thead>
            <tr>
              <th scope="col">Learner</th>
              {skills.map((s, i) => (
                <th key={s.id} scope="col" title={s.name}>
                  <abbr title={s.name}>{i + 1}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {learners.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.name}</th>
                {l.cells.map((cell, i) => (
                  <td key={skills[i]!.id} className={`cell-${cell.status}`} title={`${l.name} · ${skills[i]!.name}: ${LABEL[cell.status]}, ${cell.attempts} answers`}>
                    {cell.mastery === null ? "–" : Math.round(cell.mastery * 100)}
                    <span className="visually-hidden"> {LABEL[cell.status]}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details>
        <summary>Skill numbers</summary>
        <ol className="small">{skills.map((s) => <li key={s.id}>{s.name}</li>)}</ol>
      </details>
    </section>
  );
}
