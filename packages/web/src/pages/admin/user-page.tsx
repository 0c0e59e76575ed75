import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { del, post } from "../../api/client.ts";
import { useUser, useUsers } from "../../api/queries.ts";
import { QueryState } from "../../components/status.tsx";

export function AdminUserPage({ userId }: { userId: string }) {
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
      <p className="breadcrumb"><Link href="/admin/users">People</Link> / {u?.name ?? "…"}</p>
      <QueryState isPending={user.isPending} error={user.error} />
      {u && (
        <>
          <h1>{u.name}</h1>
          <p className="muted"><span className="capitalize">{u.role}</span> · {u.email} · {u.active ? "Active" : "Deactivated"}</p>
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => reset.mutate()}>Reset password</button>
            <button type="button" className={u.active ? "button-danger" : "button-secondary"} onClick={() => setActive.mutate(!u.active)}>
              {u.active ? "Deactivate account" : "Reactivate account"}
            </button>
          </div>
          <div aria-live="polite">
            {password && <p className="notice">New temporary password (shown only now): <code>{password}</code>. All of this person's sessions were ended.</p>}
            {(reset.error ?? setActive.error) && <p className="form-error" role="alert">{(reset.error ?? setActive.error)!.message}</p>}
          </div>
          {u.classes.length > 0 && (
            <>
              <h2>Classes</h2>
              <ul className="plain-list">
                {u.classes.map((c) => (
                  <li key={`${c.relation}-${c.id}`}><Link href={`/classes/${c.id}`}>{c.name}</Link> <span className="muted">({c.relation})</span></li>
                ))}
              </ul>
            </>
          )}
          {u.role === "learner" && (
            <>
              <h2>Guardians</h2>
              {u.guardians.length === 0 ? <p className="muted">No guardian linked.</p> : (
                <ul className="plain-list">{u.guardians.map((g) => <li key={g.id}><Link href={`/admin/users/${g.id}`}>{g.name}</Link></li>)}</ul>
              )}
            </>
          )}
          {u.role === "guardian" && (
            <>
              <h2>Linked learners</h2>
              <ul className="plain-list">
                {u.learners.map((l) => (
                  <li key={l.id}>
                    <Link href={`/admin/users/${l.id}`}>{l.name}</Link>{" "}
                    <button type="button" className="button-quiet" aria-label={`Unlink ${l.name}`} onClick={() => unlink.mutate(l.id)}>Unlink</button>
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
  const [q, setQ] = useState("");
  const learners = useUsers({ role: "learner", q: q || undefined, page: 1, pageSize: 8 });
  const link = useMutation({
    mutationFn: (learnerId: string) => post(`/api/guardians/${guardianId}/learners`, { learnerId }),
    onSuccess: onDone,
  });
  return (
    <div className="panel">
      <div className="field">
        <label htmlFor="link-search">Link a learner: search by name or email</label>
        <input id="link-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ul className="plain-list">
        {learners.data?.items.filter((l) => !linked.has(l.id)).map((l) => (
          <li key={l.id}>
            {l.name} <span className="muted">{l.email}</span>{" "}
            <button type="button" className="button-secondary" onClick={() => link.mutate(l.id)}>Link</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
