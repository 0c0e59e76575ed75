import { useTranslation } from "react-i18next";
import type { ClassSummary, Me, Today } from "@attune/contract";
import { Link } from "wouter";
import { useQuery } from "@tanstack/react-query";
import { get } from "../api/client.ts";
import { useClasses, useUsers } from "../api/queries.ts";
import { useClassAlerts } from "../api/teaching.ts";
import { SchoolReport } from "./admin/school-report.tsx";
import { GuardianHome } from "./guardian/guardian-home.tsx";
import { formatDate } from "../components/format.ts";
import { QueryState, StatusMessage } from "../components/status.tsx";

export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const firstName = me.name.split(" ")[0];
  return (
    <section className="page">
      <h1>{t("home.welcome", { name: firstName })}</h1>
      {me.role === "learner" && <LearnerHome />}
      {me.role === "teacher" && <TeacherHome />}
      {me.role === "guardian" && <GuardianHome />}
      {me.role === "admin" && <AdminHome />}
    </section>
  );
}

function LearnerHome() {
  const { t } = useTranslation();
  const classes = useClasses();
  const today = useQuery({ queryKey: ["today"], queryFn: () => get<Today>("/api/learner/today") });
  return (
    <>
      {today.data && today.data.streakDays > 1 && (
        <p className="streak">
          {t("home.streak", { count: today.data.streakDays })}
          {today.data.activeToday ? "" : t("home.streakKeepGoing")}.
        </p>
      )}
      <h2>{t("home.today")}</h2>
      <QueryState isPending={today.isPending} error={today.error} />
      {today.data?.courses.length === 0 && <StatusMessage kind="empty">{t("home.noCourse")}</StatusMessage>}
      <ul className="card-grid today">
        {today.data?.courses.map((c) => (
          <li key={c.id} className="card course-card">
            <h3>{c.title}</h3>
            <p className="muted">
              {t("home.mastered", { mastered: c.mastered, skills: c.skills })}
              {c.reviewsDue > 0 ? t("home.reviewsDue", { count: c.reviewsDue }) : ""}
            </p>
            <div className="progress" role="progressbar" aria-label={t("home.progressLabel", { title: c.title })} aria-valuemin={0} aria-valuemax={c.skills} aria-valuenow={c.mastered}>
              <span style={{ width: `${c.skills ? (100 * c.mastered) / c.skills : 0}%` }} />
            </div>
            {c.next.activity && <p className="small next-reason">{c.next.reason.text}</p>}
            {c.assignments.filter((a) => !a.done).length > 0 && (
              <ul className="assigned-list small" aria-label={t("home.assignedTitle")}>
                {c.assignments
                  .filter((a) => !a.done)
                  .map((a) => (
                    <li key={a.id}>
                      <strong>{a.title}</strong> — {a.dueAt ? t("home.assignedDue", { name: a.assignedBy, date: formatDate(a.dueAt) }) : t("home.assignedBy", { name: a.assignedBy })}
                    </li>
                  ))}
              </ul>
            )}
            {c.goals.map((g) => (
              <p key={g.id} className="small">
                {t("home.goal", { title: g.title, status: t(`status.${g.status}`) })}
                {g.thisWeek.length > 0 ? t("home.goalThisWeek", { skills: g.thisWeek.map((s) => s.name).join(", ") }) : ""}.
              </p>
            ))}
            <Link href={`/learn/${c.id}`} className="button-link">
              {c.mastered === 0 ? t("home.start") : t("home.continue")}
            </Link>{" "}
            <Link href={`/learn/${c.id}/map`} className="secondary-link">
              {t("home.myMap")}
              <span className="visually-hidden">{t("home.myMapOf", { title: c.title })}</span>
            </Link>{" "}
            <Link href={`/learn/${c.id}/plan`} className="secondary-link">
              {t("home.myPlan")}
              <span className="visually-hidden">{t("home.myPlanFor", { title: c.title })}</span>
            </Link>
          </li>
        ))}
      </ul>
      <h2>{t("home.yourClasses")}</h2>
      <QueryState isPending={classes.isPending} error={classes.error} />
      {classes.data?.items.length === 0 && <StatusMessage kind="empty">{t("home.noClass")}</StatusMessage>}
      <ul className="card-grid">
        {classes.data?.items.map((c) => (
          <li key={c.id} className="card">
            <h3>{c.name}</h3>
            <p className="muted">{c.course?.title ?? c.subject ?? t("home.general")}</p>
            <p>{t("home.teacher", { names: c.teachers.map((teacher) => teacher.name).join(", ") || t("home.noTeacher") })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function ClassCards({ classes, linkTo }: { classes: ClassSummary[]; linkTo: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="card-grid">
      {classes.map((c) => (
        <li key={c.id} className="card">
          <h3>{linkTo ? <Link href={`/classes/${c.id}`}>{c.name}</Link> : c.name}</h3>
          <p className="muted">{c.course?.title ?? c.subject ?? t("teacher.home.noCourseYet")}</p>
          <p className="stat">
            <strong>{c.learnerCount}</strong> {t("teacher.home.learners", { count: c.learnerCount })}
          </p>
          {linkTo && <ClassAlertsLine classId={c.id} />}
        </li>
      ))}
    </ul>
  );
}

/** How many alerts wait in a class, linking to them. */
function ClassAlertsLine({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const alerts = useClassAlerts(classId);
  if (!alerts.data) return null;
  const count = alerts.data.items.length;
  if (count === 0) return <p className="small muted">{t("teacher.home.noAlerts")}</p>;
  return (
    <p className="small">
      <Link href={`/classes/${classId}/alerts`}>{t("teacher.home.alerts", { count })}</Link>
    </p>
  );
}

function TeacherHome() {
  const { t } = useTranslation();
  const classes = useClasses();
  return (
    <>
      <h2>{t("teacher.home.yourClasses")}</h2>
      <QueryState isPending={classes.isPending} error={classes.error} />
      {classes.data?.items.length === 0 && <StatusMessage kind="empty">{t("teacher.home.noClasses")}</StatusMessage>}
      {classes.data && <ClassCards classes={classes.data.items} linkTo />}
    </>
  );
}

function AdminHome() {
  const { t } = useTranslation();
  const classes = useClasses();
  const learners = useUsers({ role: "learner", page: 1, pageSize: 1 });
  const teachers = useUsers({ role: "teacher", page: 1, pageSize: 1 });
  const guardians = useUsers({ role: "guardian", page: 1, pageSize: 1 });
  return (
    <>
      <h2>{t("admin.home.yourSchool")}</h2>
      <dl className="stat-row">
        <div>
          <dt>{t("admin.home.learners")}</dt>
          <dd>{learners.data?.total ?? "…"}</dd>
        </div>
        <div>
          <dt>{t("admin.home.teachers")}</dt>
          <dd>{teachers.data?.total ?? "…"}</dd>
        </div>
        <div>
          <dt>{t("admin.home.guardians")}</dt>
          <dd>{guardians.data?.total ?? "…"}</dd>
        </div>
        <div>
          <dt>{t("admin.home.classes")}</dt>
          <dd>{classes.data?.items.length ?? "…"}</dd>
        </div>
      </dl>
      <p>
        <Link href="/admin/users">{t("admin.home.managePeople")}</Link> · <Link href="/admin/classes">{t("admin.home.manageClasses")}</Link> ·{" "}
        <Link href="/admin/audit">{t("admin.home.audit")}</Link>
      </p>
      <SchoolReport />
    </>
  );
}
