import { describe, expect, it } from "vitest";
import { auc } from "./auc.ts";

describe("auc", () => {
  it("counts tied positive/negative pairs as one half (worked example)", () => {
    // scores  0.1 0.4 0.4 0.8 0.8 0.9
    // labels   0   0   1   0   1   1
    // Pairs (positive, negative), 3 × 3 = 9:
    //   pos 0.4: > 0.1 (1), = 0.4 (½), < 0.8 (0)  → 1.5
    //   pos 0.8: > 0.1 (1), > 0.4 (1), = 0.8 (½)  → 2.5
    //   pos 0.9: beats all three                  → 3
    //   AUC = (1.5 + 2.5 + 3) / 9 = 7/9
    // Same by midranks: ranks 1, 2.5, 2.5, 4.5, 4.5, 6; positives 2.5 + 4.5 + 6 = 13; U = 13 − 3·4/2 = 7; 7/9.
    expect(auc([0, 0, 1, 0, 1, 1], [0.1, 0.4, 0.4, 0.8, 0.8, 0.9])).toBeCloseTo(7 / 9, 12);
  });

  it("is 1 for a perfect ranking, 0 for a reversed one and ½ when every score ties", () => {
    expect(auc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(auc([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4])).toBe(0);
    expect(auc([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it("does not depend on the order of the rows", () => {
    expect(auc([1, 0, 1, 0, 0, 1], [0.9, 0.8, 0.4, 0.4, 0.1, 0.8])).toBeCloseTo(7 / 9, 12);
  });

  it("is undefined (NaN) when a class is missing", () => {
    expect(auc([1, 1], [0.2, 0.3])).toBeNaN();
  });
});
