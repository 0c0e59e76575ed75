// Algebraic equivalence of two expressions (or equations).
// Evaluation at random points is the fast path: with non-integer and negative points, two different
// expressions agreeing at every point is vanishingly unlikely. mathjs `simplify` (milliseconds per call) is only
// the fallback for expressions undefined at most points. Equations compare as "lhs - rhs" up to a non-zero factor.
import type { MathNode } from "mathjs";
import { compileNode, type NumericFunction } from "./math-compile.ts";
import { math, parseMathInput, type ParsedExpression } from "./math-expression.ts";
import { seededRandom } from "./seeded-random.ts";

export interface PreparedExpression {
  text: string;
  parsed: ParsedExpression;
  /** For an equation `lhs = rhs`, the tree is `lhs - rhs`; `solvedFor` is set for `x = <no x>`. */
  isEquation: boolean;
  solvedFor?: string;
  /** The right-hand side of `x = value`, so a learner may answer just the value. */
  value?: PreparedExpression;
  compiled: NumericFunction;
}

const EQUALS = /(?<![<>=!])=(?!=)/;

export function prepareExpression(text: string, variables?: readonly string[]): PreparedExpression {
  const sides = text.split(EQUALS);
  if (sides.length === 2) {
    const lhs = parseMathInput(sides[0]!, { variables });
    const rhs = parseMathInput(sides[1]!, { variables });
    const node = new math.OperatorNode("-", "subtract", [lhs.node, rhs.node]);
    const allVariables = [...new Set([...lhs.variables, ...rhs.variables])].sort();
    const prepared: PreparedExpression = {
      text,
      parsed: { node, variables: allVariables },
      isEquation: true,
      compiled: compileNode(node),
    };
    if (lhs.node.type === "SymbolNode" && !rhs.variables.includes(lhs.variables[0] ?? "")) {
      prepared.solvedFor = lhs.variables[0];
      prepared.value = fromParsed(sides[1]!, rhs);
    }
    return prepared;
  }
  if (sides.length > 2) throw new Error(`"${text}" has more than one "="`);
  return fromParsed(text, parseMathInput(text, { variables }));
}

function fromParsed(text: string, parsed: ParsedExpression): PreparedExpression {
  return { text, parsed, isEquation: false, compiled: compileNode(parsed.node) };
}

export type Point = Record<string, number>;

/** Deterministic evaluation points over the given variables: negatives, fractions, values near 0 and above 1. */
export function evaluationPoints(variables: readonly string[], seedText: string, count = 8, positiveOnly = false): Point[] {
  const random = seededRandom(`points:${seedText}:${positiveOnly ? "+" : "±"}`);
  const points: Point[] = [];
  for (let i = 0; i < count; i++) {
    const point: Point = {};
    for (const v of variables) {
      const magnitude = 0.15 + random() * 3.2;
      const sign = positiveOnly || random() < 0.55 ? 1 : -1;
      point[v] = sign * magnitude;
    }
    points.push(point);
  }
  return points;
}

/** A real number, or undefined when the value is complex (NaN here), infinite or undefined at that point. */
export function evaluateReal(fn: NumericFunction, point: Point): number | undefined {
  const value = fn(point);
  return Number.isFinite(value) ? value : undefined;
}

export function closeEnough(a: number, b: number, absolute = 0): boolean {
  return Math.abs(a - b) <= absolute + 1e-8 * Math.max(1, Math.abs(a), Math.abs(b));
}

export type Equivalence = "equivalent" | "different" | "unknown";

interface Sampled {
  values: (number | undefined)[];
}

/** Values of the prepared answer at the points (cached by the caller). */
export function sample(prepared: PreparedExpression, points: readonly Point[]): Sampled {
  return { values: points.map((p) => evaluateReal(prepared.compiled, p)) };
}

/**
 * Compares a learner's expression with the answer's sampled values.
 * For equations, the two "lhs - rhs" must be proportional (x = 3 and 2x = 6 are the same equation).
 */
export function compareSampled(
  answer: Sampled,
  learner: PreparedExpression,
  points: readonly Point[],
  proportional: boolean,
): Equivalence {
  let agreeing = 0;
  let ratio: number | undefined;
  for (let i = 0; i < points.length; i++) {
    const a = answer.values[i];
    if (a === undefined) continue;
    const b = evaluateReal(learner.compiled, points[i]!);
    if (b === undefined) continue;
    if (proportional) {
      if (closeEnough(a, 0) || closeEnough(b, 0)) {
        if (!(closeEnough(a, 0) && closeEnough(b, 0))) return "different";
      } else {
        const r = b / a;
        if (ratio === undefined) ratio = r;
        else if (!closeEnough(r, ratio)) return "different";
      }
    } else if (!closeEnough(a, b)) {
      return "different";
    }
    agreeing++;
  }
  return agreeing >= 3 ? "equivalent" : "unknown";
}

/** Slow path for expressions that are undefined at most real points: ask mathjs to simplify the difference. */
export function symbolicallyEqual(a: MathNode, b: MathNode): boolean {
  try {
    const difference = math.simplify(new math.OperatorNode("-", "subtract", [a, b]));
    return difference.type === "ConstantNode" && (difference as unknown as { value: number }).value === 0;
  } catch {
    return false;
  }
}
