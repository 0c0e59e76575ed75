import { describe, expect, it } from "vitest";
import { renderSpeakable } from "./render-markdown.ts";
import { mathToWords } from "./speakable-math.ts";

describe("math in words", () => {
  it("reads fractions, operations and comparisons as words", () => {
    expect(mathToWords("\\frac{3}{4} + \\frac{1}{8}")).toBe("3 over 4 plus 1 over 8");
    expect(mathToWords("2 \\times 3 = 6")).toBe("2 times 3 equals 6");
    expect(mathToWords("x^2 \\le 9")).toBe("x squared is less than or equal to 9");
    expect(mathToWords("\\dfrac{\\frac{1}{2}}{3}")).toBe("1 over 2 over 3");
  });

  it("turns Markdown with math into plain speakable text", () => {
    expect(renderSpeakable("Which is larger, $\\frac{3}{5}$ or **$\\frac{3}{8}$**?")).toBe("Which is larger, 3 over 5 or 3 over 8?");
  });
});
