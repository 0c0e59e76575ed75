import { describe, expect, it } from "vitest";
import { checkAnswer } from "./answer-checker.ts";
import type { ExpressionAnswer, FillInAnswer, NumericAnswer, ShortTextAnswer } from "./course-model.ts";

function numeric(answer: string, extra: Partial<NumericAnswer> = {}): NumericAnswer {
  return { type: "numeric", answer, units: [], form: "any", misconceptions: [], ...extra };
}
function expression(answer: string, extra: Partial<ExpressionAnswer> = {}): ExpressionAnswer {
  return { type: "expression", answer, variables: [], form: "any", misconceptions: [], ...extra };
}
function shortText(answers: string[], extra: Partial<ShortTextAnswer> = {}): ShortTextAnswer {
  return { type: "short-text", answers, caseSensitive: false, accents: "lenient", misconceptions: [], ...extra };
}

describe("numeric answers", () => {
  const threeQuarters = numeric("3/4");
  it.each(["3/4", "6/8", "0.75", ".75", " 3 / 4 ", "$\\frac{3}{4}$", "\\frac{6}{8}", "75/100", "0.750"])(
    "accepts %s for 3/4",
    (input) => expect(checkAnswer(threeQuarters, input).correct).toBe(true),
  );
  it.each(["4/3", "0.7", "3", "", "three quarters"])("rejects %s for 3/4", (input) =>
    expect(checkAnswer(threeQuarters, input).correct).toBe(false),
  );
  it("reads mixed numbers written with a space or a hyphen", () => {
    const item = numeric("3/2");
    expect(checkAnswer(item, "1 1/2").correct).toBe(true);
    expect(checkAnswer(item, "1-1/2").correct).toBe(true);
    expect(checkAnswer(numeric("-1 1/2"), "-3/2").correct).toBe(true);
  });
  it("reads negatives with a unicode minus, thousands separators and spaces", () => {
    expect(checkAnswer(numeric("-12"), "−12").correct).toBe(true);
    expect(checkAnswer(numeric("1234567.5"), "1,234,567.5").correct).toBe(true);
    expect(checkAnswer(numeric("-3/4"), "3/-4").correct).toBe(true);
    expect(checkAnswer(numeric("-3/4"), "- 3/4").correct).toBe(true);
  });
  it("applies the tolerance", () => {
    const item = numeric("3.14159", { tolerance: 0.01 });
    expect(checkAnswer(item, "3.14").correct).toBe(true);
    expect(checkAnswer(item, "3.1").correct).toBe(false);
  });
  it("treats units as optional and accepts any listed alternative", () => {
    const item = numeric("12", { units: ["cm", "centimetres"] });
    expect(checkAnswer(item, "12").correct).toBe(true);
    expect(checkAnswer(item, "12 cm").correct).toBe(true);
    expect(checkAnswer(item, "12cm").correct).toBe(true);
    expect(checkAnswer(item, "12 centimetres").correct).toBe(true);
    const wrongUnit = checkAnswer(item, "12 m");
    expect(wrongUnit.correct).toBe(false);
    expect(wrongUnit.feedback).toMatch(/cm/);
  });
  it("ignores a trailing word when the item has no unit", () => {
    expect(checkAnswer(numeric("12"), "12 cookies").correct).toBe(true);
  });
  it("explains an equivalent answer that is not in lowest terms", () => {
    const result = checkAnswer(numeric("3/4", { form: "lowest-terms" }), "6/8");
    expect(result.correct).toBe(false);
    expect(result.formNote).toMatch(/lowest terms/);
    expect(checkAnswer(numeric("3/4", { form: "lowest-terms" }), "3/4").correct).toBe(true);
  });
  it("asks for a mixed number when the form requires one", () => {
    const item = numeric("3/2", { form: "mixed-number" });
    expect(checkAnswer(item, "1 1/2").correct).toBe(true);
    expect(checkAnswer(item, "3/2").formNote).toMatch(/mixed number/);
    expect(checkAnswer(numeric("1/2", { form: "mixed-number" }), "1/2").correct).toBe(true);
  });
  it("checks decimal and improper-fraction forms", () => {
    expect(checkAnswer(numeric("0.5", { form: "decimal" }), "1/2").formNote).toMatch(/decimal/);
    expect(checkAnswer(numeric("0.5", { form: "decimal" }), "0.50").correct).toBe(true);
    expect(checkAnswer(numeric("3/2", { form: "improper-fraction" }), "1 1/2").formNote).toMatch(/improper/);
    expect(checkAnswer(numeric("3/2", { form: "improper-fraction" }), "6/4").correct).toBe(true);
  });
  it("matches a misconception with the same checker", () => {
    const item = numeric("7/12", { misconceptions: [{ match: "2/7", feedback: "You added the denominators." }] });
    const result = checkAnswer(item, "4/14");
    expect(result).toMatchObject({ correct: false, feedback: "You added the denominators.", misconceptionId: "m1" });
  });
});

