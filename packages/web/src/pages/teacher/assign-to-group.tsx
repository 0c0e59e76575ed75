import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { post } from "../../api/client.ts";
import { type Assignment, classPath } from "../../api/teaching.ts";
import { dateInDays, formatDate } from "../../components/format.ts";

type Ref = { id: string; name: string };

/** Assign one skill to a saved group, due on a day: the engine puts it first in each member's next activity. */
export function AssignToGroup({ classId, group, groupSkills, allSkills }: { classId: string; group: Ref; groupSkills: Ref[]; allSkills: Ref[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [skillId, setSkillId] = useState(groupSkills[0]?.id ?? "");
  const [dueAt, setDueAt] = useState(dateInDays(7));
  const [done, setDone] = useState<Assignment | null>(null);
  const assign = useMutation({
    mutationFn: () => post<Assignment>(`${classPath(classId)}/assignments`, { skillIds: [skillId], audience: { kind: "group", groupId: group.id }, ...(dueAt ? { dueAt } : {}) }),
    onSuccess: (a) => {
      setDone(a);
      void queryClient.invalidateQueries({ queryKey: ["class-assignments", classId] });
      void queryClient.invalidateQueries({ queryKey: ["learner-detail", classId] });
    },
  });
  const others = allSkills.filter((s) => !groupSkills.some((g) => g.id === s.id));
  return (
    <form
      className="assign-form"
      aria-label={t("teacher.groups.assignTo", { name: group.name })}
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        assign.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-skill`}>{t("teacher.groups.assignSkill")}</label>
        <select id={`${id}-skill`} value={skillId} onChange={(e) => setSkillId(e.target.value)} required>
          <option value="">{t("teacher.assign.chooseSkill")}</option>
          {groupSkills.length > 0 && (
            <optgroup label={t("teacher.groups.groupSkills")}>
              {groupSkills.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t("teacher.groups.otherSkills")}>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t("teacher.assign.due")}</label>
        <input id={`${id}-due`} type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
      </div>
      <button type="submit" className="button-secondary" disabled={!skillId || assign.isPending}>
        {t("teacher.groups.assign")}
      </button>
      <div aria-live="polite" className="assign-result">
        {done && <p className="notice small">{t("teacher.groups.assigned", { title: done.title, count: done.recipients.length, date: formatDate(done.dueAt) })}</p>}
        {assign.error && (
          <p className="form-error" role="alert">
            {assign.error.message}
          </p>
        )}
      </div>
    </form>
  );
}
