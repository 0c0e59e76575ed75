// TeX of school math in words, for accessible names (a screen reader's name for a choice cannot come from
// MathML in every browser) and for read-aloud. Covers what courses use; anything else keeps its symbols.
const WORDS: [RegExp, string][] = [
  [/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, " $1 over $2 "],
  [/\\times|\\cdot/g, " times "],
  [/\\div/g, " divided by "],
  [/\\le(q)?\b/g, " is less than or equal to "],
  [/\\ge(q)?\b/g, " is greater than or equal to "],
  [/\\ne(q)?\b/g, " is not equal to "],
  [/\\lt\b|</g, " is less than "],
  [/\\gt\b|>/g, " is greater than "],
  [/\\sqrt\s*\{([^{}]*)\}/g, " the square root of $1 "],
  [/\^\{?2\}?/g, " squared "],
  [/\^\{?3\}?/g, " cubed "],
  [/\^\{([^{}]*)\}/g, " to the power $1 "],
  [/\\%|%/g, " percent "],
  [/\\(left|right|,|;|!|quad|qquad)/g, " "],
  [/\\text\s*\{([^{}]*)\}/g, " $1 "],
  [/=/g, " equals "],
  [/-/g, " minus "],
  [/\+/g, " plus "],
];

/** Words for a TeX expression, e.g. `\frac{3}{4} + 1` → "3 over 4 plus 1". */
export function mathToWords(tex: string): string {
  let text = tex;
  // Nested fractions resolve from the inside out.
  for (let i = 0; i < 3; i++) for (const [pattern, words] of WORDS) text = text.replace(pattern, words);
  return text.replace(/[{}\\]/g, " ").replace(/\s+/g, " ").trim();
}
