import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { del, post } from "../../api/client.ts";
import { useUser, useUsers } from "../../api/queries.ts";
import { QueryState } from "../../components/status.tsx";

export function AdminUserPage({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const user = useUser(userId);
  const queryClient = useQueryClient();
  const [password, setPassword] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["users"] });
  const reset = useMutation({
    mutationFn: () => post<{ temporaryPassword: string }>(`/api/users/${userId}/password-reset`),
    onSuccess: (r) => setPassword(r.temporaryPassword),
  });
  const setActive = useMutation({
    mutationFn: (active: boolean) => post(`/api/users/${userId}/${active ? "reactivate" : "deactivate"}`),
    onSuccess: refresh,
  });
  const unlink = useMutation({
    mutationFn: (learnerId: string) => del(`/api/guardians/${userId}/learners/${learnerId}`),
    onSuccess: refresh,
  });
  const u = user.data;
  return (
    <section className="page">
      <p className="breadcrumb"><Link href="/admin/users">{t("admin.people.title")}</Link> / {u?.name ?? "…"}</p>
      <QueryState isPending={user.isPending} error={user.error} />
      {u && (
        <>
          <h1>{u.name}</h1>
          <p className="muted">{t(`admin.roles.${u.role}`)} · {u.email} · {u.active ? t("admin.people.active") : t("admin.people.deactivated")}</p>
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => reset.mutate()}>{t("admin.user.resetPassword")}</button>
            <button type="button" className={u.active ? "button-danger" : "button-secondary"} onClick={() => setActive.mutate(!u.active)}>
              {u.active ? t("admin.user.deactivate") : t("admin.user.reactivate")}
            </button>
          </div>
          <div aria-live="polite">
            {password && <p className="notice">{t("admin.user.newPassword")} <code>{password}</code>. {t("admin.user.sessionsEnded")}</p>}
            {(reset.error ?? setActive.error) && <p className="form-error" role="alert">{(reset.error ?? setActive.error)!.message}</p>}
          </div>
          {u.classes.length > 0 && (
            <>
              <h2>{t("admin.user.classes")}</h2>
              <ul className="plain-list">
                {u.classes.map((c) => (
                  <li key={`${c.relation}-${c.id}`}><Link href={`/classes/${c.id}`}>{c.name}</Link> <span className="muted">({t(`admin.user.relation.${c.relation}`, { defaultValue: c.relation })})</span></li>
                ))}
              </ul>
            </>
          )}
          {u.role === "learner" && (
            <>
              <h2>{t("admin.user.guardians")}</h2>
              {u.guardians.length === 0 ? <p className="muted">{t("admin.user.noGuardian")}</p> : (
                <ul className="plain-list">{u.guardians.map((g) => <li key={g.id}><Link href={`/admin/users/${g.id}`}>{g.name}</Link></li>)}</ul>
              )}
            </>
          )}
          {u.role === "guardian" && (
            <>
              <h2>{t("admin.user.linkedLearners")}</h2>
              <ul className="plain-list">
                {u.learners.map((l) => (
                  <li key={l.id}>
                    <Link href={`/admin/users/${l.id}`}>{l.name}</Link>{" "}
                    <button type="button" className="button-quiet" aria-label={t("admin.user.unlinkLabel", { name: l.name })} onClick={() => unlink.mutate(l.id)}>{t("admin.user.unlink")}</button>
                  </li>
                ))}
              </ul>
              <LinkLearnerForm guardianId={u.id} linked={new Set(u.learners.map((l) => l.id))} onDone={refresh} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function LinkLearnerForm({ guardianId, linked, onDone }: { guardianId: string; linked: Set<string>; onDone: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const learners = useUsers({ role: "learner", q: q || undefined, page: 1, pageSize: 8 });
  const link = useMutation({
    mutationFn: (learnerId: string) => post(`/api/guardians/${guardianId}/learners`, { learnerId }),
    onSuccess: onDone,
  });
  return (
    <div className="panel">
      <div className="field">
        <label htmlFor="link-search">{t("admin.user.linkSearch")}</label>
        <input id="link-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ul className="plain-list">
        {learners.data?.items.filter((l) => !linked.has(l.id)).map((l) => (
          <li key={l.id}>
            {l.name} <span className="muted">{l.email}</span>{" "}
            <button type="button" className="button-secondary" onClick={() => link.mutate(l.id)} aria-label={t("admin.user.linkLabel", { name: l.name })}>{t("admin.user.link")}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