describe("expression answers", () => {
  const factoredAnswer = expression("2(x+3)");
  it.each(["2(x+3)", "2x+6", "6+2x", "2*x + 6", "(x+3)*2", "2 × (x + 3)", "x+x+6", "2\\cdot(x+3)", "\\left(x+3\\right)2"])(
    "accepts %s for 2(x+3)",
    (input) => expect(checkAnswer(factoredAnswer, input).correct).toBe(true),
  );
  it.each(["2x+3", "x+6", "2(x-3)", "2y+6", "", "2(x+"])("rejects %s for 2(x+3)", (input) =>
    expect(checkAnswer(factoredAnswer, input).correct).toBe(false),
  );
  it("handles powers, implicit multiplication and LaTeX fractions", () => {
    expect(checkAnswer(expression("x^2+2x+1"), "(x+1)^2").correct).toBe(true);
    expect(checkAnswer(expression("x^2+2x+1"), "(x+1)²").correct).toBe(true);
    expect(checkAnswer(expression("x/2"), "\\frac{1}{2}x").correct).toBe(true);
    expect(checkAnswer(expression("x/2"), "x÷2").correct).toBe(true);
    expect(checkAnswer(expression("x(x+1)"), "x^2+x").correct).toBe(true);
    expect(checkAnswer(expression("x*y"), "yx").correct).toBe(true);
    expect(checkAnswer(expression("-x"), "−x").correct).toBe(true);
  });
  it("reads a power after a run of letters as binding to the last letter (xy^2 is x·y²)", () => {
    const item = expression("3x^2y - 2xy^2");
    expect(checkAnswer(item, "3x^2 y - 2x y^2").correct).toBe(true);
    expect(checkAnswer(item, "xy(3x-2y)").correct).toBe(true);
    expect(checkAnswer(item, "3yx^2-2xy^2").correct).toBe(true);
    expect(checkAnswer(item, "3x^2y - 2(xy)^2").correct).toBe(false);
  });
  it("handles expressions only defined for positive values", () => {
    expect(checkAnswer(expression("log(x)+log(y)", { variables: ["x", "y"] }), "log(xy)").correct).toBe(true);
    expect(checkAnswer(expression("\\sqrt{x^2+1}"), "(x^2+1)^(1/2)").correct).toBe(true);
    expect(checkAnswer(expression("2\\log_{3}\\left(x\\right)"), "log(x^2, 3)").correct).toBe(true);
  });
  it("falls back to symbolic simplification for expressions undefined at every real point", () => {
    expect(checkAnswer(expression("sqrt(-x^2-1)"), "sqrt(-1-x^2)").correct).toBe(true);
    expect(checkAnswer(expression("sqrt(-x^2-1)"), "sqrt(-x^2-2)").correct).toBe(false);
  });
  it("accepts the value alone or the equation for an answer written x = value", () => {
    const item = expression("x=13");
    expect(checkAnswer(item, "13").correct).toBe(true);
    expect(checkAnswer(item, "x = 13").correct).toBe(true);
    expect(checkAnswer(item, "13 = x").correct).toBe(true);
    expect(checkAnswer(item, "12").correct).toBe(false);
  });
  it("explains an equivalent answer that is not factored", () => {
    const item = expression("(x+1)(x-1)", { form: "factored" });
    expect(checkAnswer(item, "(x-1)(x+1)").correct).toBe(true);
    const result = checkAnswer(item, "x^2-1");
    expect(result.correct).toBe(false);
    expect(result.formNote).toMatch(/factored/);
  });
  it("explains an equivalent answer that is not expanded or not simplified", () => {
    expect(checkAnswer(expression("x^2+2x+1", { form: "expanded" }), "(x+1)^2").formNote).toMatch(/expanded/);
    expect(checkAnswer(expression("x^2+2x+1", { form: "expanded" }), "1+2x+x^2").correct).toBe(true);
    expect(checkAnswer(expression("7x^2+x", { form: "simplified" }), "3x^2+4x^2+x").formNote).toMatch(/simplified/);
    expect(checkAnswer(expression("7x^2+x", { form: "simplified" }), "x+7x^2").correct).toBe(true);
  });
  it("rejects unknown symbols and unsafe input without throwing", () => {
    const item = expression("2x", { variables: ["x"] });
    expect(checkAnswer(item, "2q").feedback).toMatch(/unknown symbol/);
    expect(checkAnswer(item, "import({}, {})").correct).toBe(false);
    expect(checkAnswer(item, "x = 2; evaluate('1')").correct).toBe(false);
  });
  it("matches misconceptions algebraically", () => {
    const item = expression("x^2+2x+1", { misconceptions: [{ match: "x^2+1", feedback: "Square of a sum has a middle term." }] });
    expect(checkAnswer(item, "1+x^2")).toMatchObject({ correct: false, misconceptionId: "m1" });
  });
});

