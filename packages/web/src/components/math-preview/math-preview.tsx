import { type ReactNode, createElement, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type MathNode, parseMath } from "./parse-math.ts";

// MathML Core elements (rendered natively by Chromium, Firefox and Safari); React's JSX types do not list them.
const m = (tag: string, ...children: ReactNode[]) => createElement(tag, null, ...children);
const op = (text: string) => m("mo", text);
const INVISIBLE_TIMES = "\u2062";
const FUNCTION_APPLICATION = "\u2061";
const SYMBOLS: Record<string, string> = { pi: "π" };

/** A node without the parentheses the learner typed only to group it (a fraction bar, an exponent or a root groups already). */
const ungrouped = (node: MathNode) => (node.kind === "group" ? node.body : node);

/** The MathML of a parsed answer. */
export function renderMath(node: MathNode): ReactNode {
  switch (node.kind) {
    case "number":
      return m("mn", node.text);
    case "symbol":
      return m("mi", SYMBOLS[node.name] ?? node.name);
    case "mixed":
      return m("mrow", m("mn", node.whole), m("mfrac", m("mn", node.numerator), m("mn", node.denominator)));
    case "negative":
      return m("mrow", op("−"), renderMath(node.arg));
    case "binary":
      return m("mrow", renderMath(node.left), op(node.op === "-" ? "−" : node.op), renderMath(node.right));
    case "product":
      return m("mrow", ...node.factors.flatMap((f, i) => (i === 0 ? [renderMath(f)] : [op(INVISIBLE_TIMES), renderMath(f)])));
    case "fraction":
      return m("mfrac", m("mrow", renderMath(ungrouped(node.numerator))), m("mrow", renderMath(ungrouped(node.denominator))));
    case "power":
      return m("msup", m("mrow", renderMath(node.base)), m("mrow", renderMath(ungrouped(node.exponent))));
    case "root":
      return m("msqrt", renderMath(node.arg));
    case "function":
      if (node.name === "abs") return m("mrow", op("|"), renderMath(node.arg), op("|"));
      return m("mrow", m("mi", node.name), op(FUNCTION_APPLICATION), m("mrow", op("("), renderMath(node.arg), op(")")));
    case "group":
      return m("mrow", op("("), renderMath(node.body), op(")"));
    case "percent":
      return m("mrow", renderMath(node.arg), op("%"));
  }
}

/**
 * The typed answer as it reads in print (stacked fractions, mixed numbers, powers, roots), updated as the learner
 * types. Hidden from screen readers: the labelled input already speaks the answer, and a second reading of every
 * keystroke would only be noise. Text it cannot read is shown as typed, and never stops anyone from answering.
 */
export function MathPreview({ text }: { text: string }) {
  const { t } = useTranslation();
  const parsed = useMemo(() => parseMath(text), [text]);
  // A plain number or letter reads the same in print: the box keeps its place (nothing jumps) but stays empty.
  if (text.trim() === "" || parsed?.kind === "number" || parsed?.kind === "symbol") return <div className="math-preview is-empty" aria-hidden="true" />;
  return (
    <div className="math-preview" aria-hidden="true" data-parsed={parsed ? "yes" : "no"}>
      <span className="math-preview-label">{t("answer.preview")}</span>
      {parsed ? createElement("math", { display: "block" }, renderMath(parsed)) : <span className="math-preview-plain">{text}</span>}
    </div>
  );
}
