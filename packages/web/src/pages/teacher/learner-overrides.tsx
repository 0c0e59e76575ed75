import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, post } from "../../api/client.ts";
import { classPath, type LearnerDetail, type Override } from "../../api/teaching.ts";
import { formatDate } from "../../components/format.ts";

/** A teacher's judgement over the model: mark a skill mastered or reset it, with a reason; undoable. */
export function Overrides({ classId, detail }: { classId: string; detail: LearnerDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const base = `${classPath(classId)}/learners/${detail.learner.id}/overrides`;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["learner-detail", classId, detail.learner.id] }),
      queryClient.invalidateQueries({ queryKey: ["class-mastery", classId] }),
    ]);
  const [skillId, setSkillId] = useState("");
  const [action, setAction] = useState<"mark-mastered" | "reset">("mark-mastered");
  const [reason, setReason] = useState("");
  const create = useMutation({
    mutationFn: () => post<Override>(base, { skillId, action, reason: reason.trim() }),
    onSuccess: async () => {
      setReason("");
      setSkillId("");
      await refresh();
    },
  });
  const undo = useMutation({ mutationFn: (id: string) => post<Override>(`${base}/${id}/undo`), onSuccess: refresh });
  const error = create.error instanceof ApiError ? create.error : null;
  return (
    <section aria-labelledby="overrides" className="panel">
      <h2 id="overrides">{t("teacher.learner.overrides")}</h2>
      <p className="small muted">{t("teacher.overrides.intro")}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="ov-skill">{t("teacher.overrides.skill")}</label>
          <select id="ov-skill" value={skillId} onChange={(e) => setSkillId(e.target.value)} required>
            <option value="">{t("teacher.assign.chooseSkill")}</option>
            {detail.skills.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {t(`teacher.skillStatus.${s.status}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="choice-box">
          <legend>{t("teacher.overrides.action")}</legend>
          <div className="checks">
            <label>
              <input type="radio" name="ov-action" checked={action === "mark-mastered"} onChange={() => setAction("mark-mastered")} /> {t("teacher.overrides.markMastered")}
            </label>
            <label>
              <input type="radio" name="ov-action" checked={action === "reset"} onChange={() => setAction("reset")} /> {t("teacher.overrides.reset")}
            </label>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="ov-reason">{t("teacher.overrides.reason")}</label>
          <textarea id="ov-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} aria-invalid={error?.fieldMessage("reason") ? true : undefined} />
        </div>
        <button type="submit" className="button-secondary" disabled={!skillId || reason.trim().length < 3 || create.isPending}>
          {t("teacher.overrides.apply")}
        </button>
        {error && (
          <p className="form-error" role="alert">
            {error.fieldMessage("reason") ?? error.message}
          </p>
        )}
      </form>
      {detail.overrides.length > 0 && (
        <ul className="override-list">
          {detail.overrides.map((o) => (
            <li key={o.id} className={o.undoneAt ? "undone" : undefined}>
              <p>
                <strong>{o.skill.name}</strong>: {t(`teacher.overrides.did.${o.action}`)}
                {o.undoneAt && <span className="badge">{t("teacher.overrides.undone", { date: formatDate(o.undoneAt) })}</span>}
              </p>
              <p className="small">“{o.reason}”</p>
              <p className="small muted">
                {o.by.name} · {formatDate(o.createdAt)}
                {!o.undoneAt && (
                  <>
                    {" · "}
                    <button type="button" className="button-quiet" onClick={() => undo.mutate(o.id)} disabled={undo.isPending} aria-label={t("teacher.overrides.undoLabel", { skill: o.skill.name })}>
                      {t("teacher.overrides.undo")}
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function LearnerAssignments({ detail }: { detail: LearnerDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="learner-assignments" className="panel">
      <h2 id="learner-assignments">{t("teacher.learner.assignments")}</h2>
      {detail.assignments.length === 0 ? (
        <p className="muted small">{t("teacher.learner.noAssignments")}</p>
      ) : (
        <ul className="plain-list">
          {detail.assignments.map((a) => {
            const done = a.recipients.find((r) => r.id === detail.learner.id)?.done ?? false;
            return (
              <li key={a.id}>
                <strong>{a.title}</strong> <span className={`badge ${done ? "badge-ok" : ""}`}>{done ? t("teacher.learner.done") : t("teacher.learner.open")}</span>
                <span className="small muted">
                  {" "}
                  · {a.dueAt ? t("teacher.assign.dueOn", { date: formatDate(a.dueAt) }) : t("teacher.assign.noDue")}
                  {a.audience.group ? ` · ${a.audience.group.name}` : ""}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
