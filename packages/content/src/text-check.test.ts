import { describe, expect, it } from "vitest";
import type { ShortTextAnswer } from "./course-model.ts";
import { checkShortText } from "./text-check.ts";

const spec = (answers: string[], extra: Partial<ShortTextAnswer> = {}): ShortTextAnswer => ({
  type: "short-text",
  answers,
  caseSensitive: false,
  accents: "lenient",
  misconceptions: [],
  ...extra,
});

describe("short text checking for languages", () => {
  it("ignores Spanish opening marks and end punctuation", () => {
    const item = spec(["¿Cómo estás?"]);
    expect(checkShortText(item, "como estas").correct).toBe(true);
    expect(checkShortText(item, "¿cómo estás?").formNote).toBeUndefined();
    expect(checkShortText(item, "Cómo estás").correct).toBe(true);
  });

  it("treats ñ as a letter of its own, not an accented n", () => {
    const item = spec(["año"]);
    expect(checkShortText(item, "ano").correct).toBe(false);
    expect(checkShortText(item, "ANO").correct).toBe(false);
    expect(checkShortText(item, "Año").correct).toBe(true);
    // Other accents stay lenient.
    expect(checkShortText(spec(["está"]), "esta")).toMatchObject({ correct: true, formNote: expect.stringContaining("está") });
  });

  it("gives a misconception's own feedback before an accent near-miss when accents are strict", () => {
    const item = spec(["él"], { accents: "strict", misconceptions: [{ match: "el", feedback: "Él with an accent is the pronoun he." }] });
    expect(checkShortText(item, "el")).toMatchObject({ correct: false, feedback: "Él with an accent is the pronoun he." });
    expect(checkShortText(item, "él").correct).toBe(true);
  });
});
