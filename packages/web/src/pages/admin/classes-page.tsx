import type { ClassSummary } from "@attune/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ApiError, patch, post } from "../../api/client.ts";
import { useClasses, useCourses, useUsers } from "../../api/queries.ts";
import { FormField } from "../../components/form-field.tsx";
import { QueryState } from "../../components/status.tsx";

export function AdminClassesPage() {
  const { t } = useTranslation();
  const classes = useClasses();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => patch<ClassSummary>(`/api/classes/${id}`, { archived }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["classes"] }),
  });
  return (
    <section className="page">
      <h1>{t("admin.classes.title")}</h1>
      <QueryState isPending={classes.isPending} error={classes.error} />
      {classes.data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.classes.class")}</th>
                <th scope="col">{t("admin.classes.course")}</th>
                <th scope="col">{t("admin.classes.teachers")}</th>
                <th scope="col">{t("admin.classes.learners")}</th>
                <th scope="col"><span className="visually-hidden">{t("admin.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {classes.data.items.map((c) => (
                <tr key={c.id} className={c.archived ? "archived" : undefined}>
                  <td><Link href={`/classes/${c.id}`}>{c.name}</Link>{c.archived && ` (${t("admin.classes.archived")})`}</td>
                  <td>{c.course?.title ?? "—"}</td>
                  <td>{c.teachers.map((x) => x.name).join(", ") || "—"}</td>
                  <td>{c.learnerCount}</td>
                  <td>
                    <button type="button" className="button-quiet" onClick={() => archive.mutate({ id: c.id, archived: !c.archived })} aria-label={c.archived ? t("admin.classes.restoreLabel", { name: c.name }) : t("admin.classes.archiveLabel", { name: c.name })}>
                      {c.archived ? t("admin.classes.restore") : t("admin.classes.archive")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateClassForm />
    </section>
  );
}

function CreateClassForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teachers = useUsers({ role: "teacher", page: 1, pageSize: 200 });
  const [name, setName] = useState("");
  const [subject, setSubject] = useState("");
  const [teacherId, setTeacherId] = useState("");
  const courses = useCourses();
  const [courseId, setCourseId] = useState("");
  const create = useMutation({
    mutationFn: () =>
      post<ClassSummary>("/api/classes", {
        name,
        ...(subject ? { subject } : {}),
        ...(teacherId ? { teacherIds: [teacherId] } : {}),
        ...(courseId ? { courseId } : {}),
      }),
    onSuccess: async () => {
      setName("");
      setSubject("");
      await queryClient.invalidateQueries({ queryKey: ["classes"] });
    },
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section className="panel" aria-labelledby="create-class-heading">
      <h2 id="create-class-heading">{t("admin.classes.create")}</h2>
      <form onSubmit={submit} className="form-grid">
        <FormField id="class-name" label={t("admin.classes.name")} required value={name} error={error?.fieldMessage("name")} onChange={(e) => setName(e.target.value)} />
        <FormField id="class-subject" label={t("admin.classes.subject")} value={subject} error={error?.fieldMessage("subject")} onChange={(e) => setSubject(e.target.value)} />
        <div className="field">
          <label htmlFor="class-teacher">{t("admin.classes.teacher")}</label>
          <select id="class-teacher" value={teacherId} onChange={(e) => setTeacherId(e.target.value)}>
            <option value="">{t("admin.classes.assignLater")}</option>
            {teachers.data?.items.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="class-course">{t("admin.classes.course")}</label>
          <select id="class-course" value={courseId} onChange={(e) => setCourseId(e.target.value)}>
            <option value="">{t("admin.classes.chooseLater")}</option>
            {courses.data?.items.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={create.isPending}>{t("admin.classes.createButton")}</button>
      </form>
      <div aria-live="polite">{error && !error.details.length && <p className="form-error" role="alert">{error.message}</p>}</div>
    </section>
  );
}
