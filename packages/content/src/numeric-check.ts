// Checks numeric answers: value first (within tolerance), then the unit, then the required written form.
import type { NumericAnswer, NumericForm } from "./course-model.ts";
import { InvalidItemError, type CheckResult } from "./check-result.ts";
import { closeEnough } from "./expression-equivalence.ts";
import { gcd, normalizeNumberText, parseNumber, type NumericValue } from "./numeric-value.ts";

interface PreparedNumeric {
  answer: NumericValue;
  misconceptions: { id: string; value: NumericValue; feedback: string }[];
}

const prepared = new WeakMap<NumericAnswer, PreparedNumeric>();

function prepare(spec: NumericAnswer): PreparedNumeric {
  let p = prepared.get(spec);
  if (p !== undefined) return p;
  const answer = parseNumber(stripUnit(spec.answer, spec.units).text);
  if (answer === undefined) throw new InvalidItemError(`the answer "${spec.answer}" is not a number`);
  const misconceptions = spec.misconceptions.flatMap((m, i) => {
    const value = parseNumber(stripUnit(m.match, spec.units).text);
    return value === undefined ? [] : [{ id: m.id ?? `m${i + 1}`, value, feedback: m.feedback }];
  });
  p = { answer, misconceptions };
  prepared.set(spec, p);
  return p;
}

interface UnitSplit {
  text: string;
  /** The unit the learner wrote, when it is one of the accepted units. */
  unit?: string;
  /** A trailing word that is not an accepted unit. */
  otherUnit?: string;
}

function stripUnit(raw: string, units: readonly string[]): UnitSplit {
  const text = normalizeNumberText(raw);
  const lower = text.toLowerCase();
  const sorted = [...units].sort((a, b) => b.length - a.length);
  for (const unit of sorted) {
    const u = unit.toLowerCase();
    if (lower.endsWith(u) && u.length < lower.length) {
      const before = text.slice(0, text.length - u.length);
      // "5cm" and "5 cm" both count; "15m" must not match the unit "5m"-style suffixes inside a number.
      if (/[\d\s.)]$/.test(before)) return { text: before.trim(), unit };
    }
  }
  const trailing = /^(.*?[\d)])\s*([A-Za-z\u00C0-\u024F°µ%][A-Za-z\u00C0-\u024F°µ%²³/. ]*)$/.exec(text);
  if (trailing !== null && !/^[eE][+-]?\d/.test(trailing[2]!)) {
    return { text: trailing[1]!.trim(), otherUnit: trailing[2]!.trim() };
  }
  return { text };
}

function isInteger(v: NumericValue): boolean {
  return Number.isInteger(v.value) && (v.writtenAs === "integer" || v.writtenAs === "decimal");
}

/** Why a correct value is not in the required form, or undefined when it is. */
export function numericFormProblem(form: NumericForm, v: NumericValue): string | undefined {
  const wholeValue = Number.isInteger(v.value);
  switch (form) {
    case "any":
      return undefined;
    case "lowest-terms": {
      if (isInteger(v)) return undefined;
      if ((v.writtenAs === "fraction" || v.writtenAs === "mixed") && gcd(v.numerator!, v.denominator!) === 1) {
        return wholeValue && v.denominator !== 1 ? "Equivalent, but the question asks for lowest terms: write it as a whole number." : undefined;
      }
      return "Equivalent, but the question asks for a fraction in lowest terms.";
    }
    case "mixed-number": {
      if (isInteger(v)) return undefined;
      if (Math.abs(v.value) < 1 && v.writtenAs === "fraction") return undefined;
      if (v.writtenAs === "mixed" && Math.abs(v.numerator!) < v.denominator!) return undefined;
      return "Equivalent, but the question asks for a mixed number (a whole number and a proper fraction, like 1 1/2).";
    }
    case "improper-fraction": {
      if (isInteger(v) || v.writtenAs === "fraction") return undefined;
      return "Equivalent, but the question asks for a fraction (an improper fraction, like 3/2), not a mixed number or decimal.";
    }
    case "decimal": {
      if (v.writtenAs === "integer" || v.writtenAs === "decimal") return undefined;
      return "Equivalent, but the question asks for a decimal.";
    }
  }
}

/** A remark on an accepted mixed number whose fraction part could be simpler. */
function mixedNote(form: NumericForm, v: NumericValue): string | undefined {
  if (form !== "mixed-number" || v.writtenAs !== "mixed") return undefined;
  const g = gcd(v.numerator!, v.denominator!);
  if (g <= 1) return undefined;
  return `Correct. You can simplify ${v.numerator}/${v.denominator} to ${v.numerator! / g}/${v.denominator! / g}.`;
}

export function checkNumeric(spec: NumericAnswer, raw: string): CheckResult {
  const p = prepare(spec);
  let split = stripUnit(raw, spec.units);
  let value = parseNumber(split.text);
  if (split.otherUnit !== undefined) {
    // "2pi" or "3 sqrt 2" end in letters but are numbers: only a word that is not part of the number is a unit.
    const whole = parseNumber(raw);
    if (whole !== undefined) {
      split = { text: raw };
      value = whole;
    }
  }
  const shownUnit = spec.units[0];
  if (value === undefined) {
    return { correct: false, normalized: normalizeNumberText(raw), feedback: "Enter a number, such as 3, 0.75, 3/4 or 1 1/2." };
  }
  const normalized = shownUnit !== undefined && split.unit !== undefined ? `${value.canonical} ${shownUnit}` : value.canonical;
  const equal = closeEnough(value.value, p.answer.value, spec.tolerance ?? 0);
  if (equal && split.otherUnit !== undefined && spec.units.length > 0) {
    return { correct: false, normalized, feedback: `The value is right, but the answer should be in ${spec.units.join(" or ")}.` };
  }
  if (equal) {
    const problem = numericFormProblem(spec.form, value);
    if (problem !== undefined) return { correct: false, normalized, formNote: problem };
    const note = mixedNote(spec.form, value);
    return note === undefined ? { correct: true, normalized } : { correct: true, normalized, formNote: note };
  }
  for (const m of p.misconceptions) {
    if (closeEnough(value.value, m.value.value, spec.tolerance ?? 0)) {
      return { correct: false, normalized, feedback: m.feedback, misconceptionId: m.id };
    }
  }
  return { correct: false, normalized };
}