describe("short text answers", () => {
  it("normalises case, spaces and Unicode composition", () => {
    const item = shortText(["photosynthesis"]);
    expect(checkAnswer(item, "  Photosynthesis ").correct).toBe(true);
    expect(checkAnswer(shortText(["new york"]), "New   York").correct).toBe(true);
    expect(checkAnswer(shortText(["café"]), "cafe\u0301").correct).toBe(true);
  });
  it("accepts an answer differing only in accents with a note when lenient", () => {
    const result = checkAnswer(shortText(["café"]), "cafe");
    expect(result.correct).toBe(true);
    expect(result.formNote).toMatch(/accents/);
    expect(checkAnswer(shortText(["café"], { accents: "strict" }), "cafe").correct).toBe(false);
  });
  it("respects case sensitivity and patterns", () => {
    expect(checkAnswer(shortText(["NaCl"], { caseSensitive: true }), "nacl").correct).toBe(false);
    expect(checkAnswer(shortText(["colour"], { pattern: "^colou?r$" }), "Color").correct).toBe(true);
  });
});

describe("choice answers", () => {
  it("checks a single choice and returns the wrong choice's feedback", () => {
    const item = {
      type: "single-choice" as const,
      choices: [
        { id: "a", text: "3/5", correct: true },
        { id: "b", text: "3/8", feedback: "Eighths are smaller." },
      ],
    };
    expect(checkAnswer(item, "a").correct).toBe(true);
    expect(checkAnswer(item, "b")).toMatchObject({ correct: false, feedback: "Eighths are smaller." });
    expect(checkAnswer(item, "z").correct).toBe(false);
  });
  it("requires the exact set for multiple select", () => {
    const item = {
      type: "multiple-select" as const,
      choices: [
        { id: "a", text: "2", correct: true },
        { id: "b", text: "3", correct: true },
        { id: "c", text: "4", feedback: "4 is not prime." },
      ],
    };
    expect(checkAnswer(item, ["b", "a"]).correct).toBe(true);
    expect(checkAnswer(item, ["a"]).correct).toBe(false);
    expect(checkAnswer(item, ["a", "b", "c"]).feedback).toBe("4 is not prime.");
  });
  it("requires the exact order for ordering", () => {
    const item = { type: "ordering" as const, choices: [{ id: "a", text: "1/4" }, { id: "b", text: "1/2" }, { id: "c", text: "3/4" }] };
    expect(checkAnswer(item, ["a", "b", "c"]).correct).toBe(true);
    expect(checkAnswer(item, ["b", "a", "c"]).correct).toBe(false);
  });
});

describe("fill-in answers", () => {
  const item: FillInAnswer = {
    type: "fill-in",
    blanks: [
      { id: "b1", ...numeric("12") },
      { id: "b2", ...shortText(["denominator"]), misconceptions: [{ match: "numerator", feedback: "The bottom number." }] },
    ],
    misconceptions: [],
  };
  it("checks every blank by its own type and reports each", () => {
    const result = checkAnswer(item, { b1: "12", b2: "Denominator" });
    expect(result.correct).toBe(true);
    expect(result.blanks?.b1?.correct).toBe(true);
    const wrong = checkAnswer(item, { b1: "12.0", b2: "numerator" });
    expect(wrong.correct).toBe(false);
    expect(wrong.blanks?.b1?.correct).toBe(true);
    expect(wrong.blanks?.b2?.feedback).toBe("The bottom number.");
  });
  it("accepts responses as an array in blank order", () => {
    expect(checkAnswer(item, ["12", "denominator"]).correct).toBe(true);
  });
});

describe("lenient reading of correct answers", () => {
  it.each([
    ["3/2", "1½"],
    ["0.75", "0,75"],
    ["1000", "1 000"],
    ["3", "x = 3"],
    ["0.75", "75%"],
    ["0.75", "3÷4"],
  ])("numeric %s accepts %s", (answer, input) => {
    expect(checkAnswer(numeric(answer), input).correct).toBe(true);
  });
  it.each([
    ["sqrt(x)", "√x"],
    ["x/2", "½x"],
    ["abs(x-1)", "|x-1|"],
    ["abs(x-1)", "\\left|x-1\\right|"],
    ["2x+3", "y = 2x + 3"],
    ["2x+3", "f(x) = 2x + 3"],
    ["2x+3", "2X+3"],
  ])("expression %s accepts %s", (answer, input) => {
    expect(checkAnswer(expression(answer), input).correct).toBe(true);
  });
  it("treats typographic apostrophes as plain ones", () => {
    expect(checkAnswer(shortText(["don't know"]), "don’t know").correct).toBe(true);
  });
  it("still rejects wrong answers written in these forms", () => {
    expect(checkAnswer(numeric("3/2"), "1¼").correct).toBe(false);
    expect(checkAnswer(expression("2x+3"), "y = 2x + 4").correct).toBe(false);
    expect(checkAnswer(expression("x^2"), "2x").correct).toBe(false);
  });
});

describe("hostile input", () => {
  it("rejects absurdly long or deeply nested input without throwing", () => {
    const item = expression("2x");
    expect(checkAnswer(item, "x+".repeat(5000) + "x").feedback).toMatch(/too long/);
    expect(checkAnswer(item, "(".repeat(900) + "x" + ")".repeat(900)).correct).toBe(false);
    expect(checkAnswer(numeric("1"), "9^9^9^9").correct).toBe(false);
    expect(checkAnswer(numeric("1"), "170!!").correct).toBe(false);
  });
});
