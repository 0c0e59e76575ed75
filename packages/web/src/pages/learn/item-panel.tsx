import { useTranslation } from "react-i18next";
import type { AttemptResult } from "@attune/contract";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { get, post } from "../../api/client.ts";
import { type ItemViewData, useItem } from "../../api/queries.ts";
import { ReadAloudButton } from "../../components/preferences.tsx";
import { QueryState } from "../../components/status.tsx";
import { AnswerInput, type Response } from "./answer-input.tsx";
import { ScaffoldStep, type ScaffoldView } from "./scaffold-step.tsx";

/** Blanks of fill-in items appear in the prompt as numbered gaps matching the labelled inputs below it. */
function promptHtml(item: ItemViewData): string {
  let n = 0;
  return item.promptHtml.replace(/\[\[blank:[\w-]+\]\]/g, () => `<span class="blank-gap">(${++n})</span>`);
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** One item: answer, instant feedback, the worked solution after a wrong answer, and how mastery moved. */
export function ItemPanel({ courseId, itemId, context, onDone }: { courseId: string; itemId: string; context: "practice" | "review"; onDone: (result: AttemptResult) => void }) {
  const { t } = useTranslation();
  const item = useItem(courseId, itemId);
  const [response, setResponse] = useState<Response | null>(null);
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(performance.now());
  const attemptId = useRef(crypto.randomUUID());
  const feedbackRef = useRef<HTMLDivElement>(null);
  const [hints, setHints] = useState<{ html: string; scaffold: ScaffoldView | null }[]>([]);
  const showHint = async () => {
    const hint = await get<{ html: string; scaffold: ScaffoldView | null }>(`/api/courses/${courseId}/items/${encodeURIComponent(itemId)}/hints/${hints.length + 1}`);
    setHints([...hints, hint]);
  };

  useEffect(() => {
    if (result) feedbackRef.current?.focus();
  }, [result]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (response === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      const body = { attemptId: attemptId.current, itemId, response, hintsUsed: hints.length, durationMs: Math.round(performance.now() - started.current), context };
      setResult(await post<AttemptResult>(`/api/courses/${courseId}/attempts`, body));
    } catch (e) {
      // The same attempt id is sent again on retry, so a lost response never counts twice.
      setError(e instanceof Error ? e.message : t("item.sendFailed"));
    } finally {
      setBusy(false);
    }
  };

  if (!item.data) return <QueryState isPending={item.isPending} error={item.error} />;
  return (
    <form className="item-card" onSubmit={submit} aria-labelledby={`prompt-${itemId}`}>
      <div id={`prompt-${itemId}`} className="prompt" dangerouslySetInnerHTML={{ __html: promptHtml(item.data) }} />
      <ReadAloudButton text={item.data.promptSpeech} />
      <AnswerInput item={item.data} disabled={result !== null} onChange={setResponse} />
      {hints.length > 0 && (
        <ol className="hints" aria-label={t("item.hints")}>
          {hints.map((h, i) =>
            h.scaffold ? (
              <li key={i}>
                <ScaffoldStep courseId={courseId} itemId={itemId} number={i + 1} html={h.html} scaffold={h.scaffold} />
              </li>
            ) : (
              <li key={i} dangerouslySetInnerHTML={{ __html: h.html }} />
            ),
          )}
        </ol>
      )}
      {!result && (
        <div className="actions">
          <button type="submit" className="button-primary" disabled={response === null || busy}>
            {busy ? t("item.checking") : t("item.check")}
          </button>
          {hints.length < item.data.hintCount && (
            <button type="button" className="button-secondary" onClick={() => void showHint()}>
              {hints.length === 0 ? t("item.hint") : t("item.anotherHint")}
            </button>
          )}
        </div>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div ref={feedbackRef} tabIndex={-1} aria-live="polite" className="feedback-slot">
        {result && (
          <div className={`feedback ${result.correct ? "feedback-right" : "feedback-wrong"}`}>
            <p className="feedback-title">{result.correct ? t("item.right") : t("item.notQuite")}</p>
            {result.feedbackHtml && <div dangerouslySetInnerHTML={{ __html: result.feedbackHtml }} />}
            {result.formNote && <p>{result.formNote}</p>}
            {result.masteryChanges.map((m) => (
              <p key={m.skillId} className="mastery-change">
                {m.name}: {percent(m.before)} → {percent(m.after)}
                {m.gained && t("item.masteredNow")}
                {m.lost && t("item.needsPractice")}
              </p>
            ))}
            {result.solution && (
              <details open>
                <summary>{t("item.solution")}</summary>
                <div dangerouslySetInnerHTML={{ __html: result.solutionHtml ?? "" }} />
              </details>
            )}
            <button type="button" className="button-primary" onClick={() => onDone(result)}>
              {t("item.continue")}
            </button>
          </div>
        )}
      </div>
    </form>
  );
}
