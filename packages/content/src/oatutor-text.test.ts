import { describe, expect, it } from "vitest";
import { convertTextBoxAnswer, latexAnswerToMath, oatutorMarkdown, slug } from "./oatutor-text.ts";

describe("OATutor LaTeX answers", () => {
  it.each([
    ["$$\\frac{-1}{2}$$", "-1 / 2"],
    ["$$\\left(13x+11\\right) \\left(13x-11\\right)$$", "(13 * x + 11) * (13 * x - 11)"],
    ["$$5\\times2^6$$", "5 * 2 ^ 6"],
    ["$$\\log_{10}\\left(\\frac{xy}{z}\\right)$$", "log(x * y / z, 10)"],
    ["$$\\sqrt{x^2+1}$$", "sqrt(x ^ 2 + 1)"],
    ["$${26}^8$$", "26 ^ 8"],
    ["$$a^{0.25}$$", "a ^ 0.25"],
    ["$$m=14$$", "m = 14"],
    ["$$2\\cdot x \\div 3$$", "2 * x / 3"],
  ])("converts %s to %s", (latex, math) => {
    expect(latexAnswerToMath(latex)).toBe(math);
  });

  it("classifies numbers as numeric and the rest as expressions", () => {
    expect(convertTextBoxAnswer(["$$\\frac{8}{15}$$"], "arithmetic")).toEqual({ type: "numeric", fields: { answer: "8/15" } });
    expect(convertTextBoxAnswer(["$$1.204$$"], "arithmetic")).toEqual({ type: "numeric", fields: { answer: "1.204", tolerance: 0.0005 } });
    expect(convertTextBoxAnswer(["$$x+1$$"], "arithmetic")).toEqual({ type: "expression", fields: { answer: "x + 1", variables: ["x"] } });
    expect(convertTextBoxAnswer(["DNE"], "string")).toEqual({ type: "short-text", fields: { answers: ["DNE"] } });
  });

  it("converts inline math, line breaks and figures in text", () => {
    expect(oatutorMarkdown("Solve $$x+1=2$$.\\n ##figure1.gif##", "p1")).toBe(
      "Solve $x+1=2$.\n ![Figure 1 of this problem (the source gives no description)](media/p1/figure1.gif)",
    );
    expect(oatutorMarkdown("$$a \\neq b$$", "p1")).toBe("$a \\neq b$");
  });

  it("makes kebab-case ids from skill names", () => {
    expect(slug("rules_of_algebra:_addition_and_multiplication")).toBe("rules-of-algebra-addition-and-multiplication");
    expect(slug("aa167ebA241-logsofproducts-P01b")).toBe("aa167eba241-logsofproducts-p01b");
  });
});
