import type { Me } from "@attune/contract";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useClass } from "../../api/queries.ts";
import { useClassAlerts } from "../../api/teaching.ts";
import { QueryState } from "../../components/status.tsx";
import { ClassAlerts } from "./class-alerts.tsx";
import { ClassAssignments } from "./class-assignments.tsx";
import { ClassDashboard } from "./class-dashboard.tsx";
import { ClassExports } from "./class-exports.tsx";
import { ClassGroups } from "./class-groups.tsx";
import { ClassRoster } from "./class-roster.tsx";
import { ItemAnalysisTable } from "./item-analysis.tsx";

export const CLASS_TABS = ["dashboard", "alerts", "groups", "assignments", "items", "exports", "learners"] as const;
export type ClassTab = (typeof CLASS_TABS)[number];

/** A class for its teachers: one page, a section per task, each with its own address (so Back and links work). */
export function ClassPage({ classId, tab, me }: { classId: string; tab: string | undefined; me: Me }) {
  const { t } = useTranslation();
  const detail = useClass(classId);
  const alerts = useClassAlerts(classId);
  const current: ClassTab = (CLASS_TABS as readonly string[]).includes(tab ?? "") ? (tab as ClassTab) : "dashboard";
  const base = `/classes/${classId}`;
  const d = detail.data;
  return (
    <section className="page page-wide">
      <p className="breadcrumb">
        <Link href={me.role === "admin" ? "/admin/classes" : "/"}>{t("teacher.classes")}</Link> / {d?.name ?? "…"}
      </p>
      <QueryState isPending={detail.isPending} error={detail.error} />
      {d && (
        <>
          <div className="page-head">
            <h1>{d.name}</h1>
            <p className="muted">
              {d.course ? t("teacher.courseIs", { title: d.course.title }) : t("teacher.noCourse")} · {t("teacher.learnerCount", { count: d.learners.length })} ·{" "}
              {t("teacher.taughtBy", { names: d.teachers.map((x) => x.name).join(", ") || t("teacher.nobody") })}
              {d.archived && ` · ${t("teacher.archived")}`}
            </p>
          </div>
          <nav className="tabs" aria-label={t("teacher.sections")}>
            <ul>
              {CLASS_TABS.map((name) => (
                <li key={name}>
                  <Link href={name === "dashboard" ? base : `${base}/${name}`} aria-current={current === name ? "page" : undefined}>
                    {t(`teacher.tab.${name}`)}
                    {name === "alerts" && alerts.data && alerts.data.items.length > 0 && (
                      <span className="tab-count">
                        {alerts.data.items.length}
                        <span className="visually-hidden"> {t("teacher.openAlerts")}</span>
                      </span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {current === "dashboard" && <ClassDashboard classId={classId} />}
          {current === "alerts" && <ClassAlerts classId={classId} />}
          {current === "groups" && <ClassGroups classId={classId} />}
          {current === "assignments" && <ClassAssignments classId={classId} />}
          {current === "items" && <ItemAnalysisTable classId={classId} />}
          {current === "exports" && <ClassExports classId={classId} />}
          {current === "learners" && <ClassRoster classId={classId} detail={d} me={me} />}
        </>
      )}
    </section>
  );
}
