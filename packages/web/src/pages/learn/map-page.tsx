import { Link } from "wouter";
import { type SkillMastery, useMastery } from "../../api/queries.ts";
import { QueryState } from "../../components/status.tsx";

type Status = "mastered" | "review" | "in-progress" | "ready" | "locked";

const STATUS_LABEL: Record<Status, string> = {
  mastered: "Mastered",
  review: "Needs review",
  "in-progress": "In progress",
  ready: "Ready to learn",
  locked: "Locked",
};

function statusOf(skill: SkillMastery, byId: Map<string, SkillMastery>, now: number): Status {
  if (skill.mastered) return skill.reviewDueAt && Date.parse(skill.reviewDueAt) <= now ? "review" : "mastered";
  if (skill.prerequisites.some((p) => !byId.get(p)?.mastered)) return "locked";
  return skill.attempts > 0 ? "in-progress" : "ready";
}

/**
 * How sure the estimate is, in words: a few answers say little. Shown beside the number so nobody reads a
 * 60% built on one answer as firm.
 */
function certainty(skill: SkillMastery): string {
  if (skill.attempts === 0) return "no answers yet";
  if (skill.attempts < 4) return `based on ${skill.attempts} answer${skill.attempts === 1 ? "" : "s"} — still uncertain`;
  return `based on ${skill.attempts} answers`;
}

/** The open learner model: every skill of the course, where the learner stands and why. */
export function MapPage({ courseId }: { courseId: string }) {
  const mastery = useMastery(courseId);
  if (!mastery.data) return <section className="page"><QueryState isPending={mastery.isPending} error={mastery.error} /></section>;
  const byId = new Map(mastery.data.skills.map((s) => [s.skillId, s]));
  const now = Date.now();
  const units = mastery.data.units.length > 0 ? mastery.data.units : [{ id: "all", title: "Skills", skills: mastery.data.skills.map((s) => s.skillId) }];
  const counts = mastery.data.skills.reduce<Record<Status, number>>(
    (acc, s) => ({ ...acc, [statusOf(s, byId, now)]: acc[statusOf(s, byId, now)] + 1 }),
    { mastered: 0, review: 0, "in-progress": 0, ready: 0, locked: 0 },
  );
  return (
    <section className="page">
      <p className="breadcrumb"><Link href="/">Home</Link> / My map</p>
      <h1>My map</h1>
      <p className="muted">
        {counts.mastered + counts.review} of {mastery.data.skills.length} skills mastered · {counts["in-progress"]} in progress · {counts.ready} ready to learn
        {counts.review > 0 && ` · ${counts.review} to review`}
      </p>
      {mastery.data.placement !== "finished" && (
        <p className="notice">
          New here? <Link href={`/learn/${courseId}/placement`}>Take the short placement</Link> so your map starts where you are.
        </p>
      )}
      <p>
        <Link href={`/learn/${courseId}`} className="button-link">Continue learning</Link>
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
                    <span className="badge">{STATUS_LABEL[status]}</span>
                  </div>
                  <div className="meter" role="meter" aria-label={`${skill.name}: estimated mastery`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(skill.mastery * 100)}>
                    <span style={{ width: `${Math.round(skill.mastery * 100)}%` }} />
                    <i style={{ left: `${Math.round(skill.threshold * 100)}%` }} aria-hidden="true" />
                  </div>
                  <p className="small muted">
                    {Math.round(skill.mastery * 100)}% sure you know it ({certainty(skill)}); mastered at {Math.round(skill.threshold * 100)}%.
                  </p>
                  {status === "locked" && <p className="small">Unlocks when you master: {missing.join(", ")}.</p>}
                  <details>
                    <summary>Why?</summary>
                    <ul className="small">
                      <li>{skill.correct} right out of {skill.attempts} answers{skill.hintsUsed > 0 ? `, ${skill.hintsUsed} hints used` : ""}.</li>
                      {skill.recent.length > 0 && <li>Last answers (oldest first): {skill.recent.map((r) => (r ? "right" : "wrong")).join(", ")}.</li>}
                      {skill.lastPracticedAt && <li>Last practised {new Date(skill.lastPracticedAt).toLocaleDateString()}.</li>}
                      {skill.reviewDueAt && <li>Next review {new Date(skill.reviewDueAt).toLocaleDateString()}: practice spaced over time keeps it.</li>}
                      {skill.attempts === 0 && <li>No answers yet: the estimate is the starting guess{mastery.data!.placement === "finished" ? " from your placement" : ""}.</li>}
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
