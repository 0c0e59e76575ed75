import { describe, expect, it } from "vitest";
import { arrivalTimes } from "./arrivals.ts";

describe("arrivalTimes", () => {
  it("spaces even arrivals exactly 1/rate apart", () => {
    expect([...arrivalTimes("even", 500, 4)]).toEqual([0, 2, 4, 6]);
  });

  it("gives Poisson arrivals exponential gaps of mean 1/rate, the same for a seed", () => {
    const due = arrivalTimes("poisson", 500, 100_001, 7);
    const gaps = Array.from({ length: 100_000 }, (_, k) => (due[k + 1] as number) - (due[k] as number));
    expect(gaps.every((g) => g >= 0)).toBe(true);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    expect(mean).toBeGreaterThan(1.98);
    expect(mean).toBeLessThan(2.02);
    // Exponential: P(gap > mean) = e^-1 ≈ 0.368, and the standard deviation equals the mean.
    expect(gaps.filter((g) => g > 2).length / gaps.length).toBeCloseTo(Math.exp(-1), 2);
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(sd / mean).toBeGreaterThan(0.97);
    expect(sd / mean).toBeLessThan(1.03);
    expect([...arrivalTimes("poisson", 500, 50, 7)]).toEqual([...due.slice(0, 50)]);
    expect([...arrivalTimes("poisson", 500, 50, 8)]).not.toEqual([...due.slice(0, 50)]);
  });
});
