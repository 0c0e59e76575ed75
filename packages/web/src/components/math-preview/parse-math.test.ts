import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderMath } from "./math-preview.tsx";
import { type MathNode, parseMath } from "./parse-math.ts";

/** A compact, readable form of the tree: (fraction 3 4), (mixed 2 3 4), (× a b). */
function show(node: MathNode | null): string {
  if (node === null) return "null";
  switch (node.kind) {
    case "number":
      return node.text;
    case "symbol":
      return node.name;
    case "mixed":
      return `(mixed ${node.whole} ${node.numerator} ${node.denominator})`;
    case "negative":
      return `(- ${show(node.arg)})`;
    case "binary":
      return `(${node.op} ${show(node.left)} ${show(node.right)})`;
    case "product":
      return `(· ${node.factors.map(show).join(" ")})`;
    case "fraction":
      return `(fraction ${show(node.numerator)} ${show(node.denominator)})`;
    case "power":
      return `(^ ${show(node.base)} ${show(node.exponent)})`;
    case "root":
      return `(sqrt ${show(node.arg)})`;
    case "function":
      return `(${node.name} ${show(node.arg)})`;
    case "group":
      return `[${show(node.body)}]`;
    case "percent":
      return `(% ${show(node.arg)})`;
  }
}

const read = (text: string) => show(parseMath(text));

describe("reading a typed maths answer", () => {
  it.each([
    ["3", "3"],
    ["0.75", "0.75"],
    [".5", ".5"],
    ["3/4", "(fraction 3 4)"],
    [" 3 / 4 ", "(fraction 3 4)"],
    ["-3/4", "(- (fraction 3 4))"],
    ["-3/4 + 1", "(+ (- (fraction 3 4)) 1)"],
    ["-5", "(- 5)"],
    ["2 3/4", "(mixed 2 3 4)"],
    ["-2 3/4", "(- (mixed 2 3 4))"],
    ["1 1/2 + 2 3/4", "(+ (mixed 1 1 2) (mixed 2 3 4))"],
    ["1½", "(mixed 1 1 2)"],
    ["x^2 + 1", "(+ (^ x 2) 1)"],
    ["2^-3", "(^ 2 (- 3))"],
    ["2^3^2", "(^ 2 (^ 3 2))"],
    ["-2^2", "(- (^ 2 2))"],
    ["(3/4)^2", "(^ [(fraction 3 4)] 2)"],
    ["sqrt(16)", "(sqrt 16)"],
    ["√2", "(sqrt 2)"],
    ["sqrt(x+1)/2", "(fraction (sqrt (+ x 1)) 2)"],
    ["2(x+3)", "(· 2 [(+ x 3)])"],
    ["2x^2", "(· 2 (^ x 2))"],
    ["xy", "(· x y)"],
    ["3 × 4", "(× 3 4)"],
    ["3*4", "(× 3 4)"],
    ["12 ÷ 4", "(÷ 12 4)"],
    ["5 − 2", "(- 5 2)"],
    ["(1 + 2)/(3 - 4)", "(fraction [(+ 1 2)] [(- 3 4)])"],
    ["[1 + 2] * 3", "(× [(+ 1 2)] 3)"],
    ["1/2x", "(· (fraction 1 2) x)"],
    ["1/2(x+1)", "(fraction 1 (· 2 [(+ x 1)]))"],
    ["a/b/c", "(fraction (fraction a b) c)"],
    ["2*pi", "(× 2 pi)"],
    ["50%", "(% 50)"],
    ["abs(-3)", "(abs (- 3))"],
  ])("reads %j as %s", (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each(["", "   ", "3/", "(1 + 2", "1 + 2)", "2 3", "3 ** 4", "1,5", "x = 3", "3 & 4", "a".repeat(201)])("gives up on %j (the text is shown as typed)", (text) => {
    expect(parseMath(text)).toBeNull();
  });
});

describe("drawing it in MathML", () => {
  const mathml = (text: string) => renderToStaticMarkup(renderMath(parseMath(text)!) as React.ReactElement);

  it("stacks a fraction", () => {
    expect(mathml("3/4")).toBe("<mfrac><mrow><mn>3</mn></mrow><mrow><mn>4</mn></mrow></mfrac>");
  });

  it("writes a mixed number as a whole number beside a fraction", () => {
    expect(mathml("2 3/4")).toBe("<mrow><mn>2</mn><mfrac><mn>3</mn><mn>4</mn></mfrac></mrow>");
  });

  it("drops grouping parentheses under a fraction bar and in an exponent, keeps them elsewhere", () => {
    expect(mathml("(x+1)/2")).toBe("<mfrac><mrow><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></mrow><mrow><mn>2</mn></mrow></mfrac>");
    expect(mathml("2^(n+1)")).toBe("<msup><mrow><mn>2</mn></mrow><mrow><mrow><mi>n</mi><mo>+</mo><mn>1</mn></mrow></mrow></msup>");
    expect(mathml("2(x)")).toBe("<mrow><mn>2</mn><mo>\u2062</mo><mrow><mo>(</mo><mi>x</mi><mo>)</mo></mrow></mrow>");
  });

  it("uses a true minus sign and the times sign", () => {
    expect(mathml("-3*4")).toBe("<mrow><mrow><mo>−</mo><mn>3</mn></mrow><mo>×</mo><mn>4</mn></mrow>");
  });
});
