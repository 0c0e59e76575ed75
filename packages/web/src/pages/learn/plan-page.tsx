import { useTranslation } from "react-i18next";
import type { Plan } from "@attune/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { ApiError, del, get, post } from "../../api/client.ts";
import { useMastery } from "../../api/queries.ts";
import { FormField } from "../../components/form-field.tsx";
import { QueryState } from "../../components/status.tsx";

function inWeeks(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** Goals with target dates and the finish projected from the learner's own pace; what to do this week. */
export function PlanPage({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plan = useQuery({ queryKey: ["plan", courseId], queryFn: () => get<Plan>(`/api/courses/${courseId}/plan`) });
  const mastery = useMastery(courseId);
  const [unitId, setUnitId] = useState("");
  const [title, setTitle] = useState("");
  const [targetDate, setTargetDate] = useState(inWeeks(42));
  const [minutes, setMinutes] = useState("60");
  const create = useMutation({
    mutationFn: () => post<Plan>(`/api/courses/${courseId}/goals`, { title: title || t("plan.defaultTitle"), unitId: unitId || undefined, targetDate, minutesPerWeek: Number(minutes) }),
    onSuccess: (next) => queryClient.setQueryData(["plan", courseId], next),
  });
  const drop = useMutation({
    mutationFn: (goalId: string) => del<Plan>(`/api/courses/${courseId}/goals/${goalId}`),
    onSuccess: (next) => queryClient.setQueryData(["plan", courseId], next),
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const units = mastery.data?.units ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section className="page">
      <p className="breadcrumb"><Link href="/">{t("nav.home")}</Link> / {t("plan.title")}</p>
      <h1>{t("plan.title")}</h1>
      <QueryState isPending={plan.isPending} error={plan.error} />
      {plan.data && (
        <p className="muted">
          {plan.data.pace.measured
            ? t("plan.measured", { minutes: Math.round(plan.data.pace.minutesPerSkill), attempts: Math.round(plan.data.pace.attemptsPerSkill) })
            : t("plan.assumed", { minutes: plan.data.pace.minutesPerSkill })}
        </p>
      )}
      {plan.data?.goals.length === 0 && <p>{t("plan.none")}</p>}
      <ul className="card-grid">
        {plan.data?.goals.map((g) => (
          <li key={g.id} className={`card goal goal-${g.status}`}>
            <h2 className="goal-title">{g.title}</h2>
            <p>
              <span className="badge">{t(`plan.status.${g.status}`)}</span>
              {t("plan.target", { date: g.targetDate, minutes: g.minutesPerWeek })}
            </p>
            <p>
              {g.remainingSkills.length === 0 ? t("plan.done") : t("plan.toGo", { count: g.remainingSkills.length, date: g.projectedCompletion })}
            </p>
            {g.status === "behind" && g.extraMinutesPerWeek !== null && <p>{t("plan.extra", { minutes: g.extraMinutesPerWeek })}</p>}
            {g.thisWeek.length > 0 && <p className="small">{t("plan.thisWeek", { skills: g.thisWeek.map((s) => s.name).join(", ") })}</p>}
            <button type="button" className="button-quiet" onClick={() => drop.mutate(g.id)} aria-label={t("plan.dropLabel", { title: g.title })}>
              {t("plan.drop")}
            </button>
          </li>
        ))}
      </ul>
      <section className="panel" aria-labelledby="new-goal">
        <h2 id="new-goal">{t("plan.set")}</h2>
        <form className="form-grid" onSubmit={submit}>
          <div className="field">
            <label htmlFor="goal-unit">{t("plan.unit")}</label>
            <select id="goal-unit" value={unitId} required onChange={(e) => { setUnitId(e.target.value); setTitle(units.find((u) => u.id === e.target.value)?.title ?? ""); }}>
              <option value="">{t("plan.chooseUnit")}</option>
              {units.map((u) => <option key={u.id} value={u.id}>{u.title}</option>)}
            </select>
          </div>
          <FormField id="goal-date" label={t("plan.by")} type="date" required value={targetDate} error={error?.fieldMessage("targetDate")} onChange={(e) => setTargetDate(e.target.value)} />
          <FormField id="goal-minutes" label={t("plan.minutes")} type="number" min={10} max={3000} required value={minutes} error={error?.fieldMessage("minutesPerWeek")} onChange={(e) => setMinutes(e.target.value)} />
          <button type="submit" className="button-primary" disabled={!unitId || create.isPending}>{t("plan.submit")}</button>
        </form>
        {error && !error.details.length && <p className="form-error" role="alert">{error.message}</p>}
      </section>
    </section>
  );
}
