// Turns what people type (or what authors wrote in LaTeX) into mathjs syntax:
// unicode operators, `$..$` wrappers, `\frac{a}{b}`, `\sqrt[n]{x}`, `\log_{b}(x)`, `\left( \right)`, `^{...}`.
// It is a small brace-aware rewriter, not a LaTeX engine: anything it does not know is kept as a plain word
// so mathjs can still report a sensible parse error.

const SUPERSCRIPTS: Record<string, string> = {
  "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-",
};

const UNICODE_REPLACEMENTS: [RegExp, string][] = [
  [/[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g, "-"],
  [/[\u00D7\u22C5\u00B7\u2219\u2217\u2715]/g, "*"],
  [/[\u00F7\u2215\u2044]/g, "/"],
  [/\u03C0/g, " pi "],
  [/\u221E/g, " Infinity "],
  [/[\u00A0\u2009\u202F\u2002\u2003]/g, " "],
  [/\*\*/g, "^"],
];

/** Words that stay function names; every other `\command` becomes its bare name. */
const WORD_COMMANDS = new Set([
  "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "exp", "pi",
]);

const SPACE_COMMANDS = new Set([",", ";", ":", "!", " ", "quad", "qquad", "displaystyle", "textstyle", "limits"]);

export function latexToMath(input: string): string {
  let s = input;
  for (const [from, to] of UNICODE_REPLACEMENTS) s = s.replace(from, to);
  // √x and √2 take the next token as their argument; √(x+1) is already a call.
  s = s.replace(/\u221A\s*([A-Za-z0-9.]+)/g, "sqrt($1)").replace(/\u221A/g, "sqrt");
  s = s.replace(/[\u00BC-\u00BE\u2150-\u215E]/g, (c) => `(${c.normalize("NFKC").replace("\u2044", "/")})`);
  // |x - 1| is an absolute value (innermost pairs first, so |a|·|b| works).
  s = s.replace(/\\(?:left|right|[bB]igg?[lr]?)\s*\|/g, "|");
  for (let previous = ""; previous !== s; ) {
    previous = s;
    s = s.replace(/\|([^|]+)\|/, "abs($1)");
  }
  s = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g, (run) => `^(${[...run].map((c) => SUPERSCRIPTS[c] ?? "").join("")})`);
  s = s.replace(/\$/g, " ");
  // mathjs reads 0x.., 0b.., 0o.. as hexadecimal, binary and octal literals; a learner means 0 times x.
  s = s.replace(/(^|[^\d.])0([xbo])/g, "$10*$2");
  if (!s.includes("\\") && !s.includes("{")) return s.trim();
  return new LatexRewriter(s).rewrite().trim();
}

class LatexRewriter {
  private pos = 0;
  constructor(private readonly src: string) {}

  rewrite(stopAt?: string): string {
    let out = "";
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (stopAt !== undefined && ch === stopAt) return out;
      if (ch === "\\") {
        out += this.command();
      } else if (ch === "{") {
        out += `(${this.group()})`;
      } else if (ch === "}") {
        // An unbalanced closing brace: drop it rather than fail.
        this.pos++;
      } else {
        out += ch;
        this.pos++;
      }
    }
    return out;
  }

  /** Reads `{...}` (returning its rewritten content) or a single token when there are no braces (`\frac12`). */
  private group(): string {
    this.skipSpaces();
    const ch = this.src[this.pos];
    if (ch === "{") {
      this.pos++;
      const inner = this.rewrite("}");
      this.pos++; // the closing brace
      return inner;
    }
    if (ch === "\\") return this.command();
    if (ch === undefined) return "";
    this.pos++;
    return ch;
  }

  private skipSpaces(): void {
    while (this.src[this.pos] === " ") this.pos++;
  }

  private readName(): string {
    const start = this.pos;
    if (!/[A-Za-z]/.test(this.src[this.pos] ?? "")) {
      this.pos++;
      return this.src.slice(start, this.pos);
    }
    while (/[A-Za-z]/.test(this.src[this.pos] ?? "")) this.pos++;
    return this.src.slice(start, this.pos);
  }

  private command(): string {
    this.pos++; // backslash
    const name = this.readName();
    switch (name) {
      case "frac":
      case "dfrac":
      case "tfrac": {
        const num = this.group();
        const den = this.group();
        return `((${num})/(${den}))`;
      }
      case "sqrt": {
        this.skipSpaces();
        if (this.src[this.pos] === "[") {
          this.pos++;
          const index = this.rewrite("]");
          this.pos++;
          return `nthRoot(${this.group()}, ${index})`;
        }
        return `sqrt(${this.group()})`;
      }
      case "left":
      case "right":
      case "bigl":
      case "bigr":
      case "Bigl":
      case "Bigr": {
        this.skipSpaces();
        const delim = this.src[this.pos];
        if (delim === ".") {
          this.pos++;
          return "";
        }
        if (delim === "\\") {
          const next = this.src[this.pos + 1];
          if (next === "{" || next === "}") {
            this.pos += 2;
            return next === "{" ? "(" : ")";
          }
        }
        return "";
      }
      case "{":
        return "(";
      case "}":
        return ")";
      case "cdot":
      case "times":
      case "ast":
        return "*";
      case "div":
        return "/";
      case "ln":
        return " ln";
      case "log":
        return this.logarithm();
      case "infty":
        return " Infinity ";
      case "text":
      case "mathrm":
      case "operatorname":
      case "mathit":
      case "mathbf":
        return ` ${this.group()} `;
      case "%":
        return "%";
      default:
        if (SPACE_COMMANDS.has(name)) return " ";
        if (WORD_COMMANDS.has(name)) return ` ${name}`;
        return ` ${name} `;
    }
  }

  /** `\log_{b}(x)` -> `log((x), (b))`; `\log(x)` -> `log10(x)` (school convention: log is base 10). */
  private logarithm(): string {
    this.skipSpaces();
    if (this.src[this.pos] !== "_") return " log10";
    this.pos++;
    const base = this.group();
    this.skipSpaces();
    let arg: string;
    if (this.src.startsWith("\\left", this.pos) || this.src[this.pos] === "(") {
      arg = this.parenthesised();
    } else {
      arg = this.group();
    }
    return ` log((${arg}), (${base}))`;
  }

  /** Reads a balanced `( ... )` (possibly written `\left( ... \right)`) and returns its rewritten inside. */
  private parenthesised(): string {
    const start = this.pos;
    let depth = 0;
    let end = -1;
    for (let i = this.pos; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === "(") depth++;
      else if (c === ")") {
        depth--;
        if (depth === 0) {
          end = i;
          break;
        }
      }
    }
    if (end < 0) return this.group();
    const inner = this.src.slice(start, end + 1);
    this.pos = end + 1;
    return new LatexRewriter(inner).rewrite();
  }
}
