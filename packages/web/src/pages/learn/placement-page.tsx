import { useTranslation } from "react-i18next";
import type { PlacementView } from "@attune/contract";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { post } from "../../api/client.ts";
import type { ItemViewData } from "../../api/queries.ts";
import { AnswerInput, type Response } from "./answer-input.tsx";

/** The placement: a calm start, "questions so far" without a score, pause any time, and a result that explains the map. */
export function PlacementPage({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
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
      setError(e instanceof Error ? e.message : t("placement.failed"));
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
        <h1 tabIndex={-1} ref={heading}>{t("placement.welcomeTitle")}</h1>
        <p>{t("placement.welcome1")}</p>
        <p>{t("placement.welcome2")}</p>
        <button type="button" className="button-primary" onClick={() => { setStarted(true); void call(`/api/courses/${courseId}/placement`); }}>
          {t("placement.start")}
        </button>
      </section>
    );
  }
  if (view?.status === "finished" && view.result) {
    return (
      <section className="page learn">
        <h1 tabIndex={-1} ref={heading}>{t("placement.readyTitle")}</h1>
        <p>
          {t("placement.known", { answered: view.itemsAnswered, count: view.result.mastered.length })}
          {view.result.readyToLearn.length > 0 && t("placement.ready", { skills: view.result.readyToLearn.slice(0, 4).map((s) => s.name).join(", ") })}
        </p>
        <p className="muted">{t("placement.confirm")}</p>
        <p>
          <Link href={`/learn/${courseId}/map`} className="button-link">{t("placement.seeMap")}</Link>{" "}
          <Link href={`/learn/${courseId}`}>{t("placement.startLearning")}</Link>
        </p>
      </section>
    );
  }
  const item = view?.item as ItemViewData | null | undefined;
  return (
    <section className="page learn">
      <p className="eyebrow" aria-live="polite">{t("placement.question", { n: view ? view.itemsAnswered + 1 : 1 })}</p>
      <h1 tabIndex={-1} ref={heading} className="visually-hidden">{t("placement.questionHeading")}</h1>
      {item && (
        <form className="item-card" onSubmit={answer}>
          <div className="prompt" dangerouslySetInnerHTML={{ __html: item.promptHtml }} />
          <AnswerInput key={item.id} item={item} disabled={busy} onChange={setResponse} />
          <button type="submit" className="button-primary" disabled={response === null || busy}>{t("placement.next")}</button>
        </form>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <p className="actions">
        <Link href="/">{t("placement.pause")}</Link>
        <button type="button" className="button-quiet" disabled={busy} onClick={() => void call(`/api/courses/${courseId}/placement/finish`)}>
          {t("placement.stop")}
        </button>
      </p>
    </section>
  );
}
