import { useState } from "react";
import { useAuditEvents } from "../../api/queries.ts";
import { QueryState } from "../../components/status.tsx";

const ACTIONS: Record<string, string> = {
  "class.roster.read": "viewed a class roster",
  "users.list": "listed people",
  "user.read": "viewed a person",
  "user.create": "created an account",
  "user.password-reset": "reset a password",
  "user.deactivate": "deactivated an account",
  "user.reactivate": "reactivated an account",
  "guardian.link": "linked a guardian",
  "guardian.unlink": "unlinked a guardian",
  "guardian.learners.read": "viewed their learners",
  "class.create": "created a class",
  "class.update": "changed a class",
  "class.enrol": "enrolled a learner",
  "class.unenrol": "removed a learner from a class",
  "class.teacher.add": "added a teacher to a class",
  "class.teacher.remove": "removed a teacher from a class",
};

export function AdminAuditPage() {
  const [page, setPage] = useState(1);
  const events = useAuditEvents(page);
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / events.data.pageSize)) : 1;
  return (
    <section className="page">
      <h1>Audit log</h1>
      <p className="muted">Every read or change of a learner's data by someone other than the learner, newest first.</p>
      <QueryState isPending={events.isPending} error={events.error} />
      {events.data && (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Learner</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((e) => {
                  const count = Array.isArray(e.details?.learnerIds) ? e.details.learnerIds.length : 0;
                  return (
                    <tr key={e.id}>
                      <td><time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time></td>
                      <td>{e.actorName ?? "System"} <span className="muted capitalize">{e.actorRole}</span></td>
                      <td>{ACTIONS[e.action] ?? e.action}</td>
                      <td>{e.learnerName ?? (count > 0 ? `${count} learners` : "—")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pages">
            <button type="button" className="button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>Newer</button>
            <span>Page {page} of {pages}</span>
            <button type="button" className="button-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>Older</button>
          </nav>
        </>
      )}
    </section>
  );
}
