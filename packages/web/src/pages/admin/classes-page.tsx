import type { ClassSummary } from "@attune/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { ApiError, patch, post } from "../../api/client.ts";
import { useClasses, useCourses, useUsers } from "../../api/queries.ts";
import { FormField } from "../../components/form-field.tsx";
import { QueryState } from "../../components/status.tsx";

export function AdminClassesPage() {
  const classes = useClasses();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => patch<ClassSummary>(`/api/classes/${id}`, { archived }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["classes"] }),
  });
  return (
    <section className="page">
      <h1>Classes</h1>
      <QueryState isPending={classes.isPending} error={classes.error} />
      {classes.data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col">Course</th>
                <th scope="col">Teachers</th>
                <th scope="col">Learners</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {classes.data.items.map((c) => (
                <tr key={c.id} className={c.archived ? "archived" : undefined}>
                  <td><Link href={`/classes/${c.id}`}>{c.name}</Link>{c.archived && " (archived)"}</td>
                  <td>{c.course?.title ?? "—"}</td>
                  <td>{c.teachers.map((t) => t.name).join(", ") || "—"}</td>
                  <td>{c.learnerCount}</td>
                  <td>
                    <button type="button" className="button-quiet" onClick={() => archive.mutate({ id: c.id, archived: !c.archived })} aria-label={`${c.archived ? "Restore" : "Archive"} ${c.name}`}>
                      {c.archived ? "Restore" : "Archive"}
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
      <h2 id="create-class-heading">Create a class</h2>
      <form onSubmit={submit} className="form-grid">
        <FormField id="class-name" label="Name" required value={name} error={error?.fieldMessage("name")} onChange={(e) => setName(e.target.value)} />
        <FormField id="class-subject" label="Subject (optional)" value={subject} error={error?.fieldMessage("subject")} onChange={(e) => setSubject(e.target.value)} />
        <div className="field">
          <label htmlFor="class-teacher">Teacher</label>
          <select id="class-teacher" value={teacherId} onChange={(e) => setTeacherId(e.target.value)}>
            <option value="">Assign later</option>
            {teachers.data?.items.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="class-course">Course</label>
          <select id="class-course" value={courseId} onChange={(e) => setCourseId(e.target.value)}>
            <option value="">Choose later</option>
            {courses.data?.items.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={create.isPending}>Create</button>
      </form>
      <div aria-live="polite">{error && !error.details.length && <p className="form-error" role="alert">{error.message}</p>}</div>
    </section>
  );
}
