import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, del, post } from "../../api/client.ts";
import { useClass } from "../../api/queries.ts";
import { type Assignment, classPath, useAssignments, useClassMastery, useSavedGroups } from "../../api/teaching.ts";
import { dateInDays, formatDate } from "../../components/format.ts";
import { QueryState, StatusMessage } from "../../components/status.tsx";

type Audience = "class" | "group" | "learners";

/** Work given to the class, a group or chosen learners, with a due date; who is done; withdraw. */
export function ClassAssignments({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const list = useAssignments(classId);
  return (
    <>
      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">
          {t("teacher.assign.title")} {list.data && <span className="count">({list.data.items.length})</span>}
        </h2>
        <QueryState isPending={list.isPending} error={list.error} />
        {list.data?.items.length === 0 && <StatusMessage kind="empty">{t("teacher.assign.none")}</StatusMessage>}
        <ul className="assignment-list">
          {list.data?.items.map((a) => (
            <AssignmentRow key={a.id} classId={classId} assignment={a} />
          ))}
        </ul>
      </section>
      <CreateAssignment classId={classId} />
    </>
  );
}

function AssignmentRow({ classId, assignment: a }: { classId: string; assignment: Assignment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => del(`${classPath(classId)}/assignments/${a.id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["class-assignments", classId] }),
  });
  const done = a.recipients.filter((r) => r.done);
  const waiting = a.recipients.filter((r) => !r.done);
  const audience = a.audience.kind === "class" ? t("teacher.assign.toClass") : a.audience.kind === "group" ? t("teacher.assign.toGroup", { name: a.audience.group?.name ?? "" }) : t("teacher.assign.toLearners", { count: a.recipients.length });
  const overdue = a.dueAt !== null && a.dueAt.slice(0, 10) < dateInDays(0) && waiting.length > 0;
  return (
    <li className="card assignment">
      <div className="assignment-main">
        <h3>{a.title}</h3>
        <p className="small muted">
          {audience} · {a.dueAt ? t("teacher.assign.dueOn", { date: formatDate(a.dueAt) }) : t("teacher.assign.noDue")}
          {overdue && <span className="badge badge-warn">{t("teacher.assign.overdue")}</span>} · {t("teacher.assign.by", { name: a.createdBy.name })}
        </p>
        {a.skills.length > 0 && (
          <p className="small">
            {a.skills.map((s) => (
              <span key={s.id} className="chip">
                {s.name}
              </span>
            ))}
            {a.lesson && <span className="chip">{a.lesson.title}</span>}
          </p>
        )}
        {a.note && <p className="small">{a.note}</p>}
      </div>
      <div className="assignment-progress">
        <p className="small">
          <strong>{t("teacher.assign.doneOf", { done: done.length, total: a.recipients.length })}</strong>
        </p>
        <div className="progress" role="progressbar" aria-label={t("teacher.assign.progressLabel", { title: a.title })} aria-valuemin={0} aria-valuemax={a.recipients.length} aria-valuenow={done.length}>
          <span style={{ width: `${a.recipients.length ? (100 * done.length) / a.recipients.length : 0}%` }} />
        </div>
        <details className="small">
          <summary>{t("teacher.assign.who")}</summary>
          {done.length > 0 && (
            <p>
              <strong>{t("teacher.assign.doneList")}</strong> {done.map((r) => r.name).join(", ")}
            </p>
          )}
          {waiting.length > 0 && (
            <p>
              <strong>{t("teacher.assign.notYet")}</strong> {waiting.map((r) => r.name).join(", ")}
            </p>
          )}
        </details>
        {confirming ? (
          <div className="card-actions">
            <button type="button" className="button-danger button-small" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
              {t("teacher.assign.confirmWithdraw")}
            </button>
            <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
              {t("teacher.cancel")}
            </button>
          </div>
        ) : (
          <button type="button" className="button-quiet" onClick={() => setConfirming(true)} aria-label={t("teacher.assign.withdrawLabel", { title: a.title })}>
            {t("teacher.assign.withdraw")}
          </button>
        )}
        {withdraw.error && (
          <p className="form-error" role="alert">
            {withdraw.error.message}
          </p>
        )}
      </div>
    </li>
  );
}

function CreateAssignment({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mastery = useClassMastery(classId);
  const groups = useSavedGroups(classId);
  const detail = useClass(classId);
  const [title, setTitle] = useState("");
  const [skillIds, setSkillIds] = useState<string[]>([]);
  const [skillFilter, setSkillFilter] = useState("");
  const [audience, setAudience] = useState<Audience>("class");
  const [groupId, setGroupId] = useState("");
  const [learnerIds, setLearnerIds] = useState<string[]>([]);
  const [dueAt, setDueAt] = useState(dateInDays(7));
  const [note, setNote] = useState("");
  const [created, setCreated] = useState<Assignment | null>(null);
  const create = useMutation({
    mutationFn: () =>
      post<Assignment>(`${classPath(classId)}/assignments`, {
        ...(title.trim() ? { title: title.trim() } : {}),
        skillIds,
        audience: audience === "class" ? { kind: "class" } : audience === "group" ? { kind: "group", groupId } : { kind: "learners", learnerIds },
        ...(dueAt ? { dueAt } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async (a) => {
      setCreated(a);
      setTitle("");
      setSkillIds([]);
      setNote("");
      await queryClient.invalidateQueries({ queryKey: ["class-assignments", classId] });
    },
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const skills = (mastery.data?.skills ?? []).filter((s) => !skillFilter || s.name.toLowerCase().includes(skillFilter.toLowerCase()) || skillIds.includes(s.id));
  const savedGroups = (groups.data?.items ?? []).filter((g) => g.id);
  const ready = skillIds.length > 0 && (audience !== "group" || groupId) && (audience !== "learners" || learnerIds.length > 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate();
  };
  return (
    <section className="panel" aria-labelledby="new-assignment">
      <h2 id="new-assignment">{t("teacher.assign.new")}</h2>
      <form onSubmit={submit} className="assignment-form">
        <div className="form-grid">
          <div className="field">
            <label htmlFor="as-title">{t("teacher.assign.titleLabel")}</label>
            <input id="as-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t("teacher.assign.titlePlaceholder")} />
          </div>
          <div className="field">
            <label htmlFor="as-due">{t("teacher.assign.due")}</label>
            <input id="as-due" type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} aria-invalid={error?.fieldMessage("dueAt") ? true : undefined} />
          </div>
        </div>
        <fieldset className="choice-box">
          <legend>
            {t("teacher.assign.skills")} <span className="muted small">{t("teacher.assign.chosen", { count: skillIds.length })}</span>
          </legend>
          <div className="field">
            <label htmlFor="as-skill-filter" className="visually-hidden">
              {t("teacher.assign.filterSkills")}
            </label>
            <input id="as-skill-filter" type="search" placeholder={t("teacher.assign.filterSkills")} value={skillFilter} onChange={(e) => setSkillFilter(e.target.value)} />
          </div>
          <div className="check-scroll checks">
            {skills.map((s) => (
              <label key={s.id}>
                <input type="checkbox" checked={skillIds.includes(s.id)} onChange={() => setSkillIds(toggle(skillIds, s.id))} /> {s.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="choice-box">
          <legend>{t("teacher.assign.audience")}</legend>
          <div className="checks audience">
            <label>
              <input type="radio" name="audience" checked={audience === "class"} onChange={() => setAudience("class")} /> {t("teacher.assign.wholeClass")}
            </label>
            <label>
              <input type="radio" name="audience" checked={audience === "group"} onChange={() => setAudience("group")} disabled={savedGroups.length === 0} /> {t("teacher.assign.aGroup")}
              {savedGroups.length === 0 && <span className="muted small"> {t("teacher.assign.noGroups")}</span>}
            </label>
            <label>
              <input type="radio" name="audience" checked={audience === "learners"} onChange={() => setAudience("learners")} /> {t("teacher.assign.someLearners")}
            </label>
          </div>
          {audience === "group" && (
            <div className="field">
              <label htmlFor="as-group">{t("teacher.assign.group")}</label>
              <select id="as-group" value={groupId} onChange={(e) => setGroupId(e.target.value)} required>
                <option value="">{t("teacher.assign.chooseGroup")}</option>
                {savedGroups.map((g) => (
                  <option key={g.id} value={g.id!}>
                    {g.name} ({g.learners.length})
                  </option>
                ))}
              </select>
            </div>
          )}
          {audience === "learners" && (
            <div className="check-scroll checks" role="group" aria-label={t("teacher.assign.chooseLearners")}>
              {detail.data?.learners.map((l) => (
                <label key={l.id}>
                  <input type="checkbox" checked={learnerIds.includes(l.id)} onChange={() => setLearnerIds(toggle(learnerIds, l.id))} /> {l.name}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="as-note">{t("teacher.assign.note")}</label>
          <textarea id="as-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="submit" className="button-primary" disabled={!ready || create.isPending}>
          {t("teacher.assign.create")}
        </button>
      </form>
      <div aria-live="polite">
        {created && <p className="notice">{t("teacher.assign.created", { title: created.title, count: created.recipients.length })}</p>}
        {error && (
          <p className="form-error" role="alert">
            {error.details.length ? error.details.map((d) => `${d.path}: ${d.message}`).join("; ") : error.message}
          </p>
        )}
      </div>
    </section>
  );
}
