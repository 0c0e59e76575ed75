import { auc as aucOf } from "./auc.ts";

/** Smallest probability used inside logarithms, so a confident wrong prediction costs ~34.5 nats, not ∞. */
const EPSILON = 1e-15;

function checkLengths(name: string, labels: ArrayLike<unknown>, probabilities: ArrayLike<number>): number {
  if (labels.length !== probabilities.length) {
    throw new Error(`${name}: ${labels.length} labels but ${probabilities.length} probabilities`);
  }
  return labels.length;
}

/** Root mean squared error between the 0/1 outcomes and the predicted probabilities (the Brier score's root). */
export function rmse(labels: ArrayLike<number | boolean>, probabilities: ArrayLike<number>): number {
  const n = checkLengths("rmse", labels, probabilities);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = Number(labels[i]) - (probabilities[i] as number);
    sum += d * d;
  }
  return n === 0 ? Number.NaN : Math.sqrt(sum / n);
}

/** Mean negative log-likelihood (natural log) of the outcomes; probabilities are clipped to [1e-15, 1 − 1e-15] like scikit-learn. */
export function logLoss(labels: ArrayLike<number | boolean>, probabilities: ArrayLike<number>): number {
  const n = checkLengths("logLoss", labels, probabilities);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[i] as number));
    sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return n === 0 ? Number.NaN : sum / n;
}

/** Share of outcomes predicted right when thresholding the probability at `threshold` (0.5 by default; p ≥ threshold means "correct"). */
export function accuracy(labels: ArrayLike<number | boolean>, probabilities: ArrayLike<number>, threshold = 0.5): number {
  const n = checkLengths("accuracy", labels, probabilities);
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const predicted = (probabilities[i] as number) >= threshold;
    if (predicted === Boolean(labels[i])) hits++;
  }
  return n === 0 ? Number.NaN : hits / n;
}

/**
 * Expected calibration error with equal-width bins (Naeini, Cooper & Hauskrecht 2015, "Obtaining well calibrated
 * probabilities using Bayesian binning", ECE definition): ECE = Σ_b (n_b / N) · |mean(p in b) − mean(y in b)|.
 * Bin b holds p ∈ [b/B, (b+1)/B); p = 1 falls in the last bin.
 */
export function expectedCalibrationError(
  labels: ArrayLike<number | boolean>,
  probabilities: ArrayLike<number>,
  bins = 10,
): number {
  const n = checkLengths("expectedCalibrationError", labels, probabilities);
  if (n === 0) return Number.NaN;
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[b] = (count[b] as number) + 1;
    sumP[b] = (sumP[b] as number) + p;
    sumY[b] = (sumY[b] as number) + Number(labels[i]);
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const c = count[b] as number;
    if (c > 0) ece += Math.abs((sumP[b] as number) - (sumY[b] as number)) / n;
  }
  return ece;
}

/** All the next-attempt prediction scores the benchmarks report, in one pass over the outcomes. */
export interface PredictionScores {
  auc: number;
  rmse: number;
  logloss: number;
  accuracy: number;
  ece: number;
}

/** Scores a set of predictions (see {@link auc}, {@link rmse}, {@link logLoss}, {@link accuracy}, {@link expectedCalibrationError}). */
export function scorePredictions(labels: ArrayLike<number | boolean>, probabilities: ArrayLike<number>): PredictionScores {
  return {
    auc: aucOf(labels, probabilities),
    rmse: rmse(labels, probabilities),
    logloss: logLoss(labels, probabilities),
    accuracy: accuracy(labels, probabilities),
    ece: expectedCalibrationError(labels, probabilities),
  };
}
