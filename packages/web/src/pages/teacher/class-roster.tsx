import type { ClassDetail, ClassSummary, Me } from "@attune/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { del, patch, post } from "../../api/client.ts";
import { useCourses, useUsers } from "../../api/queries.ts";

/** The class's learners; admins also choose the course, the teachers and who is enrolled. */
export function ClassRoster({ classId, detail, me }: { classId: string; detail: ClassDetail; me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["classes"] });
  const unenrol = useMutation({
    mutationFn: (learnerId: string) => del<ClassSummary>(`/api/classes/${classId}/enrolments/${learnerId}`),
    onSuccess: refresh,
  });
  const admin = me.role === "admin";
  return (
    <>
      <h2>
        {t("teacher.roster.title")} <span className="count">({detail.learners.length})</span>
      </h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("teacher.roster.caption", { name: detail.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("teacher.roster.name")}</th>
              <th scope="col">{t("teacher.roster.email")}</th>
              <th scope="col">{t("teacher.roster.status")}</th>
              {admin && (
                <th scope="col">
                  <span className="visually-hidden">{t("teacher.roster.actions")}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {detail.learners.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link href={`/classes/${classId}/learners/${l.id}`}>{l.name}</Link>
                  {admin && (
                    <>
                      {" · "}
                      <Link href={`/admin/users/${l.id}`} aria-label={t("teacher.roster.accountOf", { name: l.name })}>
                        {t("teacher.roster.account")}
                      </Link>
                    </>
                  )}
                </td>
                <td>{l.email}</td>
                <td>{l.active ? t("teacher.roster.active") : t("teacher.roster.deactivated")}</td>
                {admin && (
                  <td>
                    <button type="button" className="button-quiet" onClick={() => unenrol.mutate(l.id)} aria-label={t("teacher.roster.removeLabel", { name: l.name })}>
                      {t("teacher.roster.remove")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && <CourseForm classId={classId} courseId={detail.course?.id ?? ""} onDone={refresh} />}
      {admin && <TeachersForm classId={classId} teacherIds={new Set(detail.teachers.map((x) => x.id))} onDone={refresh} />}
      {admin && <EnrolForm classId={classId} enrolled={new Set(detail.learners.map((l) => l.id))} onDone={refresh} />}
    </>
  );
}

function EnrolForm({ classId, enrolled, onDone }: { classId: string; enrolled: Set<string>; onDone: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const learners = useUsers({ role: "learner", q: q || undefined, page: 1, pageSize: 10 });
  const enrol = useMutation({
    mutationFn: (learnerId: string) => post<ClassSummary>(`/api/classes/${classId}/enrolments`, { learnerIds: [learnerId] }),
    onSuccess: onDone,
  });
  return (
    <section aria-labelledby="enrol-heading" className="panel">
      <h2 id="enrol-heading">{t("teacher.roster.enrolTitle")}</h2>
      <div className="field">
        <label htmlFor="enrol-search">{t("teacher.roster.find")}</label>
        <input id="enrol-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ul className="plain-list">
        {learners.data?.items
          .filter((l) => !enrolled.has(l.id))
          .map((l) => (
            <li key={l.id}>
              {l.name} <span className="muted">{l.email}</span>{" "}
              <button type="button" className="button-secondary" onClick={() => enrol.mutate(l.id)} aria-label={t("teacher.roster.enrolLabel", { name: l.name })}>
                {t("teacher.roster.enrol")}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}

function TeachersForm({ classId, teacherIds, onDone }: { classId: string; teacherIds: Set<string>; onDone: () => void }) {
  const { t } = useTranslation();
  const teachers = useUsers({ role: "teacher", page: 1, pageSize: 200 });
  const [teacherId, setTeacherId] = useState("");
  const add = useMutation({
    mutationFn: () => post<ClassSummary>(`/api/classes/${classId}/teachers`, { teacherId }),
    onSuccess: () => {
      setTeacherId("");
      onDone();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => del<ClassSummary>(`/api/classes/${classId}/teachers/${id}`),
    onSuccess: onDone,
  });
  const all = teachers.data?.items ?? [];
  return (
    <section aria-labelledby="teachers-heading" className="panel">
      <h2 id="teachers-heading">{t("teacher.roster.teachers")}</h2>
      <ul className="plain-list">
        {all
          .filter((x) => teacherIds.has(x.id))
          .map((x) => (
            <li key={x.id}>
              {x.name}{" "}
              <button type="button" className="button-quiet" aria-label={t("teacher.roster.removeLabel", { name: x.name })} onClick={() => remove.mutate(x.id)}>
                {t("teacher.roster.remove")}
              </button>
            </li>
          ))}
      </ul>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (teacherId) add.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="add-teacher">{t("teacher.roster.addTeacher")}</label>
          <select id="add-teacher" value={teacherId} onChange={(e) => setTeacherId(e.target.value)}>
            <option value="">{t("teacher.roster.chooseTeacher")}</option>
            {all
              .filter((x) => !teacherIds.has(x.id))
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className="button-secondary" disabled={!teacherId || add.isPending}>
          {t("teacher.roster.addTeacherButton")}
        </button>
      </form>
    </section>
  );
}

function CourseForm({ classId, courseId, onDone }: { classId: string; courseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const courses = useCourses();
  const change = useMutation({
    mutationFn: (next: string) => patch<ClassSummary>(`/api/classes/${classId}`, { courseId: next || null }),
    onSuccess: onDone,
  });
  return (
    <section aria-labelledby="course-heading" className="panel">
      <h2 id="course-heading">{t("teacher.roster.course")}</h2>
      <div className="field">
        <label htmlFor="class-course-select">{t("teacher.roster.courseLabel")}</label>
        <select id="class-course-select" value={courseId} onChange={(e) => change.mutate(e.target.value)}>
          <option value="">{t("teacher.roster.noCourse")}</option>
          {courses.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {t("teacher.roster.courseOption", { title: c.title, count: c.skillCount })}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
