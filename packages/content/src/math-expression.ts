// Parses a learner's (or author's) expression into a safe mathjs tree.
// Only numbers, the allowed variables, a few constants, arithmetic operators and a whitelist of functions
// survive: learner input is evaluated, so nothing else (assignment, imports, matrices, strings) may get through.
import { all, create, type MathNode } from "mathjs";
import { latexToMath } from "./math-latex.ts";

// `all` is typed as possibly undefined by mathjs; it is always present in the full bundle.
export const math = create(all!);

const ALLOWED_FUNCTIONS: Record<string, string> = {
  sqrt: "sqrt", nthRoot: "nthRoot", abs: "abs", exp: "exp", ln: "log", log10: "log10", log2: "log2",
  sin: "sin", cos: "cos", tan: "tan", sec: "sec", csc: "csc", cot: "cot",
  asin: "asin", acos: "acos", atan: "atan", arcsin: "asin", arccos: "acos", arctan: "atan",
  sinh: "sinh", cosh: "cosh", tanh: "tanh", cbrt: "cbrt",
};
const CONSTANTS = new Set(["pi", "e", "Infinity"]);
const ALLOWED_OPERATORS = new Set(["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus", "factorial"]);

/** Unreadable input. Learners' typos are routine, not exceptional: no stack trace is captured (it costs ~10 µs). */
export class MathInputError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

export interface ParsedExpression {
  node: MathNode;
  /** Free variables, sorted. */
  variables: string[];
}

export interface ParseOptions {
  /**
   * The variables the expression may use. When given, a run of letters such as `xy` is split into `x*y`, and
   * `x(x+1)` is read as multiplication. When omitted (parsing an author's answer), every unknown word is a variable.
   */
  variables?: readonly string[];
}

/** Converts raw text to mathjs syntax (unicode, LaTeX-ish) and parses it safely. Throws MathInputError. */
export function parseMathInput(text: string, options: ParseOptions = {}): ParsedExpression {
  const source = latexToMath(text);
  if (source.trim() === "") throw new MathInputError("the answer is empty");
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (error) {
    throw new MathInputError(`could not read "${text}": ${(error as Error).message}`);
  }
  const variables = new Set<string>();
  const safe = sanitize(node, options.variables, variables);
  return { node: safe, variables: [...variables].sort() };
}

function sanitize(node: MathNode, allowed: readonly string[] | undefined, found: Set<string>): MathNode {
  const recurse = (child: MathNode): MathNode => sanitize(child, allowed, found);
  switch (node.type) {
    case "ConstantNode": {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== "number") throw new MathInputError(`unexpected value "${String(value)}"`);
      return node;
    }
    case "ParenthesisNode":
      return recurse((node as unknown as { content: MathNode }).content);
    case "OperatorNode": {
      const op = node as unknown as { fn: string; op: string; args: MathNode[] };
      if (!ALLOWED_OPERATORS.has(op.fn)) throw new MathInputError(`the operator "${op.op}" is not allowed here`);
      const base = op.args[0]!;
      if (op.fn === "pow" && base.type === "SymbolNode") {
        // `xy^2` is x·y², not (xy)²: a power binds to the last letter of a split run of letters.
        const product = symbol((base as unknown as { name: string }).name, allowed, found);
        const factors = flattenProduct(product);
        const last = new math.OperatorNode("^", "pow", [factors.pop()!, recurse(op.args[1]!)]);
        return [...factors, last].reduce((a, b) => new math.OperatorNode("*", "multiply", [a, b]));
      }
      return new math.OperatorNode(op.op as "+", op.fn as "add", op.args.map(recurse));
    }
    case "SymbolNode":
      return symbol((node as unknown as { name: string }).name, allowed, found);
    case "FunctionNode": {
      const fn = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = fn.fn.type === "SymbolNode" ? (fn.fn as unknown as { name: string }).name : "";
      const args = fn.args.map(recurse);
      if (name === "log") {
        // School convention: log(x) is base 10, log(x, b) is base b; `ln` is the natural logarithm.
        return args.length === 1 ? new math.FunctionNode("log10", args) : new math.FunctionNode("log", args);
      }
      const mapped = ALLOWED_FUNCTIONS[name];
      if (mapped !== undefined && !(allowed?.includes(name) ?? false)) return new math.FunctionNode(mapped, args);
      // `x(x+1)` or `ab(c+1)` is multiplication, not a call.
      if (args.length === 1 && name !== "") {
        return new math.OperatorNode("*", "multiply", [symbol(name, allowed, found), args[0]!]);
      }
      throw new MathInputError(`unknown function "${name}"`);
    }
    default:
      throw new MathInputError(`unexpected "${node.toString()}"`);
  }
}

function symbol(name: string, allowed: readonly string[] | undefined, found: Set<string>): MathNode {
  if (allowed === undefined && name.length > 1 && !CONSTANTS.has(name) && /^[A-Za-z]+$/.test(name)) {
    // Inferring variables from an author's answer: `xy` in `\frac{xy}{z}` is x times y, by the usual convention
    // (declare `variables:` to use longer names).
    return symbol(name, [...name], found);
  }
  if (allowed === undefined || allowed.includes(name)) {
    if (!CONSTANTS.has(name) || allowed?.includes(name)) found.add(name);
    return new math.SymbolNode(name);
  }
  if (CONSTANTS.has(name)) return new math.SymbolNode(name);
  // X for x: accepted when the other case is a variable and this one is not (a capital is not a new variable).
  const otherCase = allowed.filter((v) => v.toLowerCase() === name.toLowerCase());
  if (otherCase.length === 1) return symbol(otherCase[0]!, allowed, found);
  const parts = splitWord(name, allowed);
  if (parts === undefined) throw new MathInputError(`unknown symbol "${name}"`);
  for (const part of parts) if (!CONSTANTS.has(part) || allowed.includes(part)) found.add(part);
  return parts
    .map((part): MathNode => new math.SymbolNode(part))
    .reduce((a, b) => new math.OperatorNode("*", "multiply", [a, b]));
}

function flattenProduct(node: MathNode): MathNode[] {
  const o = node as unknown as { type: string; fn?: string; args?: MathNode[] };
  if (o.type === "OperatorNode" && o.fn === "multiply" && o.args !== undefined) return o.args.flatMap(flattenProduct);
  return [node];
}

/** Splits `xy` or `2pix`-style runs of letters into known variables and constants (longest match first). */
function splitWord(word: string, allowed: readonly string[]): string[] | undefined {
  const vocabulary = [...allowed, "pi", "e"].sort((a, b) => b.length - a.length);
  const parts: string[] = [];
  let rest = word;
  while (rest.length > 0) {
    const match = vocabulary.find((v) => rest.startsWith(v));
    if (match === undefined) return undefined;
    parts.push(match);
    rest = rest.slice(match.length);
  }
  return parts;
}

/** Counts nodes: a crude but stable measure of how simple an expression is written. */
export function nodeCount(node: MathNode): number {
  let count = 0;
  node.traverse(() => {
    count++;
  });
  return count;
}
