import { useTranslation } from "react-i18next";
import type { ClassSummary, Me, Today } from "@attune/contract";
import { Link } from "wouter";
import { useQuery } from "@tanstack/react-query";
import { get } from "../api/client.ts";
import { useClasses, useLinkedLearners, useUsers } from "../api/queries.ts";
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
            {c.next.activity && <p className="small">{c.next.reason.text}</p>}
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
  return (
    <ul className="card-grid">
      {classes.map((c) => (
        <li key={c.id} className="card">
          <h3>{linkTo ? <Link href={`/classes/${c.id}`}>{c.name}</Link> : c.name}</h3>
          <p className="muted">{c.course?.title ?? c.subject ?? "No course yet"}</p>
          <p className="stat">
            <strong>{c.learnerCount}</strong> {c.learnerCount === 1 ? "learner" : "learners"}
          </p>
        </li>
      ))}
    </ul>
  );
}

function TeacherHome() {
  const classes = useClasses();
  return (
    <>
      <h2>Your classes</h2>
      <QueryState isPending={classes.isPending} error={classes.error} />
      {classes.data?.items.length === 0 && <StatusMessage kind="empty">You do not teach a class yet. Your school's admin assigns classes.</StatusMessage>}
      {classes.data && <ClassCards classes={classes.data.items} linkTo />}
    </>
  );
}

function GuardianHome() {
  const learners = useLinkedLearners();
  return (
    <>
      <h2>Your learners</h2>
      <QueryState isPending={learners.isPending} error={learners.error} />
      {learners.data?.items.length === 0 && <StatusMessage kind="empty">No learner is linked to your account yet. Ask the school to link your child.</StatusMessage>}
      <ul className="card-grid">
        {learners.data?.items.map((l) => (
          <li key={l.id} className="card">
            <h3>{l.name}</h3>
            <p>{l.classes.length === 0 ? "Not in a class yet" : `Classes: ${l.classes.map((c) => c.name).join(", ")}`}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function AdminHome() {
  const classes = useClasses();
  const learners = useUsers({ role: "learner", page: 1, pageSize: 1 });
  const teachers = useUsers({ role: "teacher", page: 1, pageSize: 1 });
  const guardians = useUsers({ role: "guardian", page: 1, pageSize: 1 });
  return (
    <>
      <h2>Your school</h2>
      <dl className="stat-row">
        <div>
          <dt>Learners</dt>
          <dd>{learners.data?.total ?? "…"}</dd>
        </div>
        <div>
          <dt>Teachers</dt>
          <dd>{teachers.data?.total ?? "…"}</dd>
        </div>
        <div>
          <dt>Guardians</dt>
          <dd>{guardians.data?.total ?? "…"}</dd>
        </div>
        <div>
          <dt>Classes</dt>
          <dd>{classes.data?.items.length ?? "…"}</dd>
        </div>
      </dl>
      <p>
        <Link href="/admin/users">Manage people</Link> · <Link href="/admin/classes">Manage classes</Link> · <Link href="/admin/audit">Audit log</Link>
      </p>
      <h2>Classes</h2>
      <QueryState isPending={classes.isPending} error={classes.error} />
      {classes.data && <ClassCards classes={classes.data.items} linkTo />}
    </>
  );
}
