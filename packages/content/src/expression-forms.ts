// Checks of the written form of an expression already known to be equivalent to the answer.
// These are deliberately structural and lenient: they decide whether to say "equivalent, but the question asks
// for the factored form", so they only reject a form that clearly is not the requested one.
import type { MathNode } from "mathjs";
import type { ExpressionForm } from "./course-model.ts";
import { nodeCount } from "./math-expression.ts";

interface Op {
  fn: string;
  args: MathNode[];
}

function op(node: MathNode): Op | undefined {
  return node.type === "OperatorNode" ? (node as unknown as Op) : undefined;
}

function hasVariable(node: MathNode): boolean {
  let found = false;
  node.traverse((n) => {
    if (n.type === "SymbolNode" && !["pi", "e"].includes((n as unknown as { name: string }).name)) found = true;
  });
  return found;
}

function isSum(node: MathNode): boolean {
  const o = op(node);
  return o !== undefined && (o.fn === "add" || o.fn === "subtract");
}

function stripSign(node: MathNode): MathNode {
  const o = op(node);
  return o !== undefined && (o.fn === "unaryMinus" || o.fn === "unaryPlus") ? stripSign(o.args[0]!) : node;
}

/** Degree in all variables together, for polynomials; Infinity for anything else. */
function degree(node: MathNode): number {
  if (!hasVariable(node)) return 0;
  if (node.type === "SymbolNode") return 1;
  const o = op(node);
  if (o === undefined) return Infinity;
  switch (o.fn) {
    case "add":
    case "subtract":
      return Math.max(...o.args.map(degree));
    case "unaryMinus":
    case "unaryPlus":
      return degree(o.args[0]!);
    case "multiply":
      return o.args.map(degree).reduce((a, b) => a + b, 0);
    case "divide":
      return hasVariable(o.args[1]!) ? Infinity : degree(o.args[0]!);
    case "pow": {
      const exponent = o.args[1]!;
      const value = exponent.type === "ConstantNode" ? (exponent as unknown as { value: number }).value : NaN;
      return Number.isInteger(value) && value >= 0 ? degree(o.args[0]!) * value : Infinity;
    }
    default:
      return Infinity;
  }
}

export function isFactored(node: MathNode, answer: MathNode): boolean {
  const core = stripSign(node);
  if (!hasVariable(core) || core.type === "SymbolNode") return true;
  const o = op(core);
  if (o === undefined) return true;
  if (o.fn === "multiply") return o.args.some(hasVariable);
  if (o.fn === "pow") return hasVariable(o.args[0]!);
  if (o.fn === "divide") return isFactored(o.args[0]!, answer) && isFactored(o.args[1]!, answer);
  if (isSum(core)) {
    // A sum is "factored" only when it cannot be factored further: linear, or the answer itself is a sum.
    return degree(core) <= 1 || isSum(stripSign(answer));
  }
  return true;
}

export function isExpanded(node: MathNode): boolean {
  let expanded = true;
  node.traverse((n) => {
    const o = op(n);
    if (o === undefined) return;
    if (o.fn === "multiply" && o.args.filter((a) => isSum(stripSign(a)) && hasVariable(a)).length > 0) {
      expanded = false;
    }
    if (o.fn === "pow" && isSum(stripSign(o.args[0]!)) && hasVariable(o.args[0]!)) expanded = false;
  });
  return expanded;
}

function flattenSum(node: MathNode, out: MathNode[] = []): MathNode[] {
  const o = op(node);
  if (o !== undefined && (o.fn === "add" || o.fn === "subtract")) {
    flattenSum(o.args[0]!, out);
    flattenSum(o.args[1]!, out);
  } else {
    out.push(stripSign(node));
  }
  return out;
}

function flattenProduct(node: MathNode, out: MathNode[] = []): MathNode[] {
  const o = op(node);
  if (o !== undefined && o.fn === "multiply") {
    for (const a of o.args) flattenProduct(a, out);
  } else {
    out.push(stripSign(node));
  }
  return out;
}

function termSignature(term: MathNode): string {
  return flattenProduct(term)
    .filter(hasVariable)
    .map((f) => f.toString())
    .sort()
    .join("*");
}

function hasLikeTerms(node: MathNode): boolean {
  let like = false;
  node.traverse((n, _path, parent) => {
    if (!isSum(n) || (parent !== null && isSum(parent))) return;
    const signatures = flattenSum(n).map(termSignature);
    if (new Set(signatures).size < signatures.length) like = true;
  });
  return like;
}

/** An operation on constants alone (2 + 3, 4 * 5) that should have been worked out; a/b of integers is a fraction. */
function hasFoldableConstants(node: MathNode): boolean {
  let foldable = false;
  node.traverse((n) => {
    const o = op(n);
    if (o === undefined || hasVariable(n)) return;
    if (o.fn === "unaryMinus" || o.fn === "unaryPlus") return;
    if (o.fn === "divide" && o.args.every((a) => stripSign(a).type === "ConstantNode")) return;
    if (o.fn === "pow" || o.fn === "divide") {
      // 2^(1/2), 3/sqrt(2): irrational values written exactly are fine.
      if (o.args.some((a) => stripSign(a).type !== "ConstantNode")) return;
    }
    if (o.args.every((a) => stripSign(a).type === "ConstantNode")) foldable = true;
  });
  return foldable;
}

export function isSimplified(node: MathNode, answer: MathNode): boolean {
  if (hasLikeTerms(node) || hasFoldableConstants(node)) return false;
  return nodeCount(node) <= nodeCount(answer) + 2;
}

export function formProblem(form: ExpressionForm, node: MathNode, answer: MathNode): string | undefined {
  switch (form) {
    case "any":
      return undefined;
    case "factored":
      return isFactored(node, answer) ? undefined : "Equivalent, but the question asks for the factored form.";
    case "expanded":
      return isExpanded(node) ? undefined : "Equivalent, but the question asks for the expanded form (multiply out the brackets).";
    case "simplified":
      return isSimplified(node, answer) ? undefined : "Equivalent, but the question asks for the simplified form (combine like terms).";
  }
}
