// Checks short text answers after normalisation: Unicode NFC, trimmed, runs of spaces collapsed, spaces
// around commas made uniform, end punctuation and Spanish opening marks (¿ ¡) ignored, case folded unless the
// item is case-sensitive.
import type { ShortTextAnswer } from "./course-model.ts";
import type { CheckResult } from "./check-result.ts";

export function normalizeText(text: string, caseSensitive: boolean): string {
  const collapsed = text
    .normalize("NFC")
    // Typographic quotes and dashes from phone keyboards and word processors mean the plain ones.
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/\s*,\s*/g, ", ")
    // Many keyboards cannot type ¿ and ¡; they never change which answer is meant.
    .replace(/[¿¡]/gu, "")
    .trim()
    .replace(/[.!?。！？]+$/u, "")
    .trim();
  return caseSensitive ? collapsed : collapsed.toLocaleLowerCase();
}

/** Removes accents, but keeps ñ: in Spanish it is a letter of its own (año and ano are different words). */
export function stripAccents(text: string): string {
  // Decompose, then drop every combining mark except the tilde that follows an n.
  return text
    .normalize("NFD")
    .replace(/(?<![nN])\p{M}|(?<=[nN])(?!\u0303)\p{M}/gu, "")
    .normalize("NFC");
}

interface PreparedText {
  answers: string[];
  bare: string[];
  pattern?: RegExp;
  misconceptions: { id: string; text: string; bare: string; feedback: string }[];
}

const cache = new WeakMap<ShortTextAnswer, PreparedText>();

function prepare(spec: ShortTextAnswer): PreparedText {
  let p = cache.get(spec);
  if (p !== undefined) return p;
  const answers = spec.answers.map((a) => normalizeText(a, spec.caseSensitive));
  p = {
    answers,
    bare: answers.map(stripAccents),
    pattern: spec.pattern === undefined ? undefined : new RegExp(spec.pattern, spec.caseSensitive ? "u" : "iu"),
    misconceptions: spec.misconceptions.map((m, i) => {
      const text = normalizeText(m.match, spec.caseSensitive);
      return { id: m.id ?? `m${i + 1}`, text, bare: stripAccents(text), feedback: m.feedback };
    }),
  };
  cache.set(spec, p);
  return p;
}

export function checkShortText(spec: ShortTextAnswer, raw: string): CheckResult {
  const p = prepare(spec);
  const normalized = normalizeText(raw, spec.caseSensitive);
  if (normalized === "") return { correct: false, normalized, feedback: "The answer is empty." };
  if (p.answers.includes(normalized)) return { correct: true, normalized };
  if (p.pattern !== undefined && p.pattern.test(normalizeText(raw, true))) return { correct: true, normalized };
  // A known misconception typed exactly gets its own feedback, before any near-miss on accents.
  const exact = p.misconceptions.find((m) => m.text === normalized);
  if (exact) return { correct: false, normalized, feedback: exact.feedback, misconceptionId: exact.id };
  const bare = stripAccents(normalized);
  const accentMatch = p.bare.indexOf(bare);
  if (accentMatch >= 0) {
    const expected = spec.answers[accentMatch]!;
    if (spec.accents === "lenient") {
      return { correct: true, normalized, formNote: `Accepted; check the accents: “${expected.trim()}”.` };
    }
    return { correct: false, normalized, formNote: `Almost: check the accents.` };
  }
  for (const m of p.misconceptions) {
    if (spec.accents === "lenient" && m.bare === bare) {
      return { correct: false, normalized, feedback: m.feedback, misconceptionId: m.id };
    }
  }
  return { correct: false, normalized };
}
