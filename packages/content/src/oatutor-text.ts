// Text and answer conversions for OATutor content: OATutor writes inline math as `$$...$$` (our `$...$`),
// figures as `##figure1.gif##`, template variables as `@{name}`, and answers in LaTeX.
import { parseMathInput } from "./math-expression.ts";
import { parseNumber } from "./numeric-value.ts";

/** `$$x$$` -> `$x$` (OATutor's `$$` is inline math) and `##figure1.gif##` -> a Markdown image under media/. */
export function oatutorMarkdown(text: string, problemId: string): string {
  return text
    // OATutor writes line breaks as a literal backslash-n; LaTeX commands such as \neq or \nu are kept.
    .replace(/\\n(?![a-zA-Z])/g, "\n")
    .replace(/\$\$([\s\S]*?)\$\$/g, (_m, tex: string) => `$${tex.trim()}$`)
    .replace(/##\s*(figure(\d+)\.[a-z]+)\s*(?:##)?/gi, (_m, file: string, n: string) => `![Figure ${n} of this problem (the source gives no description)](media/${problemId}/${file})`)
    .trim();
}

export function stripMathDelimiters(latex: string): string {
  return latex.replace(/\$\$/g, "").replace(/\$/g, "").trim();
}

/** LaTeX to the mathjs syntax our checker reads natively: `\frac{1}{2}x` -> `1 / 2 * x`; equations keep their `=`. */
export function latexAnswerToMath(latex: string): string {
  const text = stripMathDelimiters(latex);
  const sides = text.split(/(?<![<>=!])=(?!=)/);
  return sides.map((side) => parseMathInput(side).node.toString({ implicit: "show" })).join(" = ");
}

export interface ConvertedAnswer {
  type: "numeric" | "expression" | "short-text";
  fields: Record<string, unknown>;
}

/**
 * An OATutor TextBox answer as one of our answer types: `string` answers are short text; `arithmetic` ones are
 * numeric when they are a number or a constant expression (5\times2^6, \log_3(8)), otherwise expressions
 * (checked by algebraic equivalence, as OATutor does).
 */
export function convertTextBoxAnswer(answers: readonly string[], answerType: string): ConvertedAnswer {
  const first = answers[0] ?? "";
  if (answerType !== "arithmetic") {
    return { type: "short-text", fields: { answers: answers.map(stripMathDelimiters) } };
  }
  let math: string;
  try {
    math = latexAnswerToMath(first);
  } catch {
    // Left as written: the checker reads LaTeX too, and the import summary reports it if it is rejected.
    return { type: "expression", fields: { answer: stripMathDelimiters(first) } };
  }
  const number = parseNumber(math);
  if (number !== undefined) {
    const fields: Record<string, unknown> = { answer: number.writtenAs === "expression" ? math : number.canonical };
    // A rounded decimal (-0.737) accepts anything that rounds to it: a more precise learner is not wrong.
    // One decimal place (2.5) is usually exact, so only two or more places count as rounded.
    const decimals = number.writtenAs === "decimal" ? (/\.(\d+)$/.exec(number.canonical)?.[1]?.length ?? 0) : 0;
    if (decimals >= 2) fields.tolerance = Number((0.5 * 10 ** -decimals).toPrecision(3));
    return { type: "numeric", fields };
  }
  const variables = stripMathDelimiters(first).split(/(?<![<>=!])=(?!=)/).flatMap((side) => parseMathInput(side).variables);
  return { type: "expression", fields: { answer: math, variables: [...new Set(variables)].sort() } };
}

/** Lowercase kebab-case id from an OATutor id or skill name (`solve_one_step_equations_add/subtract`). */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "x";
}

/** `rules_of_algebra:_addition` -> `Rules of algebra: addition`. */
export function humanize(name: string): string {
  const text = name.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
