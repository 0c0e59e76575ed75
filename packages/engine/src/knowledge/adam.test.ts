import { describe, expect, it } from "vitest";
import { adamArray, adamStepSize, adamUpdate } from "./adam.ts";

describe("Adam", () => {
  it("moves the first step by about the learning rate, against the gradient (hand-computed)", () => {
    const a = adamArray(Float64Array.of(1, 5));
    a.gradient.set([4, -2]);
    // Mean gradient 2 and −1 (scale ½): m₁ = 0.1·g, m₂ = 0.001·g², step = 0.1·√0.001 / 0.1 = √0.001, so each weight
    // moves by √0.001 · 0.1|g| / (√0.001·|g| + 1e-8) ≈ 0.1 against its gradient.
    const step = adamStepSize(0.1, 1);
    expect(step).toBeCloseTo(Math.sqrt(0.001), 12);
    adamUpdate(a, 0, 2, step, 0.5);
    expect(a.weights[0]).toBeCloseTo(0.9, 6);
    expect(a.weights[1]).toBeCloseTo(5.1, 6);
    expect(a.m1[0]).toBeCloseTo(0.2, 12);
    expect(a.m2[1]).toBeCloseTo(0.001, 12);
    expect([...a.gradient]).toEqual([0, 0]);
  });

  it("touches only the rows asked for, and with skipIdle leaves idle weights and their moments alone", () => {
    const a = adamArray(Float64Array.of(1, 1, 1));
    a.gradient.set([1, 1, 1]);
    adamUpdate(a, 1, 2, adamStepSize(0.01, 1), 1);
    expect([...a.weights].map((w) => +w.toFixed(6))).toEqual([1, 0.99, 1]);
    expect([...a.gradient]).toEqual([1, 0, 1]);
    const idle = adamArray(Float64Array.of(3));
    idle.m2[0] = 0.5;
    adamUpdate(idle, 0, 1, 0.01, 1, true);
    expect(idle.m2[0]).toBe(0.5);
    adamUpdate(idle, 0, 1, 0.01, 1);
    expect(idle.m2[0]).toBeCloseTo(0.4995, 12);
    expect(idle.weights[0]).toBe(3);
  });
});
