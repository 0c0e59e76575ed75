import { useTranslation } from "react-i18next";
import { useEffect, useRef, useState } from "react";
import { post } from "../../api/client.ts";
import { useLesson } from "../../api/queries.ts";
import { usePreferences } from "../../components/preferences.tsx";
import { QueryState } from "../../components/status.tsx";

/** Counts only the seconds the page is visible: a lesson left in a background tab is not time on task. */
function useVisibleSeconds() {
  const total = useRef(0);
  const since = useRef<number | null>(document.visibilityState === "visible" ? performance.now() : null);
  useEffect(() => {
    const onChange = () => {
      if (document.visibilityState === "visible") since.current = performance.now();
      else if (since.current !== null) {
        total.current += performance.now() - since.current;
        since.current = null;
      }
    };
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, []);
  return () => Math.round((total.current + (since.current === null ? 0 : performance.now() - since.current)) / 1000);
}

export function LessonPanel({ courseId, lessonId, onDone }: { courseId: string; lessonId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const lesson = useLesson(courseId, lessonId);
  const preferences = usePreferences();
  const [chosenIndex, setVariantIndex] = useState<number | null>(null);
  const [revealed, setRevealed] = useState(1);
  const seconds = useVisibleSeconds();
  if (!lesson.data) return <QueryState isPending={lesson.isPending} error={lesson.error} />;
  const variants = lesson.data.variants;
  // The learner's preferred medium first, when the lesson offers it.
  const preferred = preferences.preferredMedia.map((m) => variants.findIndex((v) => v.type === m)).find((i) => i >= 0);
  const variantIndex = chosenIndex ?? preferred ?? 0;
  const variant = variants[variantIndex]!;
  const finish = async () => {
    await post(`/api/courses/${courseId}/lessons/${lessonId}/visits`, { variant: variant.type, seconds: seconds() });
    onDone();
  };
  return (
    <article className="lesson-card" aria-labelledby="lesson-title">
      <p className="eyebrow">{t("lesson.eyebrow", { minutes: lesson.data.minutes })}</p>
      <h2 id="lesson-title">{lesson.data.title}</h2>
      <div role="tablist" aria-label={t("lesson.ways")} className="media-tabs">
        {variants.map((v, i) => (
          <button
            key={`${v.type}-${i}`}
            role="tab"
            type="button"
            aria-selected={i === variantIndex}
            className={i === variantIndex ? "tab tab-current" : "tab"}
            onClick={() => {
              setVariantIndex(i);
              setRevealed(1);
            }}
          >
            {t(`lesson.media.${v.type}`, { defaultValue: v.type })}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="lesson-body">
        {variant.title && <h3>{variant.title}</h3>}
        {variant.html && <div dangerouslySetInnerHTML={{ __html: variant.html }} />}
        {variant.steps && (
          <ol className="steps">
            {variant.steps.slice(0, revealed).map((step, i) => (
              <li key={i} dangerouslySetInnerHTML={{ __html: step }} />
            ))}
          </ol>
        )}
        {variant.steps && revealed < variant.steps.length && (
          <button type="button" className="button-secondary" onClick={() => setRevealed(revealed + 1)}>
            {t("lesson.nextStep", { n: revealed + 1, total: variant.steps.length })}
          </button>
        )}
        {variant.type === "video" && variant.url && <video controls src={variant.url} className="media" />}
        {variant.type === "audio" && variant.url && <audio controls src={variant.url} className="media" />}
        {variant.transcriptHtml && (
          <details>
            <summary>{t("lesson.transcript")}</summary>
            <div dangerouslySetInnerHTML={{ __html: variant.transcriptHtml }} />
          </details>
        )}
        {variant.type === "interactive" && <p>{t("lesson.interactive")}</p>}
      </div>
      <button type="button" className="button-primary" onClick={finish}>
        {t("lesson.done")}
      </button>
    </article>
  );
}
