// The mathjs instance used by item templates: the usual functions plus frac, mixed, tex_frac, tex_mixed and
// pick, with the functions that could reach outside an expression (import, createUnit, evaluate, parse,
// simplify, derivative, resolve, reviver) disabled, as mathjs's security guide recommends.
import { all, create, type EvalFunction, type MathNode } from "mathjs";

// `all` is typed as possibly undefined by mathjs; it is always present in the full bundle.
const templateMath = create(all!);
const parse = templateMath.parse.bind(templateMath);
const format = templateMath.format.bind(templateMath);

function integer(value: unknown, name: string): number {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n)) throw new Error(`${name} needs whole numbers, got ${String(value)}`);
  return n;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** Numerator and denominator in lowest terms, the sign on the numerator. */
export function reduce(n: unknown, d: unknown): [number, number] {
  let num = integer(n, "frac");
  let den = integer(d, "frac");
  if (den === 0) throw new Error("division by zero in a fraction");
  if (den < 0) [num, den] = [-num, -den];
  const g = gcd(num, den) || 1;
  return [num / g, den / g];
}

export function frac(n: unknown, d: unknown): string {
  const [num, den] = reduce(n, d);
  return den === 1 ? String(num) : `${num}/${den}`;
}

export function mixed(n: unknown, d: unknown): string {
  const [num, den] = reduce(n, d);
  if (den === 1) return String(num);
  const whole = Math.trunc(num / den);
  const rest = Math.abs(num % den);
  if (whole === 0) return `${num}/${den}`;
  return `${whole} ${rest}/${den}`;
}

export function texFrac(n: unknown, d: unknown): string {
  const [num, den] = reduce(n, d);
  if (den === 1) return String(num);
  return `${num < 0 ? "-" : ""}\\frac{${Math.abs(num)}}{${den}}`;
}

export function texMixed(n: unknown, d: unknown): string {
  const [num, den] = reduce(n, d);
  if (den === 1) return String(num);
  const whole = Math.trunc(num / den);
  const rest = Math.abs(num % den);
  if (whole === 0) return texFrac(num, den);
  return `${whole}\\frac{${rest}}{${den}}`;
}

function pick(index: unknown, ...options: unknown[]): unknown {
  const i = integer(index, "pick");
  if (i < 0 || i >= options.length) throw new Error(`pick(${i}, ...) has only ${options.length} options`);
  return options[i];
}

function disabled(name: string) {
  return () => {
    throw new Error(`${name} is not available in templates`);
  };
}

// mathjs's gcd/lcm/mod round through number formatting (splitNumber) and dominated template expansion time;
// on the plain integers templates use, these are exact and far faster.
function fastGcd(...args: unknown[]): number {
  return args.map((a) => integer(a, "gcd")).reduce((x, y) => gcd(x, y));
}
function fastLcm(...args: unknown[]): number {
  return args.map((a) => integer(a, "lcm")).reduce((x, y) => (x === 0 || y === 0 ? 0 : Math.abs((x / gcd(x, y)) * y)));
}
function fastMod(x: unknown, y: unknown): number {
  const a = Number(x);
  const b = Number(y);
  if (b === 0) return a;
  return ((a % b) + b) % b;
}

templateMath.import(
  {
    gcd: fastGcd,
    lcm: fastLcm,
    mod: fastMod,
    frac,
    mixed,
    tex_frac: texFrac,
    tex_mixed: texMixed,
    pick,
    import: disabled("import"),
    createUnit: disabled("createUnit"),
    evaluate: disabled("evaluate"),
    parse: disabled("parse"),
    simplify: disabled("simplify"),
    derivative: disabled("derivative"),
    resolve: disabled("resolve"),
    reviver: disabled("reviver"),
  },
  { override: true },
);

/** Compiles a template expression once; evaluate it many times with different scopes. */
export function compileTemplateExpression(expression: string): EvalFunction {
  return withLazyLogic(parse(expression)).compile();
}

/**
 * mathjs evaluates `and`/`or` through transforms that recompile their operands on every evaluation, which made
 * `where` constraints the main cost of expansion. `a and b` becomes `a ? b : false` and `a or b` becomes
 * `a ? true : b`: the same short-circuit meaning, compiled once.
 */
function withLazyLogic(node: MathNode): MathNode {
  return node.transform((n) => {
    if (n.type !== "OperatorNode") return n;
    const o = n as unknown as { fn: string; args: MathNode[] };
    if (o.fn !== "and" && o.fn !== "or") return n;
    const [a, b] = o.args.map(withLazyLogic) as [MathNode, MathNode];
    const asBoolean = (x: MathNode): MathNode => new templateMath.FunctionNode("boolean", [x]);
    return o.fn === "and"
      ? new templateMath.ConditionalNode(a, asBoolean(b), new templateMath.ConstantNode(false))
      : new templateMath.ConditionalNode(a, new templateMath.ConstantNode(true), asBoolean(b));
  });
}

/** Text for a value: numbers without floating-point noise (0.1 + 0.2 -> 0.3). */
export function formatTemplateValue(value: unknown): string {
  if (typeof value === "number") {
    // mathjs's format is slow (string splitting); integers are the common case and need no rounding.
    if (Number.isSafeInteger(value)) return String(value);
    if (Number.isFinite(value)) return String(Number(value.toPrecision(14)));
    return format(value, { precision: 14 });
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  return format(value as number, { precision: 14 });
}
