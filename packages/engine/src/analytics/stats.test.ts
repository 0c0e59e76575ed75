import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mean, median, pointBiserial } from "./stats.ts";
import { listText, minutesText, percent, plural, secondsText } from "./text.ts";

function pearson(x: readonly number[], y: readonly number[]): number {
  const mx = (mean(x) as number), my = (mean(y) as number);
  let sxy = 0, sxx = 0, syy = 0;
  x.forEach((xi, i) => {
    const yi = y[i] as number;
    sxy += (xi - mx) * (yi - my);
    sxx += (xi - mx) ** 2;
    syy += (yi - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe("statistics", () => {
  it("computes medians and means (hand-computed)", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
    expect(mean([1, 2, 6])).toBe(3);
  });

  it("computes the point-biserial correlation (hand-computed: 1,1,0,0 against 4,3,2,1 → 2/√5)", () => {
    // M₁ = 3.5, M₀ = 1.5, s = √1.25, p = q = 0.5: r = 2/√1.25 · 0.5 = 0.894427…
    expect(pointBiserial([true, true, false, false], [4, 3, 2, 1])).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(pointBiserial([true, true], [1, 2])).toBeUndefined();
    expect(pointBiserial([true, false], [1, 1])).toBeUndefined();
  });

  it("equals Pearson's r on the 0/1 coding", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 20 })), { minLength: 2, maxLength: 40 }), (rows) => {
        const r = pointBiserial(rows.map(([o]) => o), rows.map(([, s]) => s));
        const x = rows.map(([o]) => (o ? 1 : 0));
        const y = rows.map(([, s]) => s);
        if (r === undefined) return;
        expect(r).toBeCloseTo(pearson(x, y), 9);
        expect(Math.abs(r)).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe("sentence helpers", () => {
  it("reads numbers and lists in English", () => {
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(0, "day")).toBe("0 days");
    expect(percent(0.4762)).toBe("48%");
    expect(listText(["A"])).toBe("A");
    expect(listText(["A", "B", "C"])).toBe("A, B and C");
    expect(minutesText(45.4)).toBe("45 minutes");
    expect(minutesText(60)).toBe("1 hour");
    expect(minutesText(125)).toBe("2 hours 5 minutes");
    expect(secondsText(4_250)).toBe("4.3 seconds");
    expect(secondsText(34_400)).toBe("34 seconds");
  });
});
