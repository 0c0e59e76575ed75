import { renderPlain } from "@attune/content";

/** TeX as a reader would type it: \frac{a}{b} → a/b, \times → ×, other commands and braces dropped. */
export function texAsText(tex: string): string {
  let text = tex;
  for (let i = 0; i < 5 && /\\[dt]?frac\{/.test(text); i++) text = text.replace(/\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/g, "$1/$2");
  return text
    .replace(/\\times/g, "×")
    .replace(/\\div/g, "÷")
    .replace(/\\cdot/g, "·")
    .replace(/\\le(q)?/g, "≤")
    .replace(/\\ge(q)?/g, "≥")
    .replace(/\\[a-zA-Z]+/g, "")
    .replace(/[{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A prompt shortened to one line of plain text for lists: Markdown removed, math written as text. */
export function plainPrompt(prompt: string, max = 120): string {
  const text = renderPlain(prompt, texAsText).replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
