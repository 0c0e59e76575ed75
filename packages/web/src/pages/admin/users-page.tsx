import type { CreateUserInput, Role, UserSummary } from "@attune/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApiError, post } from "../../api/client.ts";
import { useUsers } from "../../api/queries.ts";
import { FormField } from "../../components/form-field.tsx";
import { QueryState } from "../../components/status.tsx";

const ROLES: (Role | "")[] = ["", "learner", "teacher", "guardian", "admin"];

export function AdminUsersPage() {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role | "">("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const users = useUsers({ role: role || undefined, q: q || undefined, page });
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / users.data.pageSize)) : 1;
  return (
    <section className="page">
      <h1>{t("admin.people.title")}</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="role-filter">{t("admin.people.role")}</label>
          <select id="role-filter" value={role} onChange={(e) => { setRole(e.target.value as Role | ""); setPage(1); }}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{t(`admin.people.filter.${r || "all"}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-search">{t("admin.people.search")}</label>
          <input id="user-search" type="search" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} />
        </div>
      </div>
      <QueryState isPending={users.isPending} error={users.error} />
      {users.data && (
        <>
          <p className="muted" aria-live="polite">{t("admin.people.count", { count: users.data.total })}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("admin.people.name")}</th>
                  <th scope="col">{t("admin.people.email")}</th>
                  <th scope="col">{t("admin.people.role")}</th>
                  <th scope="col">{t("admin.people.status")}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <tr key={u.id}>
                    <td><Link href={`/admin/users/${u.id}`}>{u.name}</Link></td>
                    <td>{u.email}</td>
                    <td>{t(`admin.roles.${u.role}`)}</td>
                    <td>{u.active ? t("admin.people.active") : t("admin.people.deactivated")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t("admin.pages")}>
            <button type="button" className="button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t("admin.previous")}</button>
            <span>{t("admin.pageOf", { page, pages })}</span>
            <button type="button" className="button-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>{t("admin.next")}</button>
          </nav>
        </>
      )}
      <CreateUserForm />
    </section>
  );
}

function CreateUserForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<CreateUserInput>({ name: "", email: "", role: "learner" });
  const [created, setCreated] = useState<{ user: UserSummary; temporaryPassword?: string } | null>(null);
  const create = useMutation({
    mutationFn: (input: CreateUserInput) => post<{ user: UserSummary; temporaryPassword?: string }>("/api/users", input),
    onSuccess: async (result) => {
      setCreated(result);
      setForm({ name: "", email: "", role: form.role });
      await queryClient.invalidateQueries({ queryKey: ["users"] });
    },
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate(form);
  };
  return (
    <section className="panel" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t("admin.people.add")}</h2>
      <form onSubmit={submit} className="form-grid">
        <FormField id="new-name" label={t("admin.people.fullName")} required value={form.name} error={error?.fieldMessage("name")} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <FormField id="new-email" label={t("admin.people.email")} type="email" required value={form.email} error={error?.fieldMessage("email")} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <div className="field">
          <label htmlFor="new-role">{t("admin.people.role")}</label>
          <select id="new-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.filter((r) => r).map((r) => (
              <option key={r} value={r}>{t(`admin.roles.${r}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={create.isPending}>{t("admin.people.addButton")}</button>
      </form>
      <div aria-live="polite">
        {error && !error.details.length && <p className="form-error" role="alert">{error.message}</p>}
        {created && (
          <p className="notice">
            {t("admin.people.created", { name: created.user.name, email: created.user.email })}
            {created.temporaryPassword && (
              <>
                {" "}
                {t("admin.people.withPassword")} <code>{created.temporaryPassword}</code> {t("admin.people.shownOnce")}
              </>
            )}
            .
          </p>
        )}
      </div>
    </section>
  );
}
