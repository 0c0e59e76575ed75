// Reads a number the way people write it: 3, -3, 3.25, .5, 1,234.5, 3/4, 1 1/2, 1-1/2, −2, 1.5e3,
// and (as a fallback) an arithmetic expression such as \frac{3}{4}, 2^3 or sqrt(2).
// It remembers how the number was written so the checker can explain a required form.
import type { MathNode } from "mathjs";
import { compileNode, printNode } from "./math-compile.ts";
import { parseMathInput } from "./math-expression.ts";
import { evaluateReal } from "./expression-equivalence.ts";

export type WrittenAs = "integer" | "decimal" | "fraction" | "mixed" | "expression";

export interface NumericValue {
  value: number;
  writtenAs: WrittenAs;
  /** For fractions and mixed numbers (numerator of the fractional part for mixed). */
  numerator?: number;
  denominator?: number;
  whole?: number;
  /** A canonical spelling: `-3/4`, `1 1/2`, `0.25`. */
  canonical: string;
}

// Thousands grouped with commas (1,234) or spaces (1 234), or plain digits.
const INT = String.raw`(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)`;
/** A decimal comma that cannot be a thousands separator (0,75 or 3,14159), as written in much of the world. */
const DECIMAL_COMMA_RE = /^([+-]?\d+),(\d{1,2}|\d{4,})$/;
const VULGAR_FRACTIONS = /[\u00BC-\u00BE\u2150-\u215E]/g;
const INTEGER_RE = new RegExp(`^([+-]?)(${INT})$`);
const DECIMAL_RE = new RegExp(String.raw`^([+-]?)((?:${INT})?\.\d+|${INT}\.|${INT}(?:\.\d+)?[eE][+-]?\d+)$`);
const FRACTION_RE = new RegExp(String.raw`^([+-]?)\(?([+-]?${INT})\)?\s*/\s*\(?([+-]?${INT})\)?$`);
const MIXED_RE = new RegExp(String.raw`^([+-]?)(${INT})(?:\s+|\s*-\s*)(${INT})\s*/\s*(${INT})$`);

function toInt(digits: string): number {
  return Number(digits.replace(/[, ]/g, ""));
}

/** Unicode minus and friends, thin spaces, and surrounding `$`; keeps inner single spaces (they mark mixed numbers). */
export function normalizeNumberText(text: string): string {
  return text
    // "1½" must read as 1 1/2, not 11/2: put a space before a vulgar fraction before NFKC expands it.
    .replace(VULGAR_FRACTIONS, (c) => ` ${c.normalize("NFKC").replace("\u2044", "/")}`)
    .normalize("NFKC")
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, "-")
    .replace(/[\u2044\u2215]/g, "/")
    .replace(/\$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function parseNumber(raw: string): NumericValue | undefined {
  // "x = 3" answers a numeric question as well as "3" does.
  let text = normalizeNumberText(raw).replace(/^[A-Za-z]\w*\s*=(?!=)\s*/, "");
  const comma = DECIMAL_COMMA_RE.exec(text);
  if (comma !== null) text = `${comma[1]}.${comma[2]}`;
  let m = INTEGER_RE.exec(text);
  if (m !== null) {
    const value = (m[1] === "-" ? -1 : 1) * toInt(m[2]!);
    return { value: value === 0 ? 0 : value, writtenAs: "integer", canonical: String(value === 0 ? 0 : value) };
  }
  m = DECIMAL_RE.exec(text);
  if (m !== null) {
    const value = (m[1] === "-" ? -1 : 1) * Number(m[2]!.replace(/[, ]/g, ""));
    if (Number.isFinite(value)) return { value, writtenAs: "decimal", canonical: String(value) };
  }
  m = FRACTION_RE.exec(text);
  if (m !== null) {
    const sign = (m[1] === "-" ? -1 : 1) * (m[2]!.startsWith("-") ? -1 : 1) * (m[3]!.startsWith("-") ? -1 : 1);
    const numerator = Math.abs(toInt(m[2]!.replace(/^[+-]/, "")));
    const denominator = Math.abs(toInt(m[3]!.replace(/^[+-]/, "")));
    if (denominator === 0) return undefined;
    const signed = sign * numerator;
    return { value: signed / denominator, writtenAs: "fraction", numerator: signed, denominator, canonical: `${signed}/${denominator}` };
  }
  m = MIXED_RE.exec(text);
  if (m !== null) {
    const sign = m[1] === "-" ? -1 : 1;
    const whole = toInt(m[2]!);
    const numerator = toInt(m[3]!);
    const denominator = toInt(m[4]!);
    if (denominator === 0) return undefined;
    const value = sign * (whole + numerator / denominator);
    return {
      value,
      writtenAs: "mixed",
      whole: sign * whole,
      numerator,
      denominator,
      canonical: `${sign < 0 ? "-" : ""}${whole} ${numerator}/${denominator}`,
    };
  }
  return parseArithmetic(raw);
}

/** A constant expression (no variables): \frac{3}{4}, 2^3, 6*7, sqrt(2). */
function parseArithmetic(raw: string): NumericValue | undefined {
  let parsed;
  try {
    parsed = parseMathInput(raw, { variables: [] });
  } catch {
    return undefined;
  }
  const value = evaluateReal(compileNode(parsed.node), {});
  if (value === undefined) return undefined;
  // A LaTeX fraction of integers (\frac{3}{4}, -\frac{1}{3}) is still a fraction for the purpose of forms.
  const fraction = integerFraction(parsed.node);
  if (fraction !== undefined) {
    const [numerator, denominator] = fraction;
    return { value, writtenAs: "fraction", numerator, denominator, canonical: `${numerator}/${denominator}` };
  }
  const integer = integerConstant(parsed.node);
  if (integer !== undefined) return { value, writtenAs: "integer", canonical: String(integer) };
  return { value, writtenAs: "expression", canonical: printNode(parsed.node) };
}

interface OpLike {
  fn: string;
  args: MathNode[];
}

function integerConstant(node: MathNode): number | undefined {
  if (node.type === "ConstantNode") {
    const value = (node as unknown as { value: number }).value;
    return Number.isInteger(value) ? value : undefined;
  }
  const o = node.type === "OperatorNode" ? (node as unknown as OpLike) : undefined;
  if (o?.fn === "unaryMinus") {
    const inner = integerConstant(o.args[0]!);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

function integerFraction(node: MathNode): [number, number] | undefined {
  const o = node.type === "OperatorNode" ? (node as unknown as OpLike) : undefined;
  if (o?.fn === "unaryMinus") {
    const inner = integerFraction(o.args[0]!);
    return inner === undefined ? undefined : [-inner[0], inner[1]];
  }
  if (o?.fn !== "divide") return undefined;
  const n = integerConstant(o.args[0]!);
  const d = integerConstant(o.args[1]!);
  if (n === undefined || d === undefined || d === 0) return undefined;
  return d < 0 ? [-n, -d] : [n, d];
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
