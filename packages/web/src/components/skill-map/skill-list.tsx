import type { MasteryList, SkillMastery } from "@attune/contract";
import { useTranslation } from "react-i18next";
import { MasteryBar } from "./mastery-bar.tsx";
import { StatusIcon } from "./status-icon.tsx";
import { type SkillStatus, masteryRange, missingPrerequisites, percent } from "./skill-status.ts";

type Props = {
  data: MasteryList;
  byId: ReadonlyMap<string, SkillMastery>;
  statuses: ReadonlyMap<string, SkillStatus>;
  highlighted: ReadonlySet<string> | null;
  onOpen: (skillId: string) => void;
};

/** The map as a list, unit by unit: the same facts as the drawing, for small screens and screen readers. */
export function SkillList({ data, byId, statuses, highlighted, onOpen }: Props) {
  const { t } = useTranslation();
  const units = data.units.length > 0 ? data.units : [{ id: "all", title: t("map.skills"), skills: data.skills.map((s) => s.skillId) }];
  return (
    <>
      {units
        .filter((unit) => highlighted === null || unit.skills.some((id) => highlighted.has(id)))
        .map((unit) => (
          <section key={unit.id} aria-labelledby={`unit-${unit.id}`} className="map-unit">
            <h2 id={`unit-${unit.id}`}>{unit.title}</h2>
            <ul className="map-skills">
              {unit.skills
                .map((id) => byId.get(id))
                .filter((s): s is SkillMastery => s !== undefined)
                .map((skill) => {
                  const status = statuses.get(skill.skillId) ?? "locked";
                  const range = masteryRange(skill.mastery, skill.attempts);
                  return (
                    <li key={skill.skillId} className={`map-skill status-${status}`}>
                      <div className="map-skill-head">
                        <h3>{skill.name}</h3>
                        <span className="badge">
                          <StatusIcon status={status} /> {t(`map.status.${status}`)}
                        </span>
                      </div>
                      <MasteryBar mastery={skill.mastery} answers={skill.attempts} threshold={skill.threshold} />
                      <p className="small muted">
                        {t("map.estimate", { percent: percent(skill.mastery), low: percent(range.low), high: percent(range.high), threshold: percent(skill.threshold) })}
                      </p>
                      {status === "locked" && <p className="small">{t("map.unlocks", { skills: missingPrerequisites(skill, byId).map((p) => p.name).join(", ") })}</p>}
                      <button type="button" className="button-quiet" data-skill-id={skill.skillId} onClick={() => onOpen(skill.skillId)}>
                        {t("map.whyButton")}
                        <span className="visually-hidden"> {t("map.aboutSkill", { skill: skill.name })}</span>
                      </button>
                    </li>
                  );
                })}
            </ul>
          </section>
        ))}
    </>
  );
}
