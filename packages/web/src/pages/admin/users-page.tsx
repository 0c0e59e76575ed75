import type { CreateUserInput, Role, UserSummary } from "@attune/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { ApiError, post } from "../../api/client.ts";
import { useUsers } from "../../api/queries.ts";
import { FormField } from "../../components/form-field.tsx";
import { QueryState } from "../../components/status.tsx";

const ROLES: { value: Role | ""; label: string }[] = [
  { value: "", label: "Everyone" },
  { value: "learner", label: "Learners" },
  { value: "teacher", label: "Teachers" },
  { value: "guardian", label: "Guardians" },
  { value: "admin", label: "Admins" },
];

export function AdminUsersPage() {
  const [role, setRole] = useState<Role | "">("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const users = useUsers({ role: role || undefined, q: q || undefined, page });
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / users.data.pageSize)) : 1;
  return (
    <section className="page">
      <h1>People</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="role-filter">Role</label>
          <select id="role-filter" value={role} onChange={(e) => { setRole(e.target.value as Role | ""); setPage(1); }}>
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>{r.label}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-search">Search by name or email</label>
          <input id="user-search" type="search" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} />
        </div>
      </div>
      <QueryState isPending={users.isPending} error={users.error} />
      {users.data && (
        <>
          <p className="muted" aria-live="polite">{users.data.total} people</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <tr key={u.id}>
                    <td><Link href={`/admin/users/${u.id}`}>{u.name}</Link></td>
                    <td>{u.email}</td>
                    <td className="capitalize">{u.role}</td>
                    <td>{u.active ? "Active" : "Deactivated"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pages">
            <button type="button" className="button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous</button>
            <span>Page {page} of {pages}</span>
            <button type="button" className="button-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>Next</button>
          </nav>
        </>
      )}
      <CreateUserForm />
    </section>
  );
}

function CreateUserForm() {
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
      <h2 id="create-user-heading">Add a person</h2>
      <form onSubmit={submit} className="form-grid">
        <FormField id="new-name" label="Full name" required value={form.name} error={error?.fieldMessage("name")} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <FormField id="new-email" label="Email" type="email" required value={form.email} error={error?.fieldMessage("email")} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <div className="field">
          <label htmlFor="new-role">Role</label>
          <select id="new-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.filter((r) => r.value).map((r) => (
              <option key={r.value} value={r.value}>{r.label.replace(/s$/, "")}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={create.isPending}>Add</button>
      </form>
      <div aria-live="polite">
        {error && !error.details.length && <p className="form-error" role="alert">{error.message}</p>}
        {created && (
          <p className="notice">
            {created.user.name} can now sign in as {created.user.email}
            {created.temporaryPassword && (
              <> with the temporary password <code>{created.temporaryPassword}</code> (shown only now)</>
            )}
            .
          </p>
        )}
      </div>
    </section>
  );
}
