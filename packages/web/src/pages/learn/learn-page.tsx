import type { ActivityView, AttemptResult, NextActivity } from "@attune/contract";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { post } from "../../api/client.ts";
import { useNextActivity } from "../../api/queries.ts";
import { QueryState } from "../../components/status.tsx";
import { ItemPanel } from "./item-panel.tsx";
import { LessonPanel } from "./lesson-panel.tsx";

const KIND_LABEL: Record<ActivityView["kind"], string> = { practice: "Practice", review: "Review", lesson: "Lesson" };

/** The learning loop: the recommended activity with its reason, done here, then the next one. */
export function LearnPage({ courseId }: { courseId: string }) {
  const queryClient = useQueryClient();
  const fetched = useNextActivity(courseId);
  const [current, setCurrent] = useState<NextActivity | null>(null);
  const [chosen, setChosen] = useState<ActivityView | null>(null);
  const [count, setCount] = useState(0);
  const next = current ?? fetched.data;
  const activity = chosen ?? next?.activity ?? null;

  const advance = async (result?: AttemptResult) => {
    setChosen(null);
    setCount(count + 1);
    if (result) setCurrent(result.next);
    else {
      setCurrent(null);
      await queryClient.invalidateQueries({ queryKey: ["next", courseId] });
    }
    await queryClient.invalidateQueries({ queryKey: ["mastery", courseId] });
  };

  return (
    <section className="page learn">
      <p className="breadcrumb">
        <Link href="/">Home</Link> / Learning
      </p>
      <QueryState isPending={fetched.isPending && !current} error={fetched.error} />
      {next && !activity && (
        <div className="panel">
          <h1>All done for now</h1>
          <p>{next.reason.text}</p>
        </div>
      )}
      {next && activity && (
        <>
          <div className="reason" aria-live="polite">
            <p className="eyebrow">
              {KIND_LABEL[activity.kind]} · {activity.skillName}
            </p>
            {!chosen && <p className="reason-text">{next.reason.text}</p>}
          </div>
          {activity.kind === "lesson" ? (
            <LessonPanel key={`${activity.lessonId}-${count}`} courseId={courseId} lessonId={activity.lessonId!} onDone={() => advance()} />
          ) : (
            <ItemPanel key={`${activity.itemId}-${count}`} courseId={courseId} itemId={activity.itemId!} context={activity.kind === "review" ? "review" : "practice"} onDone={advance} />
          )}
          {next.alternatives.length > 0 && (
            <details className="alternatives">
              <summary>Do something else</summary>
              <ul className="plain-list">
                {next.alternatives.map((a, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => {
                        setChosen(a.activity);
                        void post(`/api/courses/${courseId}/choices`, { recommended: next.activity, chosen: a.activity });
                      }}
                    >
                      {KIND_LABEL[a.activity.kind]}: {a.activity.lessonTitle ?? a.activity.skillName}
                    </button>
                    <span className="muted small"> {a.reason.text}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
