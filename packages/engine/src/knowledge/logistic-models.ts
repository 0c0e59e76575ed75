import type { LogisticSpec } from "./logistic-features.ts";
import type { SequenceOptions } from "./sequence-model.ts";

const NONE: Omit<LogisticSpec, "model"> = {
  item: false,
  skill: false,
  skillCounts: false,
  totalCounts: false,
  itemCounts: false,
  windowsSeconds: [],
  skillEmaRates: [],
  totalEmaRates: [],
  bkt: false,
  recency: false,
  itemRecency: false,
  skillPattern: 0,
  skillEmaPerSkill: false,
  transitions: false,
  l2: 1,
};

/**
 * PFA (Pavlik, Cen & Koedinger 2009, "Performance Factors Analysis", eq. 1): skill easiness β plus per-skill slopes
 * on prior successes γ and failures ρ — with log(1 + count) as in Gervet et al.'s PFA baseline.
 */
export const PFA_SPEC: LogisticSpec = { ...NONE, model: "pfa", skill: true, skillCounts: true };

/** Time windows of Best-LR (Gervet et al. 2020, §3.2, after DAS3H, Choffin et al. 2019): 1 h, 1 d, 1 w, 1 mo, ∞ (∞ = the plain counts). */
export const BEST_LR_WINDOWS_SECONDS: readonly number[] = [3600, 86_400, 7 * 86_400, 30 * 86_400];

/**
 * Best-LR (Gervet et al. 2020, "When is deep learning the best approach to knowledge tracing?", §3.2): item and skill
 * difficulty, per-skill and total success/failure counts (log(1 + x)), and per-skill time-window counts.
 */
export const BEST_LR_SPEC: LogisticSpec = {
  ...NONE,
  model: "best-lr",
  item: true,
  skill: true,
  skillCounts: true,
  totalCounts: true,
  windowsSeconds: BEST_LR_WINDOWS_SECONDS,
};

/**
 * Elo ability of `best`: constant step K = 0.4 (β = 0; an exponentially smoothed residual, so it can follow a learner
 * who improves), items' easiness smoothed with 5 pseudo-attempts. Picked on the validation split among
 * α ∈ {0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1, 1.5}, β ∈ {0, 0.01, 0.02, 0.05, 0.1, 0.5}, smoothing ∈ {1, 5, 20}.
 */
export const BEST_ELO = { alpha: 0.4, beta: 0, smoothing: 5 } as const;

/**
 * Related items of `best` (item-neighbors.ts): pairs of answers at most 10 attempts apart, the 10 most similar items
 * kept per item, similarities shrunk with 200 pseudo-pairs. Picked on the validation split among windows {5, 10, 20,
 * 50, 100, 200}, kept {5, 10, 20, 30, 50, 100} and shrinkage {5, 10, 20, 50, 100, 200, 500, 1000}.
 */
export const BEST_NEIGHBORS = { window: 10, top: 10, shrinkage: 200, minPairs: 3 } as const;

/**
 * Residual trees of `best` (boosted-trees.ts): 40 trees of depth 4, shrinkage 0.1, leaf ridge 1, at least 20 units of
 * hessian per leaf, 32 bins; cross-fitted on two halves of the learners (each half's logistic refit capped at 15
 * L-BFGS iterations from the full fit's weights), on at most 60 000 training rows. Picked on the validation split
 * among depth {2, 3, 4, 5} × trees {20, 30, 40, 60, 80, 100} × shrinkage {0.05, 0.1, 0.2}, minimum hessian {10, 20,
 * 50} and bins {32, 64} (all within ±.0005 of each other); the caps on iterations and rows keep the fit on
 * ASSISTments 2009 within budget at no validation cost (±.0006).
 */
export const BEST_BOOST = { trees: 40, depth: 4, shrinkage: 0.1, l2: 1, minHessian: 20, bins: 32, foldIterations: 15, maxRows: 60_000 } as const;

