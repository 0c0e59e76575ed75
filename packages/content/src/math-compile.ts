// A tiny compiler and printer for the sanitized expression trees of math-expression.ts.
// mathjs's own compile/evaluate/toString handle units, matrices and typed dispatch, which made them most of the
// cost of an answer check; the whitelisted trees need only numbers and Math, so a closure is enough and many
// times faster. Values outside the reals (sqrt(-1)) come out as NaN, and such points are simply skipped.
import type { MathNode } from "mathjs";

export type NumericFunction = (scope: Readonly<Record<string, number>>) => number;

interface OperatorLike {
  fn: string;
  args: MathNode[];
}
interface FunctionLike {
  fn: { name: string };
  args: MathNode[];
}

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 170) return NaN;
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

function nthRoot(x: number, n = 2): number {
  // The real root: odd roots of negatives are negative (mathjs's nthRoot does the same).
  if (x < 0 && Number.isInteger(n) && Math.abs(n) % 2 === 1) return -Math.pow(-x, 1 / n);
  return Math.pow(x, 1 / n);
}

const FUNCTIONS: Record<string, (...args: number[]) => number> = {
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  nthRoot,
  abs: Math.abs,
  exp: Math.exp,
  log: (x, base) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)),
  log10: Math.log10,
  log2: Math.log2,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  sec: (x) => 1 / Math.cos(x),
  csc: (x) => 1 / Math.sin(x),
  cot: (x) => 1 / Math.tan(x),
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
};

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, Infinity };

export function compileNode(node: MathNode): NumericFunction {
  switch (node.type) {
    case "ConstantNode": {
      const value = (node as unknown as { value: number }).value;
      return () => value;
    }
    case "SymbolNode": {
      const name = (node as unknown as { name: string }).name;
      const constant = CONSTANTS[name];
      // A variable named like a constant (declared `e`) is read from the scope first.
      return (scope) => scope[name] ?? constant ?? NaN;
    }
    case "ParenthesisNode":
      return compileNode((node as unknown as { content: MathNode }).content);
    case "OperatorNode": {
      const o = node as unknown as OperatorLike;
      const [a, b] = o.args.map(compileNode);
      switch (o.fn) {
        case "add":
          return (s) => a!(s) + b!(s);
        case "subtract":
          return (s) => a!(s) - b!(s);
        case "multiply":
          return (s) => a!(s) * b!(s);
        case "divide":
          return (s) => a!(s) / b!(s);
        case "pow":
          return (s) => Math.pow(a!(s), b!(s));
        case "unaryMinus":
          return (s) => -a!(s);
        case "unaryPlus":
          return a!;
        case "factorial":
          return (s) => factorial(a!(s));
        default:
          throw new Error(`operator ${o.fn} cannot be compiled`);
      }
    }
    case "FunctionNode": {
      const f = node as unknown as FunctionLike;
      const fn = FUNCTIONS[f.fn.name];
      if (fn === undefined) throw new Error(`function ${f.fn.name} cannot be compiled`);
      const args = f.args.map(compileNode);
      if (args.length === 1) {
        const [x] = args;
        return (s) => fn(x!(s));
      }
      return (s) => fn(...args.map((g) => g(s)));
    }
    default:
      throw new Error(`${node.type} cannot be compiled`);
  }
}

const PRECEDENCE: Record<string, number> = { add: 1, subtract: 1, multiply: 2, divide: 2, unaryMinus: 3, unaryPlus: 3, pow: 4, factorial: 5 };
const SYMBOL: Record<string, string> = { add: "+", subtract: "-", multiply: "*", divide: "/", pow: "^" };

/** Canonical text with only the parentheses precedence needs: `2 * (x + 3)`. */
export function printNode(node: MathNode): string {
  switch (node.type) {
    case "ConstantNode":
      return String((node as unknown as { value: number }).value);
    case "SymbolNode":
      return (node as unknown as { name: string }).name;
    case "ParenthesisNode":
      return printNode((node as unknown as { content: MathNode }).content);
    case "FunctionNode": {
      const f = node as unknown as FunctionLike;
      return `${f.fn.name}(${f.args.map(printNode).join(", ")})`;
    }
    case "OperatorNode": {
      const o = node as unknown as OperatorLike;
      const p = PRECEDENCE[o.fn] ?? 0;
      const wrap = (child: MathNode, right: boolean): string => {
        const text = printNode(child);
        if (child.type !== "OperatorNode") return text;
        const cp = PRECEDENCE[(child as unknown as OperatorLike).fn] ?? 0;
        // Parenthesize lower precedence, and equal precedence on the non-associative side.
        const needs = cp < p || (cp === p && (o.fn === "pow" ? !right : right && (o.fn === "subtract" || o.fn === "divide")));
        return needs ? `(${text})` : text;
      };
      if (o.fn === "unaryMinus" || o.fn === "unaryPlus") return `${o.fn === "unaryMinus" ? "-" : "+"}${wrap(o.args[0]!, true)}`;
      if (o.fn === "factorial") return `${wrap(o.args[0]!, false)}!`;
      return `${wrap(o.args[0]!, false)} ${SYMBOL[o.fn] ?? o.fn} ${wrap(o.args[1]!, true)}`;
    }
    default:
      return node.toString();
  }
}
