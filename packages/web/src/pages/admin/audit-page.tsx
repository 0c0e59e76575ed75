import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuditEvents } from "../../api/queries.ts";
import { QueryState } from "../../components/status.tsx";

export function AdminAuditPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const events = useAuditEvents(page);
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / events.data.pageSize)) : 1;
  return (
    <section className="page">
      <h1>{t("admin.audit.title")}</h1>
      <p className="muted">{t("admin.audit.intro")}</p>
      <QueryState isPending={events.isPending} error={events.error} />
      {events.data && (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("admin.audit.when")}</th>
                  <th scope="col">{t("admin.audit.who")}</th>
                  <th scope="col">{t("admin.audit.what")}</th>
                  <th scope="col">{t("admin.audit.learner")}</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((e) => {
                  const count = Array.isArray(e.details?.learnerIds) ? e.details.learnerIds.length : 0;
                  return (
                    <tr key={e.id}>
                      <td><time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time></td>
                      <td>{e.actorName ?? t("admin.audit.system")} <span className="muted">{e.actorRole ? t(`admin.roles.${e.actorRole}`, { defaultValue: e.actorRole }) : ""}</span></td>
                      <td>{t(`admin.audit.actions.${e.action.replaceAll(".", "_")}`, { defaultValue: e.action })}</td>
                      <td>{e.learnerName ?? (count > 0 ? t("admin.audit.learners", { count }) : "—")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t("admin.pages")}>
            <button type="button" className="button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t("admin.audit.newer")}</button>
            <span>{t("admin.pageOf", { page, pages })}</span>
            <button type="button" className="button-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>{t("admin.audit.older")}</button>
          </nav>
        </>
      )}
    </section>
  );
}
