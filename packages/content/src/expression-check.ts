// Checks expression answers: algebraic equivalence first, then the required form.
// Everything derived from the item (parsed answer, evaluation points, the answer's values there, parsed
// misconceptions) is computed once per item and cached, so a check costs one parse and a few evaluations.
import type { ExpressionAnswer } from "./course-model.ts";
import { InvalidItemError, type CheckResult } from "./check-result.ts";
import {
  compareSampled,
  evaluationPoints,
  prepareExpression,
  sample,
  symbolicallyEqual,
  type Equivalence,
  type Point,
  type PreparedExpression,
} from "./expression-equivalence.ts";
import { formProblem } from "./expression-forms.ts";
import { printNode } from "./math-compile.ts";
import { MathInputError, nodeCount } from "./math-expression.ts";

const MAX_SYMBOLIC_NODES = 60;

interface Target {
  expression: PreparedExpression;
  points: Point[];
  values: ReturnType<typeof sample>;
  /** Points restricted to positive values, for expressions such as log(x) or sqrt(x); computed on demand. */
  positive?: { points: Point[]; values: ReturnType<typeof sample> };
}

interface PreparedExpressionItem {
  variables: string[];
  answer: Target;
  /** For `x = 3`: the value alone, so answering `3` is accepted. */
  answerValue?: Target;
  misconceptions: { id: string; target: Target; feedback: string }[];
}

const cache = new WeakMap<ExpressionAnswer, PreparedExpressionItem>();

function target(expression: PreparedExpression, variables: string[]): Target {
  const points = evaluationPoints(variables, expression.text);
  return { expression, points, values: sample(expression, points) };
}

function prepare(spec: ExpressionAnswer): PreparedExpressionItem {
  let p = cache.get(spec);
  if (p !== undefined) return p;
  let expression: PreparedExpression;
  try {
    expression = prepareExpression(spec.answer, spec.variables.length > 0 ? spec.variables : undefined);
  } catch (error) {
    throw new InvalidItemError(`the answer "${spec.answer}" cannot be read: ${(error as Error).message}`);
  }
  const variables = spec.variables.length > 0 ? [...spec.variables] : expression.parsed.variables;
  const answer = target(expression, variables);
  const answerValue = expression.value === undefined ? undefined : target(expression.value, variables);
  const misconceptions = spec.misconceptions.flatMap((m, i) => {
    try {
      return [{ id: m.id ?? `m${i + 1}`, target: target(prepareExpression(m.match, variables), variables), feedback: m.feedback }];
    } catch {
      return []; // reported by the validator
    }
  });
  p = { variables, answer, answerValue, misconceptions };
  cache.set(spec, p);
  return p;
}

function compare(t: Target, learner: PreparedExpression, variables: string[]): Equivalence {
  const proportional = t.expression.isEquation && learner.isEquation;
  if (t.expression.isEquation !== learner.isEquation) return "different";
  let result = compareSampled(t.values, learner, t.points, proportional);
  if (result !== "unknown") return result;
  t.positive ??= (() => {
    const points = evaluationPoints(variables, t.expression.text, 12, true);
    return { points, values: sample(t.expression, points) };
  })();
  result = compareSampled(t.positive.values, learner, t.positive.points, proportional);
  if (result !== "unknown") return result;
  // simplify costs milliseconds and grows fast with size: only small expressions get the symbolic fallback.
  if (proportional || nodeCount(learner.parsed.node) > MAX_SYMBOLIC_NODES) return "unknown";
  return symbolicallyEqual(t.expression.parsed.node, learner.parsed.node) ? "equivalent" : "unknown";
}

function matches(t: Target, learner: PreparedExpression, variables: string[]): boolean {
  return compare(t, learner, variables) === "equivalent";
}

/**
 * "y = 2x + 3" or "f(x) = 2x + 3" answers "2x + 3": when the answer is not an equation, a learner naming the
 * result (with a name that is not one of the variables) is giving the same answer.
 */
function withoutNamedLeftSide(raw: string, p: PreparedExpressionItem): string {
  if (p.answer.expression.isEquation) return raw;
  const m = /^\s*([A-Za-z]\w*)(\s*\(\s*[A-Za-z]\w*\s*\))?\s*=(?!=)([^=]+)$/.exec(raw);
  if (m === null || p.variables.includes(m[1]!)) return raw;
  return m[3]!;
}

export function checkExpression(spec: ExpressionAnswer, raw: string): CheckResult {
  const p = prepare(spec);
  let learner: PreparedExpression;
  try {
    learner = prepareExpression(withoutNamedLeftSide(raw, p), p.variables);
  } catch (error) {
    const reason = error instanceof MathInputError ? error.message : "it could not be read";
    return { correct: false, normalized: raw.trim(), feedback: `Check your answer: ${reason}.` };
  }
  const normalized = learner.isEquation ? `${printNode(learner.parsed.node)} = 0` : printNode(learner.parsed.node);
  let equivalent = matches(p.answer, learner, p.variables);
  let formTarget = p.answer.expression;
  if (!equivalent && p.answerValue !== undefined && !learner.isEquation) {
    equivalent = matches(p.answerValue, learner, p.variables);
    formTarget = p.answerValue.expression;
  }
  if (equivalent) {
    const note = formProblem(spec.form, learner.parsed.node, formTarget.parsed.node);
    return note === undefined ? { correct: true, normalized } : { correct: false, normalized, formNote: note };
  }
  for (const m of p.misconceptions) {
    if (matches(m.target, learner, p.variables)) {
      return { correct: false, normalized, feedback: m.feedback, misconceptionId: m.id };
    }
  }
  return { correct: false, normalized };
}
