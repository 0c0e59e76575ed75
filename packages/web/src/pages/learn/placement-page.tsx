import type { PlacementView } from "@attune/contract";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { post } from "../../api/client.ts";
import type { ItemViewData } from "../../api/queries.ts";
import { AnswerInput, type Response } from "./answer-input.tsx";

/** The placement: a calm start, "questions so far" without a score, pause any time, and a result that explains the map. */
export function PlacementPage({ courseId }: { courseId: string }) {
  const queryClient = useQueryClient();
  const [view, setView] = useState<PlacementView | null>(null);
  const [started, setStarted] = useState(false);
  const [response, setResponse] = useState<Response | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(performance.now());
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    shownAt.current = performance.now();
    heading.current?.focus();
  }, [view?.item?.id, view?.status]);

  const call = async (url: string, body?: unknown) => {
    setBusy(true);
    setError(null);
    try {
      setView(await post<PlacementView>(url, body));
      setResponse(null);
      if (url.endsWith("finish") || url.endsWith("answers")) await queryClient.invalidateQueries({ queryKey: ["mastery", courseId] });
    } catch (e) {
      setError(e instanceof Error ? e.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const answer = (event: FormEvent) => {
    event.preventDefault();
    if (!view?.item || response === null) return;
    void call(`/api/courses/${courseId}/placement/answers`, { itemId: view.item.id, response, durationMs: Math.round(performance.now() - shownAt.current) });
  };

  if (!started) {
    return (
      <section className="page learn">
        <h1 tabIndex={-1} ref={heading}>Let's find your starting point</h1>
        <p>A few questions show what you already know, so you don't repeat it. It is not a test: there is no score, and "I don't know yet" is a fine answer — just skip with a guess.</p>
        <p>It takes at most 25 questions, usually fewer. You can pause and come back later.</p>
        <button type="button" className="button-primary" onClick={() => { setStarted(true); void call(`/api/courses/${courseId}/placement`); }}>
          Start
        </button>
      </section>
    );
  }
  if (view?.status === "finished" && view.result) {
    return (
      <section className="page learn">
        <h1 tabIndex={-1} ref={heading}>Your starting map is ready</h1>
        <p>
          After {view.itemsAnswered} questions, it looks like you already know <strong>{view.result.mastered.length}</strong> skill{view.result.mastered.length === 1 ? "" : "s"}.
          {view.result.readyToLearn.length > 0 && <> You are ready to learn: {view.result.readyToLearn.slice(0, 4).map((s) => s.name).join(", ")}.</>}
        </p>
        <p className="muted">Practice will confirm or correct this as you go — nothing is locked in.</p>
        <p>
          <Link href={`/learn/${courseId}/map`} className="button-link">See my map</Link>{" "}
          <Link href={`/learn/${courseId}`}>Start learning</Link>
        </p>
      </section>
    );
  }
  const item = view?.item as ItemViewData | null | undefined;
  return (
    <section className="page learn">
      <p className="eyebrow" aria-live="polite">Placement · question {view ? view.itemsAnswered + 1 : 1}</p>
      <h1 tabIndex={-1} ref={heading} className="visually-hidden">Placement question</h1>
      {item && (
        <form className="item-card" onSubmit={answer}>
          <div className="prompt" dangerouslySetInnerHTML={{ __html: item.promptHtml }} />
          <AnswerInput key={item.id} item={item} disabled={busy} onChange={setResponse} />
          <button type="submit" className="button-primary" disabled={response === null || busy}>Next question</button>
        </form>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <p className="actions">
        <Link href="/">Pause — continue later</Link>
        <button type="button" className="button-quiet" disabled={busy} onClick={() => void call(`/api/courses/${courseId}/placement/finish`)}>
          Stop here and see my map
        </button>
      </p>
    </section>
  );
}
