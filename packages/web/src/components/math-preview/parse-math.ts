/**
 * A small reader for what learners type as a maths answer (3/4, 2 3/4, -5, x^2 + 1, 2(x+3), sqrt(2), 12 ÷ 4), for the
 * live preview only: the server's checker (mathjs) decides what the answer means. It follows mathjs where the two
 * could disagree: implicit multiplication binds tighter than `/` (`1/2(x)` is 1/(2x)), except number/number before a
 * symbol (`1/2x` is ½x); a whole number, a space and a fraction is a mixed number (`2 3/4`), as the checker reads it.
 * Anything it cannot read gives `null`, and the preview shows the plain text.
 */

export type MathNode =
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "symbol"; readonly name: string }
  | { readonly kind: "mixed"; readonly whole: string; readonly numerator: string; readonly denominator: string }
  | { readonly kind: "negative"; readonly arg: MathNode }
  | { readonly kind: "binary"; readonly op: "+" | "-" | "×" | "÷"; readonly left: MathNode; readonly right: MathNode }
  | { readonly kind: "product"; readonly factors: readonly MathNode[] }
  | { readonly kind: "fraction"; readonly numerator: MathNode; readonly denominator: MathNode }
  | { readonly kind: "power"; readonly base: MathNode; readonly exponent: MathNode }
  | { readonly kind: "root"; readonly arg: MathNode }
  | { readonly kind: "function"; readonly name: string; readonly arg: MathNode }
  | { readonly kind: "group"; readonly body: MathNode }
  | { readonly kind: "percent"; readonly arg: MathNode };

type Token =
  | { type: "number"; text: string }
  | { type: "mixed"; whole: string; numerator: string; denominator: string }
  | { type: "symbol"; name: string }
  | { type: "function"; name: string }
  | { type: "op"; op: string };

/** Functions shown by name; `sqrt` (and √) is drawn as a root, `abs` between bars. */
const FUNCTIONS = new Set(["sqrt", "abs", "sin", "cos", "tan", "ln", "log", "exp"]);
const CONSTANTS = new Set(["pi"]);
const MAX_LENGTH = 200;
const MIXED = /^(\d+)[ \t]+(\d+)[ \t]*\/[ \t]*(\d+)(?![\d.]|[ \t]*[\^(])/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)/;

/** Unicode a learner's keyboard may produce, as the checker reads it. */
export function normalizeMathText(text: string): string {
  return text
    .replace(/[\u00BC-\u00BE\u2150-\u215E]/g, (c) => ` ${c.normalize("NFKC").replace("\u2044", "/")}`)
    .replace(/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, "-")
    .replace(/[\u00D7\u22C5\u00B7\u2219]/g, "*")
    .replace(/[\u2044\u2215]/g, "/")
    .replace(/\u00F7/g, "÷")
    .replace(/\u221A/g, " sqrt ")
    .trim();
}

