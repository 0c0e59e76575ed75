import { describe, expect, it } from "vitest";
import { accuracy, expectedCalibrationError, logLoss, rmse, scorePredictions } from "./scores.ts";

describe("prediction scores", () => {
  const y = [0, 1, 1, 0];
  const p = [0.05, 0.15, 0.95, 0.95];

  it("computes RMSE by hand", () => {
    // squared errors: 0.0025, 0.7225, 0.0025, 0.9025 → mean 0.4075 → √ = 0.638357…
    expect(rmse(y, p)).toBeCloseTo(Math.sqrt(0.4075), 12);
  });

  it("computes log loss by hand", () => {
    // −(ln 0.95 + ln 0.15 + ln 0.95 + ln 0.05) / 4
    const expected = -(Math.log(0.95) + Math.log(0.15) + Math.log(0.95) + Math.log(0.05)) / 4;
    expect(logLoss(y, p)).toBeCloseTo(expected, 12);
  });

  it("computes accuracy at the 0.5 threshold", () => {
    // predicted: 0, 0, 1, 1 → right on rows 1 and 3
    expect(accuracy(y, p)).toBe(0.5);
  });

  it("computes ECE over 10 equal-width bins by hand", () => {
    // bin 0: p̄ 0.05 vs ȳ 0 → 0.05 · 1/4;  bin 1: 0.15 vs 1 → 0.85 · 1/4;  bin 9: 0.95 vs 0.5 → 0.45 · 2/4
    // ECE = 0.0125 + 0.2125 + 0.225 = 0.45
    expect(expectedCalibrationError(y, p)).toBeCloseTo(0.45, 12);
  });

  it("puts p = 1 in the last bin and is 0 for perfectly calibrated bins", () => {
    expect(expectedCalibrationError([1, 1], [1, 1])).toBe(0);
    expect(expectedCalibrationError([0, 1], [0.5, 0.5])).toBe(0);
  });

  it("bundles all five scores", () => {
    const s = scorePredictions(y, p);
    expect(Object.keys(s).sort()).toEqual(["accuracy", "auc", "ece", "logloss", "rmse"]);
    // pairs (pos, neg): 0.15>0.05 (1), 0.15<0.95 (0), 0.95>0.05 (1), 0.95=0.95 (½) → 2.5/4
    expect(s.auc).toBe(0.625);
  });
});
