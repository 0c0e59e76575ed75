import type { ClassSummary, Me } from "@attune/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { del, patch, post } from "../api/client.ts";
import { useClass, useCourses, useUsers } from "../api/queries.ts";
import { ClassHeatmap } from "../components/class-heatmap.tsx";
import { QueryState } from "../components/status.tsx";

export function ClassPage({ classId, me }: { classId: string; me: Me }) {
  const detail = useClass(classId);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["classes"] });
  const unenrol = useMutation({
    mutationFn: (learnerId: string) => del<ClassSummary>(`/api/classes/${classId}/enrolments/${learnerId}`),
    onSuccess: refresh,
  });
  return (
    <section className="page">
      <p className="breadcrumb">
        <Link href={me.role === "admin" ? "/admin/classes" : "/"}>Classes</Link> / {detail.data?.name ?? "…"}
      </p>
      <QueryState isPending={detail.isPending} error={detail.error} />
      {detail.data && (
        <>
          <h1>{detail.data.name}</h1>
          <p className="muted">
            {detail.data.course ? `Course: ${detail.data.course.title}` : "No course chosen yet"} · Teachers: {detail.data.teachers.map((t) => t.name).join(", ") || "none"}
            {detail.data.archived && " · Archived"}
          </p>
          <ClassHeatmap classId={classId} />
          <h2>
            Learners <span className="count">({detail.data.learners.length})</span>
          </h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Learners in {detail.data.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Status</th>
                  {me.role === "admin" && <th scope="col"><span className="visually-hidden">Actions</span></th>}
                </tr>
              </thead>
              <tbody>
                {detail.data.learners.map((l) => (
                  <tr key={l.id}>
                    <td>{me.role === "admin" ? <Link href={`/admin/users/${l.id}`}>{l.name}</Link> : l.name}</td>
                    <td>{l.email}</td>
                    <td>{l.active ? "Active" : "Deactivated"}</td>
                    {me.role === "admin" && (
                      <td>
                        <button type="button" className="button-quiet" onClick={() => unenrol.mutate(l.id)} aria-label={`Remove ${l.name} from the class`}>
                          Remove
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {me.role === "admin" && <CourseForm classId={classId} courseId={detail.data.course?.id ?? ""} onDone={refresh} />}
          {me.role === "admin" && <TeachersForm classId={classId} teacherIds={new Set(detail.data.teachers.map((t) => t.id))} onDone={refresh} />}
          {me.role === "admin" && <EnrolForm classId={classId} enrolled={new Set(detail.data.learners.map((l) => l.id))} onDone={refresh} />}
        </>
      )}
    </section>
  );
}

function EnrolForm({ classId, enrolled, onDone }: { classId: string; enrolled: Set<string>; onDone: () => void }) {
  const [q, setQ] = useState("");
  const learners = useUsers({ role: "learner", q: q || undefined, page: 1, pageSize: 10 });
  const enrol = useMutation({
    mutationFn: (learnerId: string) => post<ClassSummary>(`/api/classes/${classId}/enrolments`, { learnerIds: [learnerId] }),
    onSuccess: onDone,
  });
  return (
    <section aria-labelledby="enrol-heading" className="panel">
      <h2 id="enrol-heading">Enrol learners</h2>
      <div className="field">
        <label htmlFor="enrol-search">Find a learner by name or email</label>
        <input id="enrol-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ul className="plain-list">
        {learners.data?.items
          .filter((l) => !enrolled.has(l.id))
          .map((l) => (
            <li key={l.id}>
              {l.name} <span className="muted">{l.email}</span>{" "}
              <button type="button" className="button-secondary" onClick={() => enrol.mutate(l.id)}>
                Enrol
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}

function TeachersForm({ classId, teacherIds, onDone }: { classId: string; teacherIds: Set<string>; onDone: () => void }) {
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
      <h2 id="teachers-heading">Teachers</h2>
      <ul className="plain-list">
        {all.filter((t) => teacherIds.has(t.id)).map((t) => (
          <li key={t.id}>
            {t.name}{" "}
            <button type="button" className="button-quiet" aria-label={`Remove ${t.name} from the class`} onClick={() => remove.mutate(t.id)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); if (teacherId) add.mutate(); }}>
        <div className="field">
          <label htmlFor="add-teacher">Add a teacher</label>
          <select id="add-teacher" value={teacherId} onChange={(e) => setTeacherId(e.target.value)}>
            <option value="">Choose a teacher</option>
            {all.filter((t) => !teacherIds.has(t.id)).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </div>
        <button type="submit" className="button-secondary" disabled={!teacherId || add.isPending}>Add teacher</button>
      </form>
    </section>
  );
}

function CourseForm({ classId, courseId, onDone }: { classId: string; courseId: string; onDone: () => void }) {
  const courses = useCourses();
  const change = useMutation({
    mutationFn: (next: string) => patch<ClassSummary>(`/api/classes/${classId}`, { courseId: next || null }),
    onSuccess: onDone,
  });
  return (
    <section aria-labelledby="course-heading" className="panel">
      <h2 id="course-heading">Course</h2>
      <div className="field">
        <label htmlFor="class-course-select">The course this class follows</label>
        <select id="class-course-select" value={courseId} onChange={(e) => change.mutate(e.target.value)}>
          <option value="">No course</option>
          {courses.data?.items.map((c) => <option key={c.id} value={c.id}>{c.title} ({c.skillCount} skills)</option>)}
        </select>
      </div>
    </section>
  );
}