function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  const operandBefore = () => {
    const last = tokens.at(-1);
    return last !== undefined && (last.type === "number" || last.type === "mixed" || last.type === "symbol" || (last.type === "op" && (last.op === ")" || last.op === "%")));
  };
  while (i < source.length) {
    const rest = source.slice(i);
    const ch = source[i]!;
    if (ch === " " || ch === "\t") {
      i++;
      continue;
    }
    const mixed = operandBefore() ? null : MIXED.exec(rest);
    if (mixed) {
      tokens.push({ type: "mixed", whole: mixed[1]!, numerator: mixed[2]!, denominator: mixed[3]! });
      i += mixed[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: "number", text: number[0] });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z]+/.exec(rest);
    if (word) {
      // A known function or constant by name; any other run of letters is one variable per letter (2xy = 2·x·y).
      let name = word[0];
      while (name.length > 0) {
        const known = [...FUNCTIONS, ...CONSTANTS].filter((f) => name.toLowerCase().startsWith(f)).sort((a, b) => b.length - a.length)[0];
        if (known) {
          tokens.push(FUNCTIONS.has(known) ? { type: "function", name: known } : { type: "symbol", name: known });
          name = name.slice(known.length);
        } else {
          tokens.push({ type: "symbol", name: name[0]! });
          name = name.slice(1);
        }
      }
      i += word[0].length;
      continue;
    }
    if ("+-*/÷^()[]%".includes(ch)) {
      tokens.push({ type: "op", op: ch === "[" ? "(" : ch === "]" ? ")" : ch });
      i++;
      continue;
    }
    return null;
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): MathNode | null {
    if (this.tokens.length === 0) return null;
    const node = this.sum();
    return this.at === this.tokens.length ? node : null;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isOp(op: string): boolean {
    const token = this.peek();
    return token?.type === "op" && token.op === op;
  }

  private expect(op: string) {
    if (!this.isOp(op)) throw new SyntaxError(`expected ${op}`);
    this.at++;
  }

  private sum(): MathNode {
    let left = this.product();
    while (this.isOp("+") || this.isOp("-")) {
      const op = (this.tokens[this.at++] as { op: "+" | "-" }).op;
      left = { kind: "binary", op, left, right: this.product() };
    }
    return left;
  }

  private product(): MathNode {
    let left = this.implicit();
    for (;;) {
      if (this.isOp("*") || this.isOp("÷")) {
        const op = this.isOp("*") ? "×" : "÷";
        this.at++;
        left = { kind: "binary", op, left, right: this.implicit() };
      } else if (this.isOp("/")) {
        this.at++;
        const right = this.implicit();
        // mathjs: number / number symbol is (number / number) · symbol.
        if (left.kind === "number" && right.kind === "product" && right.factors[0]!.kind === "number" && (right.factors[1]!.kind === "symbol" || right.factors[1]!.kind === "function" || right.factors[1]!.kind === "root")) {
          const [first, ...others] = right.factors;
          left = { kind: "product", factors: [{ kind: "fraction", numerator: left, denominator: first! }, ...others] };
        } else if (left.kind === "negative") {
          // -3/4 is shown as −¾, the sign before the bar, as it is printed in books.
          left = { kind: "negative", arg: { kind: "fraction", numerator: left.arg, denominator: right } };
        } else left = { kind: "fraction", numerator: left, denominator: right };
      } else return left;
    }
  }

  /** Juxtaposition: 2x, 2(x + 1), (a)(b), x sqrt(2). Two plain numbers side by side are not a product. */
  private implicit(): MathNode {
    const factors = [this.unary()];
    for (;;) {
      const next = this.peek();
      const startsOperand = next !== undefined && (next.type === "symbol" || next.type === "function" || (next.type === "op" && next.op === "(") || next.type === "number" || next.type === "mixed");
      if (!startsOperand) break;
      // A number after another factor (2 3, x 2) is more likely a slip than a product: shown as typed.
      if (next.type === "number" || next.type === "mixed") throw new SyntaxError("a number after a factor");
      factors.push(this.power());
    }
    return factors.length === 1 ? factors[0]! : { kind: "product", factors };
  }

  private unary(): MathNode {
    if (this.isOp("-")) {
      this.at++;
      return { kind: "negative", arg: this.unary() };
    }
    if (this.isOp("+")) {
      this.at++;
      return this.unary();
    }
    return this.power();
  }

  private power(): MathNode {
    const base = this.postfix();
    if (!this.isOp("^")) return base;
    this.at++;
    return { kind: "power", base, exponent: this.unary() };
  }

  private postfix(): MathNode {
    let node = this.primary();
    while (this.isOp("%")) {
      this.at++;
      node = { kind: "percent", arg: node };
    }
    return node;
  }

  private primary(): MathNode {
    const token = this.tokens[this.at++];
    if (!token) throw new SyntaxError("unexpected end");
    switch (token.type) {
      case "number":
        return { kind: "number", text: token.text };
      case "mixed":
        return { kind: "mixed", whole: token.whole, numerator: token.numerator, denominator: token.denominator };
      case "symbol":
        return { kind: "symbol", name: token.name };
      case "function": {
        // sqrt(x) or, as on a calculator, √x / sqrt 2.
        const arg = this.isOp("(") ? this.primary() : this.power();
        const inner = arg.kind === "group" ? arg.body : arg;
        return token.name === "sqrt" ? { kind: "root", arg: inner } : { kind: "function", name: token.name, arg: inner };
      }
      case "op":
        if (token.op === "(") {
          const body = this.sum();
          this.expect(")");
          return { kind: "group", body };
        }
        throw new SyntaxError(`unexpected ${token.op}`);
    }
  }
}

/** The structure of a typed answer, or null when it cannot be read (the preview then shows the text as typed). */
export function parseMath(text: string): MathNode | null {
  if (text.length > MAX_LENGTH) return null;
  const tokens = tokenize(normalizeMathText(text));
  if (!tokens) return null;
  try {
    return new Parser(tokens).parse();
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof RangeError) return null;
    throw error;
  }
}