/**
 * Sequence model of `best` (sequence-decay.ts): 16 learned sums of the learner's earlier (item, outcome) pairs, each
 * fading at its own learned rate (items with fewer than 50 training attempts share their skill's token), read by a
 * per-item output layer; 6 epochs of Adam (step 0.006, 1024 attempts a step, 50-attempt chunks); cross-fitted on 4
 * folds of learners, new learners read the mean of the 4 models. Picked on the validation split (statics / a09 / a15 /
 * spanish .8371 / .7815 / .7251 / .8543 → .8390 / .7860 / .7286 / .8548) over a GRU of 8–32 units (as good on a15,
 * ±0 elsewhere, 8× the cost), skill tokens (statics .8375), 2, 3 and 8 folds, 5–12 epochs, steps .002–.01, hidden
 * 8/24/32 and batches 256–1024; the 200 000-row cap bounds the cost on larger logs (ASSISTments 2009 stays below it).
 * Options left off (a15 validation at fit seeds 42 / 1 / 2, this spec .7287 / .7274 / .7280): `seeds` 2 (.7281 / .7285 /
 * .7284) or 3, `byAttempts` (.7284 / .7269 / .7277), `ability` (.7285 / .7276 / .7278), `full` (.7273 / .7270 / .7267),
 * chunks of 20 or 200, `also` a skill-token decay cell (.7276) or a GRU of 8 units on 2 folds (.7283 / .7275 / .7279);
 * `also` a GRU of 12 units, 4 epochs (.7287 / .7278 / .7287); `also` a GRU of 16 units helps a little (4 folds .7291 /
 * .7289 / .7293, 2 folds .7290 / .7288 / .7288), short of +.002, and adds several seconds to the
 * ASSISTments 2009 fit even capped at 20 000 rows a model, and capped at 30 000 its gain is gone (.7279).
 */
export const BEST_SEQUENCE: SequenceOptions = {
  cell: "decay",
  by: "item",
  minItemAttempts: 50,
  hidden: 16,
  epochs: 6,
  learningRate: 0.006,
  batch: 1024,
  chunk: 50,
  folds: 4,
  maxRows: 200_000,
};

/**
 * `best`: Best-LR plus the learner's earlier attempts at the same item (counts, last outcome, gap), the pattern of
 * the last three answers at the skill and overall, recency-weighted correctness per skill and overall at three and
 * two decay rates, the last answer anywhere and the gap since the skill was last practised, the learner's progress
 * (skills practised, attempts per skill), an online ability (Elo rating against item easiness, overall and at the
 * skill), how much better than expected the learner did on related items (learned from the training learners:
 * item-based collaborative filtering on Elo residuals), on a repeated item how much easier the training learners found
 * it the second time (item-repeats.ts), BKT's prediction (cross-fitted) and a small sequence model's (DKT in miniature,
 * sequence-decay.ts, cross-fitted) as two more features; then a few dozen
 * small residual trees (boosted-trees.ts) add the interactions an additive model misses to the prediction (not to
 * mastery). Every added weight has a plain reading ("recent right answers at this skill add x to the log-odds"), every
 * tree leaf too ("when ability > 0.8 and the last answer at the item was wrong, add −0.1"). Choices validated on
 * held-out TRAINING learners (bench/kt/validate.ts; protocol in docs/benchmarks.md).
 */
export const BEST_SPEC: LogisticSpec = {
  ...BEST_LR_SPEC,
  model: "best",
  itemCounts: true,
  itemRecency: true,
  skillPattern: 3,
  skillEmaRates: [0.1, 0.3, 0.6],
  totalEmaRates: [0.05, 0.2],
  recency: true,
  bkt: true,
  bktCrossFit: true,
  totalPattern: 3,
  progress: true,
  elo: BEST_ELO,
  neighbors: BEST_NEIGHBORS,
  repeatGain: { smoothing: 5 },
  boost: BEST_BOOST,
  sequence: BEST_SEQUENCE,
};
