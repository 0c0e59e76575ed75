import { describe, expect, it } from "vitest";
import { fractionParts, fractionText } from "./fraction-entry.tsx";

describe("fraction boxes and the answer text", () => {
  it.each([
    [{ whole: "", numerator: "3", denominator: "4" }, "3/4"],
    [{ whole: "2", numerator: "3", denominator: "4" }, "2 3/4"],
    [{ whole: "-2", numerator: "3", denominator: "4" }, "-2 3/4"],
    [{ whole: "2", numerator: "", denominator: "" }, "2"],
    [{ whole: "", numerator: "3", denominator: "" }, "3/"],
    [{ whole: "", numerator: "", denominator: "4" }, "/4"],
    [{ whole: "2", numerator: "3", denominator: "" }, "2 3/"],
    [{ whole: "", numerator: "", denominator: "" }, ""],
  ])("writes %j as %j and reads it back the same", (parts, text) => {
    expect(fractionText(parts)).toBe(text);
    expect(fractionParts(text)).toEqual(parts);
  });

  it("leaves the boxes empty for text that is not a fraction", () => {
    expect(fractionParts("x + 1")).toEqual({ whole: "", numerator: "", denominator: "" });
  });
});
