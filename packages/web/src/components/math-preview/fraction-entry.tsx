import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export type FractionMode = "fraction" | "mixed";
type Parts = { whole: string; numerator: string; denominator: string };

const FRACTION_TEXT = /^\s*(?:(-?[\d.]*)\s+)?(-?[\d.]*)\s*\/\s*([\d.]*)\s*$/;
const WHOLE_TEXT = /^\s*-?[\d.]+\s*$/;

/** The boxes' contents, read back from the answer text (empty when the text is not a fraction). */
export function fractionParts(text: string): Parts {
  const match = FRACTION_TEXT.exec(text);
  if (match) return { whole: match[1] ?? "", numerator: match[2] ?? "", denominator: match[3] ?? "" };
  if (WHOLE_TEXT.test(text)) return { whole: text.trim(), numerator: "", denominator: "" };
  return { whole: "", numerator: "", denominator: "" };
}

/** The answer text the boxes make: `3/4`, or `2 3/4` with a whole number — exactly what a learner would type. */
export function fractionText({ whole, numerator, denominator }: Parts): string {
  const fraction = numerator || denominator ? `${numerator}/${denominator}` : "";
  return [whole, fraction].filter(Boolean).join(" ");
}

/** Digits and a decimal point; a minus sign only in front. */
const digitsOnly = (text: string) => text.replace(/[^\d.-]/g, "").replace(/(?!^)-/g, "");

type Props = { mode: FractionMode; value: string; onChange: (text: string) => void };

/**
 * A fraction (or mixed number) typed into stacked boxes, for learners who find `2 3/4` hard to type. The boxes
 * write the same text answer into the answer field, which stays the one labelled control and can still be edited.
 */
export function FractionEntry({ mode, value, onChange }: Props) {
  const { t } = useTranslation();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const parts = fractionParts(value);
  const set = (part: keyof Parts) => (text: string) => onChange(fractionText({ ...parts, [part]: digitsOnly(text) }));
  const box = (part: keyof Parts, label: string, isFirst: boolean) => (
    <label className={`fraction-box fraction-${part}`}>
      <span className="visually-hidden">{label}</span>
      <input ref={isFirst ? first : undefined} inputMode="decimal" autoComplete="off" value={parts[part]} onChange={(e) => set(part)(e.target.value)} />
    </label>
  );
  return (
    <div className="fraction-entry" role="group" aria-label={t(`answer.${mode}`)}>
      <div className="fraction-boxes">
        {mode === "mixed" && box("whole", t("answer.whole"), true)}
        <span className="fraction-stack">
          {box("numerator", t("answer.numerator"), mode === "fraction")}
          <span className="fraction-bar" aria-hidden="true" />
          {box("denominator", t("answer.denominator"), false)}
        </span>
      </div>
      <p className="muted small">{t("answer.entryHelp")}</p>
    </div>
  );
}

/** A tiny drawing of a fraction (or mixed number) for the helper buttons. */
export function FractionGlyph({ mixed }: { mixed: boolean }) {
  return (
    <svg className="fraction-glyph" viewBox={mixed ? "0 0 22 20" : "0 0 12 20"} width={mixed ? 22 : 12} height="20" aria-hidden="true" focusable="false">
      {mixed && <rect x="1" y="6" width="7" height="8" rx="1.5" />}
      <rect x={mixed ? 12 : 2} y="1" width="8" height="6" rx="1.5" />
      <path d={mixed ? "M11 10h10" : "M1 10h10"} />
      <rect x={mixed ? 12 : 2} y="13" width="8" height="6" rx="1.5" />
    </svg>
  );
}
