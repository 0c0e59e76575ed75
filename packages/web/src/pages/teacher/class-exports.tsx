import { useState } from "react";
import { useTranslation } from "react-i18next";
import { classPath } from "../../api/teaching.ts";

const KINDS = ["heatmap", "attempts", "gradebook"] as const;

/** CSV downloads of the class's data; learners are pseudonymous unless the teacher asks for names. */
export function ClassExports({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const [names, setNames] = useState<"pseudonymous" | "named">("pseudonymous");
  return (
    <section aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t("teacher.exports.title")}</h2>
      <p className="muted">{t("teacher.exports.intro")}</p>
      <fieldset className="choice-box">
        <legend>{t("teacher.exports.names")}</legend>
        <div className="checks">
          <label>
            <input type="radio" name="export-names" checked={names === "pseudonymous"} onChange={() => setNames("pseudonymous")} /> {t("teacher.exports.pseudonymous")}
          </label>
          <label>
            <input type="radio" name="export-names" checked={names === "named"} onChange={() => setNames("named")} /> {t("teacher.exports.named")}
          </label>
        </div>
        {names === "named" && <p className="small warn-text">{t("teacher.exports.namedWarning")}</p>}
      </fieldset>
      <ul className="card-grid export-grid">
        {KINDS.map((kind) => (
          <li key={kind} className="card">
            <h3>{t(`teacher.exports.${kind}.title`)}</h3>
            <p className="small muted">{t(`teacher.exports.${kind}.about`)}</p>
            <a className="button-link button-link-small" href={`${classPath(classId)}/exports/${kind}?names=${names}`} download>
              {t("teacher.exports.download")}
              <span className="visually-hidden"> {t(`teacher.exports.${kind}.title`)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
