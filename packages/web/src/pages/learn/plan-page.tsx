import type { Plan } from "@attune/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { ApiError, del, get, post } from "../../api/client.ts";
import { useMastery } from "../../api/queries.ts";
import { FormField } from "../../components/form-field.tsx";
import { QueryState } from "../../components/status.tsx";

const STATUS: Record<Plan["goals"][number]["status"], string> = { ahead: "Ahead", "on-track": "On track", behind: "Behind" };

function inWeeks(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** Goals with target dates and the finish projected from the learner's own pace; what to do this week. */
export function PlanPage({ courseId }: { courseId: string }) {
  const queryClient = useQueryClient();
  const plan = useQuery({ queryKey: ["plan", courseId], queryFn: () => get<Plan>(`/api/courses/${courseId}/plan`) });
  const mastery = useMastery(courseId);
  const [unitId, setUnitId] = useState("");
  const [title, setTitle] = useState("");
  const [targetDate, setTargetDate] = useState(inWeeks(42));
  const [minutes, setMinutes] = useState("60");
  const create = useMutation({
    mutationFn: () => post<Plan>(`/api/courses/${courseId}/goals`, { title: title || "My goal", unitId: unitId || undefined, targetDate, minutesPerWeek: Number(minutes) }),
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
      <p className="breadcrumb"><Link href="/">Home</Link> / My plan</p>
      <h1>My plan</h1>
      <QueryState isPending={plan.isPending} error={plan.error} />
      {plan.data && (
        <p className="muted">
          {plan.data.pace.measured
            ? `Your pace so far: about ${Math.round(plan.data.pace.minutesPerSkill)} minutes and ${Math.round(plan.data.pace.attemptsPerSkill)} questions per skill.`
            : `Until you master your first skill, plans assume about ${plan.data.pace.minutesPerSkill} minutes per skill.`}
        </p>
      )}
      {plan.data?.goals.length === 0 && <p>No goal yet. Set one below: a unit to finish by a date, with the time you can give each week.</p>}
      <ul className="card-grid">
        {plan.data?.goals.map((g) => (
          <li key={g.id} className={`card goal goal-${g.status}`}>
            <h2 className="goal-title">{g.title}</h2>
            <p><span className="badge">{STATUS[g.status]}</span> target {g.targetDate}, {g.minutesPerWeek} minutes a week</p>
            <p>
              {g.remainingSkills.length === 0 ? "Done — every skill mastered." : `${g.remainingSkills.length} skills to go; projected finish ${g.projectedCompletion}.`}
            </p>
            {g.status === "behind" && g.extraMinutesPerWeek !== null && <p>About {g.extraMinutesPerWeek} more minutes a week would finish on time.</p>}
            {g.thisWeek.length > 0 && <p className="small">This week: {g.thisWeek.map((s) => s.name).join(", ")}.</p>}
            <button type="button" className="button-quiet" onClick={() => drop.mutate(g.id)} aria-label={`Drop the goal ${g.title}`}>
              Drop this goal
            </button>
          </li>
        ))}
      </ul>
      <section className="panel" aria-labelledby="new-goal">
        <h2 id="new-goal">Set a goal</h2>
        <form className="form-grid" onSubmit={submit}>
          <div className="field">
            <label htmlFor="goal-unit">Unit to finish</label>
            <select id="goal-unit" value={unitId} required onChange={(e) => { setUnitId(e.target.value); setTitle(units.find((u) => u.id === e.target.value)?.title ?? ""); }}>
              <option value="">Choose a unit</option>
              {units.map((u) => <option key={u.id} value={u.id}>{u.title}</option>)}
            </select>
          </div>
          <FormField id="goal-date" label="By" type="date" required value={targetDate} error={error?.fieldMessage("targetDate")} onChange={(e) => setTargetDate(e.target.value)} />
          <FormField id="goal-minutes" label="Minutes a week" type="number" min={10} max={3000} required value={minutes} error={error?.fieldMessage("minutesPerWeek")} onChange={(e) => setMinutes(e.target.value)} />
          <button type="submit" className="button-primary" disabled={!unitId || create.isPending}>Set goal</button>
        </form>
        {error && !error.details.length && <p className="form-error" role="alert">{error.message}</p>}
      </section>
    </section>
  );
}
