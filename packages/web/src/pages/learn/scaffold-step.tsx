import { useTranslation } from "react-i18next";
import { useState } from "react";
import type { ItemViewData } from "../../api/queries.ts";
import { post } from "../../api/client.ts";
import { AnswerInput, type Response } from "./answer-input.tsx";

export type ScaffoldView = { type: string; choices?: ItemViewData["choices"]; blanks?: ItemViewData["blanks"]; units?: string[] };
type ScaffoldResult = { correct: boolean; feedbackHtml: string | null; answerHtml: string | null };

/**
 * A hint that asks a smaller question (OATutor's scaffolds): the learner answers it here and it is checked at once.
 * Not graded: after a try the learner may see its answer, and it never changes mastery.
 */
export function ScaffoldStep({ courseId, itemId, number, html, scaffold }: { courseId: string; itemId: string; number: number; html: string; scaffold: ScaffoldView }) {
  const { t } = useTranslation();
  const [response, setResponse] = useState<Response | null>(null);
  const [result, setResult] = useState<ScaffoldResult | null>(null);
  const [busy, setBusy] = useState(false);
  const stepId = `${itemId}~step${number}`;
  const item: ItemViewData = { ...scaffold, id: stepId, skills: [], prompt: "", promptHtml: html, promptSpeech: "", hintCount: 0 };
  const send = async (reveal: boolean) => {
    if (response === null && !reveal) return;
    setBusy(true);
    try {
      setResult(await post<ScaffoldResult>(`/api/courses/${courseId}/items/${encodeURIComponent(itemId)}/hints/${number}/answers`, { response: response ?? "", reveal }));
    } finally {
      setBusy(false);
    }
  };
  const done = result?.correct === true || result?.answerHtml != null;
  return (
    <div className="scaffold" role="group" aria-labelledby={`${stepId}-label`}>
      <p id={`${stepId}-label`} className="scaffold-title">
        {t("item.step", { n: number })}
      </p>
      <div dangerouslySetInnerHTML={{ __html: html }} />
      {/* Forms cannot nest: Enter in the step's input checks the step instead of submitting the item's answer. */}
      <div
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") {
            e.preventDefault();
            void send(false);
          }
        }}
      >
        <AnswerInput item={item} disabled={done} onChange={setResponse} />
      </div>
      {!done && (
        <div className="actions">
          <button type="button" className="button-secondary" disabled={response === null || busy} onClick={() => void send(false)}>
            {t("item.checkStep")}
          </button>
          {result && !result.correct && (
            <button type="button" className="button-secondary" onClick={() => void send(true)}>
              {t("item.showStepAnswer")}
            </button>
          )}
        </div>
      )}
      <div aria-live="polite">
        {result && (
          <div className={`scaffold-feedback ${result.correct ? "feedback-right" : "feedback-wrong"}`}>
            <p>{result.correct ? t("item.stepRight") : t("item.stepNotQuite")}</p>
            {result.feedbackHtml && !result.correct && <div dangerouslySetInnerHTML={{ __html: result.feedbackHtml }} />}
            {result.answerHtml && !result.correct && (
              <p>
                {t("item.stepAnswer")}
                <span dangerouslySetInnerHTML={{ __html: result.answerHtml }} />
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
