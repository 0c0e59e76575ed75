import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { get, put } from "../../api/client.ts";
import { useClass } from "../../api/queries.ts";
import { classPath, type Group, type GroupList, useClassMastery, useSavedGroups } from "../../api/teaching.ts";
import { QueryState, StatusMessage } from "../../components/status.tsx";
import { AssignToGroup } from "./assign-to-group.tsx";

type Ref = { id: string; name: string };
type Draft = { key: string; name: string; learners: Ref[]; skills: Ref[]; reason: string };
const UNGROUPED = "";

let draftKeys = 0;
const toDraft = (g: Group): Draft => ({ key: `g${++draftKeys}`, name: g.name, learners: [...g.learners], skills: [...g.skills], reason: g.reason });

/**
 * Groups of learners who need the same skills: suggested by the engine for a size range, then adjusted by the
 * teacher (drag a name, or use its "Move to" list from the keyboard) and saved. Saved groups can be given work.
 */
export function ClassGroups({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = useSavedGroups(classId);
  const detail = useClass(classId);
  const mastery = useClassMastery(classId);
  const [minSize, setMinSize] = useState("3");
  const [maxSize, setMaxSize] = useState("6");
  const [draft, setDraft] = useState<Draft[] | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const suggest = useMutation({
    mutationFn: () => get<GroupList>(`${classPath(classId)}/groups/suggestions?minSize=${Number(minSize)}&maxSize=${Number(maxSize)}`),
    onSuccess: (list) => {
      setDraft(list.items.map(toDraft));
      setNotes(list.notes);
      setStatus(t("teacher.groups.suggested", { count: list.items.length }));
    },
  });
  const save = useMutation({
    mutationFn: (groups: Draft[]) =>
      put<GroupList>(`${classPath(classId)}/groups`, {
        groups: groups.filter((g) => g.learners.length > 0).map((g) => ({ name: g.name.trim() || t("teacher.groups.untitled"), learnerIds: g.learners.map((l) => l.id), skillIds: g.skills.map((s) => s.id), reason: g.reason })),
      }),
    onSuccess: (list) => {
      queryClient.setQueryData(["class-groups", classId], list);
      void queryClient.invalidateQueries({ queryKey: ["learner-detail", classId] });
      setDraft(null);
      setNotes([]);
      setStatus(t("teacher.groups.saved", { count: list.items.length }));
    },
  });

  const roster: Ref[] = detail.data?.learners.map((l) => ({ id: l.id, name: l.name })) ?? [];
  const move = (learnerId: string, to: string) => {
    if (!draft) return;
    const learner = roster.find((l) => l.id === learnerId) ?? draft.flatMap((g) => g.learners).find((l) => l.id === learnerId);
    if (!learner) return;
    const next = draft.map((g) => ({ ...g, learners: g.learners.filter((l) => l.id !== learnerId) }));
    const target = next.find((g) => g.key === to);
    if (target) target.learners = [...target.learners, learner].sort((a, b) => a.name.localeCompare(b.name));
    setDraft(next);
    setStatus(to === UNGROUPED ? t("teacher.groups.movedOut", { name: learner.name }) : t("teacher.groups.moved", { name: learner.name, group: target?.name ?? "" }));
  };
  const grouped = new Set((draft ?? []).flatMap((g) => g.learners.map((l) => l.id)));
  const ungrouped = roster.filter((l) => !grouped.has(l.id));
  const submitSuggest = (e: FormEvent) => {
    e.preventDefault();
    suggest.mutate();
  };
  const savedGroups = saved.data?.items ?? [];

  return (
    <section aria-labelledby="groups-heading">
      <h2 id="groups-heading">{t("teacher.groups.title")}</h2>
      <p className="muted">{t("teacher.groups.intro")}</p>
      <form className="filters filters-compact" onSubmit={submitSuggest} aria-label={t("teacher.groups.suggestForm")}>
        <div className="field">
          <label htmlFor="group-min">{t("teacher.groups.minSize")}</label>
          <input id="group-min" type="number" min={1} max={50} value={minSize} onChange={(e) => setMinSize(e.target.value)} className="input-narrow" />
        </div>
        <div className="field">
          <label htmlFor="group-max">{t("teacher.groups.maxSize")}</label>
          <input id="group-max" type="number" min={1} max={50} value={maxSize} onChange={(e) => setMaxSize(e.target.value)} className="input-narrow" />
        </div>
        <button type="submit" className="button-primary" disabled={suggest.isPending}>
          {suggest.isPending ? t("teacher.groups.suggesting") : t("teacher.groups.suggest")}
        </button>
        {!draft && savedGroups.length > 0 && (
          <button type="button" className="button-secondary" onClick={() => setDraft(savedGroups.map(toDraft))}>
            {t("teacher.groups.edit")}
          </button>
        )}
      </form>
      {suggest.error && (
        <p className="form-error" role="alert">
          {suggest.error.message}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {notes.length > 0 && (
        <ul className="notes-list small">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}

      {draft && (
        <>
          <div className="draft-bar">
            <p>
              <strong>{t("teacher.groups.draftTitle")}</strong> {t("teacher.groups.draftHelp")}
            </p>
            <div className="card-actions">
              <button type="button" className="button-primary" disabled={save.isPending || draft.every((g) => g.learners.length === 0)} onClick={() => save.mutate(draft)}>
                {t("teacher.groups.save")}
              </button>
              <button type="button" className="button-secondary" onClick={() => setDraft([...draft, { key: `g${++draftKeys}`, name: t("teacher.groups.newName", { n: draft.length + 1 }), learners: [], skills: [], reason: "" }])}>
                {t("teacher.groups.add")}
              </button>
              <button type="button" className="button-quiet" onClick={() => { setDraft(null); setNotes([]); }}>
                {t("teacher.cancel")}
              </button>
            </div>
            {save.error && (
              <p className="form-error" role="alert">
                {save.error.message}
              </p>
            )}
          </div>
          <ul className="group-grid">
            {draft.map((g, gi) => (
              <li key={g.key} className="card group-card" onDragOver={(e) => e.preventDefault()} onDrop={(e) => { e.preventDefault(); move(e.dataTransfer.getData("text/plain"), g.key); }}>
                <div className="field">
                  <label htmlFor={`group-name-${g.key}`}>{t("teacher.groups.name")}</label>
                  <input id={`group-name-${g.key}`} value={g.name} onChange={(e) => setDraft(draft.map((x, i) => (i === gi ? { ...x, name: e.target.value } : x)))} />
                </div>
                <GroupFacts group={g} />
                <MemberList learners={g.learners} groupKey={g.key} groups={draft} onMove={move} />
                <button type="button" className="button-quiet" onClick={() => setDraft(draft.filter((x) => x.key !== g.key))} aria-label={t("teacher.groups.removeLabel", { name: g.name })}>
                  {t("teacher.groups.remove")}
                </button>
              </li>
            ))}
            <li className="card group-card group-ungrouped" onDragOver={(e) => e.preventDefault()} onDrop={(e) => { e.preventDefault(); move(e.dataTransfer.getData("text/plain"), UNGROUPED); }}>
              <h3>
                {t("teacher.groups.ungrouped")} <span className="count">({ungrouped.length})</span>
              </h3>
              {ungrouped.length === 0 ? <p className="muted small">{t("teacher.groups.everyoneGrouped")}</p> : <MemberList learners={ungrouped} groupKey={UNGROUPED} groups={draft} onMove={move} />}
            </li>
          </ul>
        </>
      )}

      {!draft && (
        <>
          <QueryState isPending={saved.isPending} error={saved.error} />
          {saved.data && savedGroups.length === 0 && <StatusMessage kind="empty">{t("teacher.groups.noneSaved")}</StatusMessage>}
          {savedGroups.length > 0 && (
            <>
              <h3 className="subhead">{t("teacher.groups.savedTitle")}</h3>
              <ul className="group-grid">
                {savedGroups.map((g) => (
                  <li key={g.id ?? g.name} className="card group-card">
                    <h3>{g.name}</h3>
                    <GroupFacts group={g} />
                    <p className="small">
                      <strong>{t("teacher.groups.members", { count: g.learners.length })}</strong> {g.learners.map((l) => l.name).join(", ")}
                    </p>
                    {g.id && <AssignToGroup classId={classId} group={{ id: g.id, name: g.name }} groupSkills={g.skills} allSkills={mastery.data?.skills ?? []} />}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function GroupFacts({ group }: { group: { skills: Ref[]; reason: string } }) {
  const { t } = useTranslation();
  return (
    <>
      {group.skills.length > 0 && (
        <p className="small">
          <strong>{t("teacher.groups.skills")}</strong>{" "}
          {group.skills.map((s) => (
            <span key={s.id} className="chip">
              {s.name}
            </span>
          ))}
        </p>
      )}
      {group.reason && <p className="small muted">{group.reason}</p>}
    </>
  );
}

function MemberList({ learners, groupKey, groups, onMove }: { learners: Ref[]; groupKey: string; groups: Draft[]; onMove: (learnerId: string, to: string) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="member-list">
      {learners.map((l) => (
        <li key={l.id} draggable onDragStart={(e) => { e.dataTransfer.setData("text/plain", l.id); e.dataTransfer.effectAllowed = "move"; }}>
          <span className="drag-handle" aria-hidden="true">⠿</span>
          <span className="member-name">{l.name}</span>
          <label className="visually-hidden" htmlFor={`move-${groupKey}-${l.id}`}>
            {t("teacher.groups.moveLabel", { name: l.name })}
          </label>
          <select id={`move-${groupKey}-${l.id}`} className="select-small" value={groupKey} onChange={(e) => onMove(l.id, e.target.value)}>
            {groups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name || t("teacher.groups.untitled")}
              </option>
            ))}
            <option value={UNGROUPED}>{t("teacher.groups.ungrouped")}</option>
          </select>
        </li>
      ))}
    </ul>
  );
}
