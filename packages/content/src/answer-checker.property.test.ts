import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAnswer } from "./answer-checker.ts";
import type { ExpressionAnswer, NumericAnswer } from "./course-model.ts";

const numeric = (answer: string): NumericAnswer => ({ type: "numeric", answer, units: [], form: "any", misconceptions: [] });
const expression = (answer: string, form: ExpressionAnswer["form"] = "any"): ExpressionAnswer => ({
  type: "expression", answer, variables: ["x"], form, misconceptions: [],
});
const signed = (n: number): string => (n < 0 ? `(${n})` : String(n));

type Tree = { leaf: string } | { op: "+" | "-" | "*"; a: Tree; b: Tree } | { op: "^"; a: Tree };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("x", "1", "2", "3", "5", "7").map((leaf): Tree => ({ leaf })),
    fc.record({ op: fc.constantFrom("+" as const, "-" as const, "*" as const), a: tie("tree"), b: tie("tree") }),
    fc.record({ op: fc.constant("^" as const), a: tie("tree") }),
  ),
})).tree;

/** Fully parenthesized, explicit operators: the author's answer. */
function canonical(t: Tree): string {
  if ("leaf" in t) return t.leaf;
  if (t.op === "^") return `(${canonical(t.a)})^2`;
  return `(${canonical(t.a)} ${t.op} ${canonical(t.b)})`;
}

/** The same tree as a learner might type it: operands of + and * swapped, ×, ·, implicit products, ². */
function rewritten(t: Tree, choices: () => number): string {
  if ("leaf" in t) return t.leaf;
  if (t.op === "^") return choices() < 0.5 ? `(${rewritten(t.a, choices)})²` : `(${rewritten(t.a, choices)})^(2)`;
  let [a, b] = [rewritten(t.a, choices), rewritten(t.b, choices)];
  if (t.op !== "-" && choices() < 0.5) [a, b] = [b, a];
  if (t.op !== "*") return `(${a} ${t.op === "-" ? "−" : "+"} ${b})`;
  const style = choices();
  if (style < 0.33) return `(${a} × ${b})`;
  if (style < 0.66) return `(${a}·${b})`;
  // Implicit multiplication, as long as it cannot glue two numbers together.
  return /^\d/.test(b) ? `(${a} * ${b})` : `(${a})${b.startsWith("(") ? "" : " "}${b}`;
}

describe("checker properties", () => {
  it("accepts any rewriting of an expression that commutes, changes notation or drops multiplication signs", () => {
    fc.assert(
      fc.property(tree, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }), (t, randoms) => {
        let i = 0;
        const choices = () => randoms[i++ % randoms.length]!;
        const item = expression(canonical(t));
        const response = rewritten(t, choices);
        expect(checkAnswer(item, response), `${canonical(t)} vs ${response}`).toMatchObject({ correct: true });
      }),
      { numRuns: 400 },
    );
  });

  it("accepts a fraction answer written as any equivalent fraction, mixed number or decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 9 }), (n, d, k) => {
        const item = numeric(`${n}/${d}`);
        expect(checkAnswer(item, `${n * k}/${d * k}`).correct).toBe(true);
        const whole = Math.trunc(n / d);
        const rest = Math.abs(n % d);
        if (whole !== 0 && rest !== 0) expect(checkAnswer(item, `${whole} ${rest}/${d}`).correct).toBe(true);
        // Terminating decimals (denominators of the form 2^a 5^b) written out exactly.
        if ([1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 40].includes(d)) expect(checkAnswer(item, String(n / d)).correct).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects any fraction that differs from the answer", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (n, d, e) => {
        const item = numeric(`${n}/${d}`);
        expect(checkAnswer(item, `${n * e + 1}/${d * e}`).correct).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts the expanded form of a factored quadratic and any reordering of its terms", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -9, max: 9 }).filter((a) => a !== 0),
        fc.integer({ min: -9, max: 9 }),
        fc.integer({ min: -9, max: 9 }),
        fc.boolean(),
        (a, b, c, reverse) => {
          const item = expression(`${signed(a)}(x+${signed(b)})(x+${signed(c)})`);
          const terms = [`${a}x^2`, `${a * (b + c)}x`, `${a * b * c}`];
          if (reverse) terms.reverse();
          expect(checkAnswer(item, terms.join(" + ")).correct).toBe(true);
          expect(checkAnswer(item, `(x+${signed(c)})*${signed(a)}*(${signed(b)}+x)`).correct).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects a quadratic whose constant term is off by one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -9, max: 9 }), fc.integer({ min: -9, max: 9 }), (a, b, c) => {
        const item = expression(`${a}(x+${signed(b)})(x+${signed(c)})`);
        expect(checkAnswer(item, `${a}x^2 + ${a * (b + c)}x + ${a * b * c + 1}`).correct).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
