import { describe, expect, it } from "vitest";
import { addDecayed, decayFactors, encodeDecayed, type DecayedSums } from "./decayed-evidence.ts";

describe("decayed evidence", () => {
  it("halves an answer's weight every half-life (hand-computed)", () => {
    const factors = decayFactors([1, 2]);
    expect(factors[0]).toBeCloseTo(0.5, 12);
    expect(factors[1]).toBeCloseTo(Math.SQRT1_2, 12);
    // Right at attempt 0, wrong at attempt 2.
    let d: DecayedSums | undefined = addDecayed(undefined, factors, 0, true);
    d = addDecayed(d, factors, 2, false);
    expect(d.lastIndex).toBe(2);
    // h = 1: right 0.5² = 0.25, wrong 1; h = 2: right 0.5, wrong 1.
    expect(d.sums[0]).toBeCloseTo(0.25, 12);
    expect(d.sums[1]).toBeCloseTo(1, 12);
    expect(d.sums[2]).toBeCloseTo(0.5, 12);
    expect(d.sums[3]).toBeCloseTo(1, 12);
    // Seen before attempt 3, one more attempt later: ×0.5 and ×√½, as log(1 + sum).
    const x: number[] = [];
    encodeDecayed(d, factors, 3, (k, v) => {
      x[k] = v;
    });
    expect(x[0]).toBeCloseTo(Math.log1p(0.125), 12);
    expect(x[1]).toBeCloseTo(Math.log1p(0.5), 12);
    expect(x[2]).toBeCloseTo(Math.log1p(0.5 * Math.SQRT1_2), 12);
    expect(x[3]).toBeCloseTo(Math.log1p(Math.SQRT1_2), 12);
  });

  it("encode nothing before the first answer", () => {
    const x: number[] = [];
    encodeDecayed(undefined, decayFactors([5]), 0, (k, v) => {
      x[k] = v;
    });
    expect(x).toEqual([]);
  });
});
