import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { patch, post } from "../../api/client.ts";
import { type CheckIn, classPath, type LearnerDetail } from "../../api/teaching.ts";
import { dateInDays, formatDate } from "../../components/format.ts";

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

function useRefresh(classId: string, learnerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["learner-detail", classId, learnerId] });
}

/** Notes about the learner; a note shared with the family appears in the guardian's weekly report. */
export function Notes({ classId, detail }: { classId: string; detail: LearnerDetail }) {
  const { t } = useTranslation();
  const refresh = useRefresh(classId, detail.learner.id);
  const [body, setBody] = useState("");
  const [shared, setShared] = useState(false);
  const add = useMutation({
    mutationFn: () => post(`${classPath(classId)}/learners/${detail.learner.id}/notes`, { body: body.trim(), sharedWithFamily: shared }),
    onSuccess: async () => {
      setBody("");
      setShared(false);
      await refresh();
    },
  });
  return (
    <section aria-labelledby="notes" className="panel">
      <h2 id="notes">{t("teacher.learner.notes")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) add.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="note-body">{t("teacher.notes.add")}</label>
          <textarea id="note-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} required />
        </div>
        <div className="checks">
          <label>
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> {t("teacher.notes.share")}
          </label>
        </div>
        <button type="submit" className="button-secondary" disabled={!body.trim() || add.isPending}>
          {t("teacher.notes.save")}
        </button>
        {add.error && (
          <p className="form-error" role="alert">
            {add.error.message}
          </p>
        )}
      </form>
      {detail.notes.length === 0 ? (
        <p className="muted small">{t("teacher.notes.none")}</p>
      ) : (
        <ul className="note-list">
          {detail.notes.map((n) => (
            <li key={n.id}>
              <p className="note-body">{n.body}</p>
              <p className="small muted">
                {n.author.name} · {formatDate(n.createdAt)}
                {n.sharedWithFamily && <span className="badge badge-shared">{t("teacher.notes.shared")}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One-on-one check-ins: scheduled with an agenda drawn from the alerts and the plan, then notes and next steps. */
export function CheckIns({ classId, detail }: { classId: string; detail: LearnerDetail }) {
  const { t } = useTranslation();
  const refresh = useRefresh(classId, detail.learner.id);
  const [date, setDate] = useState(dateInDays(2));
  const [extra, setExtra] = useState("");
  const schedule = useMutation({
    mutationFn: () => post<CheckIn>(`${classPath(classId)}/learners/${detail.learner.id}/check-ins`, { scheduledAt: date, ...(lines(extra).length ? { agenda: lines(extra) } : {}) }),
    onSuccess: async () => {
      setExtra("");
      await refresh();
    },
  });
  const open = detail.checkIns.filter((c) => c.status === "scheduled");
  const past = detail.checkIns.filter((c) => c.status !== "scheduled");
  return (
    <section aria-labelledby="check-ins" className="panel">
      <h2 id="check-ins">{t("teacher.learner.checkIns")}</h2>
      {open.map((c) => (
        <CheckInCard key={c.id} checkIn={c} onChange={refresh} />
      ))}
      <form
        className="schedule-form"
        onSubmit={(e) => {
          e.preventDefault();
          schedule.mutate();
        }}
      >
        <h3>{t("teacher.checkIns.schedule")}</h3>
        <div className="field">
          <label htmlFor="checkin-date">{t("teacher.checkIns.date")}</label>
          <input id="checkin-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="checkin-agenda">{t("teacher.checkIns.extra")}</label>
          <textarea id="checkin-agenda" rows={2} value={extra} onChange={(e) => setExtra(e.target.value)} aria-describedby="checkin-agenda-help" />
          <p id="checkin-agenda-help" className="small muted">
            {t("teacher.checkIns.agendaHelp")}
          </p>
        </div>
        <button type="submit" className="button-secondary" disabled={!date || schedule.isPending}>
          {t("teacher.checkIns.scheduleButton")}
        </button>
        {schedule.error && (
          <p className="form-error" role="alert">
            {schedule.error.message}
          </p>
        )}
      </form>
      {past.length > 0 && (
        <details className="past-check-ins">
          <summary>{t("teacher.checkIns.past", { count: past.length })}</summary>
          {past.map((c) => (
            <CheckInCard key={c.id} checkIn={c} onChange={refresh} />
          ))}
        </details>
      )}
    </section>
  );
}

function CheckInCard({ checkIn: c, onChange }: { checkIn: CheckIn; onChange: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState(c.notes ?? "");
  const [steps, setSteps] = useState(c.nextSteps.join("\n"));
  const [saved, setSaved] = useState(false);
  const update = useMutation({
    mutationFn: (status?: CheckIn["status"]) => patch<CheckIn>(`/api/check-ins/${c.id}`, { notes: notes.trim() || null, nextSteps: lines(steps), ...(status ? { status } : {}) }),
    onSuccess: async () => {
      setSaved(true);
      await onChange();
    },
  });
  const editable = c.status === "scheduled";
  return (
    <article className={`check-in check-in-${c.status}`} aria-label={t("teacher.checkIns.label", { date: formatDate(c.scheduledAt) })}>
      <p className="check-in-head">
        <strong>{formatDate(c.scheduledAt)}</strong> <span className="badge">{t(`teacher.checkIns.status.${c.status}`)}</span>{" "}
        <span className="small muted">{t("teacher.checkIns.with", { name: c.mentor.name })}</span>
      </p>
      {c.agenda.length > 0 && (
        <>
          <h4 className="mini-head">{t("teacher.checkIns.agenda")}</h4>
          <ul className="small agenda">
            {c.agenda.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            update.mutate(undefined);
          }}
        >
          <div className="field">
            <label htmlFor={`ci-notes-${c.id}`}>{t("teacher.checkIns.notes")}</label>
            <textarea id={`ci-notes-${c.id}`} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`ci-steps-${c.id}`}>{t("teacher.checkIns.nextSteps")}</label>
            <textarea id={`ci-steps-${c.id}`} rows={2} value={steps} onChange={(e) => setSteps(e.target.value)} aria-describedby={`ci-steps-help-${c.id}`} />
            <p id={`ci-steps-help-${c.id}`} className="small muted">
              {t("teacher.checkIns.stepsHelp")}
            </p>
          </div>
          <div className="card-actions">
            <button type="submit" className="button-secondary button-small" disabled={update.isPending}>
              {t("teacher.checkIns.save")}
            </button>
            <button type="button" className="button-primary button-small" disabled={update.isPending} onClick={() => update.mutate("done")}>
              {t("teacher.checkIns.markDone")}
            </button>
            <button type="button" className="button-quiet" disabled={update.isPending} onClick={() => update.mutate("cancelled")}>
              {t("teacher.checkIns.cancel")}
            </button>
          </div>
          <div aria-live="polite">{saved && !update.isPending && <p className="small notice">{t("teacher.checkIns.saved")}</p>}</div>
          {update.error && (
            <p className="form-error" role="alert">
              {update.error.message}
            </p>
          )}
        </form>
      ) : (
        <>
          {c.notes && <p className="small">{c.notes}</p>}
          {c.nextSteps.length > 0 && (
            <>
              <h4 className="mini-head">{t("teacher.checkIns.nextSteps")}</h4>
              <ul className="small">
                {c.nextSteps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </article>
  );
}
