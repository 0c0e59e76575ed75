// Problems found in a course, each pointing at the exact file, line and column of the offending field.

export interface Problem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The field within its entity, e.g. `skills[0]` or `choices[1].correct`; empty for a whole file. */
  field: string;
  message: string;
  hint?: string;
  severity: "error" | "warning";
}

/** `file:line:col  message  (hint)`, the format of `attune course validate`. Warnings say so. */
export function formatProblem(problem: Problem): string {
  const message = problem.severity === "warning" ? `warning: ${problem.message}` : problem.message;
  const hint = problem.hint === undefined ? "" : `  (${problem.hint})`;
  return `${problem.file}:${problem.line}:${problem.column}  ${message}${hint}`;
}

export function formatField(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The closest candidate when it is close enough to be a likely typo, for "did you mean" hints. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const normalized = word.toLowerCase().replace(/_/g, "-");
  for (const candidate of candidates) {
    const d = editDistance(normalized, candidate.toLowerCase().replace(/_/g, "-"));
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closestMatch(word, candidates);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}
