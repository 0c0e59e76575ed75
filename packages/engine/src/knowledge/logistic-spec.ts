import type { BoostOptions } from "./boosted-trees.ts";
import type { SequenceOptions } from "./sequence-model.ts";

/** Settings of `best`'s residual trees: those of the boosting, and how much of the training data they are fitted on. */
export interface ResidualBoostOptions extends BoostOptions {
  /** Rows the trees are fitted on at most: above it, a random subset of that size (drawn with the fit's rng). */
  readonly maxRows?: number;
  /** L-BFGS iterations at most of each fold's logistic refit (started from the full fit's weights). */
  readonly foldIterations?: number;
}

/**
 * Which feature groups a logistic tracer uses. Every count enters as log(1 + x), as in Best-LR (Gervet et al. 2020,
 * "When is deep learning the best approach to knowledge tracing?", §3.2), so the effect of practice saturates.
 */
export interface LogisticSpec {
  /** Registry name of the model this spec defines. */
  readonly model: string;
  /** Item difficulty: one weight per item (IRT's b, Rasch 1960). */
  readonly item: boolean;
  /** Skill difficulty: one weight per skill (PFA's β, Pavlik et al. 2009). */
  readonly skill: boolean;
  /** Per-skill slopes on log(1 + successes) and log(1 + failures) at the skill (PFA's γ, ρ with log counts). */
  readonly skillCounts: boolean;
  /** Global slopes on log(1 + successes) and log(1 + failures) over all skills (Best-LR's "tc"). */
  readonly totalCounts: boolean;
  /** Global slopes on log(1 + successes/failures) at this very item (Best-LR+ "ic"). */
  readonly itemCounts: boolean;
  /** Per-skill success/failure counts within each window (seconds), when observations carry time (Best-LR "w"). */
  readonly windowsSeconds: readonly number[];
  /** Decay rates α of exponentially weighted correctness per skill, one global slope each. */
  readonly skillEmaRates: readonly number[];
  /** Decay rates of exponentially weighted correctness over all attempts. */
  readonly totalEmaRates: readonly number[];
  /** A slope on the logit of BKT's P(correct) for the item's skills (an interpretable BKT + logistic ensemble). */
  readonly bkt: boolean;
  /**
   * Fit the BKT feature's weight out of fold: training rows get BKT predictions from parameters fitted on the other
   * half of the learners, so the weight is not inflated by BKT having seen those very answers (cross-fitting).
   */
  readonly bktCrossFit?: boolean;
  /** Context features (not part of mastery): the last answer anywhere, attempts since the skill was last practised. */
  readonly recency: boolean;
  /** Context: outcome of the last attempt at this very item and log(1 + attempts since), for repeated items. */
  readonly itemRecency: boolean;
  /** Context: one-hot of the last k outcomes at the skill (k ≤ 5; 2^{k+1} − 1 patterns incl. shorter histories). */
  readonly skillPattern: number;
  /** Per-skill (instead of global) slopes on the skill's recency-weighted correctness. */
  readonly skillEmaPerSkill: boolean;
  /**
   * Context: one weight per (skill asked, skill of the previous attempt, its outcome) — transfer between skills
   * practised in a row, the sequential signal deep models pick up (Piech et al. 2015, DKT).
   */
  readonly transitions: boolean;
  /**
   * Online ability: slopes on the learner's Elo rating over all skills and at the item's skill, against item easiness
   * counted on the training data with `smoothing` pseudo-attempts (logistic-state.ts `EloConfig`, item-easiness.ts).
   */
  readonly elo?: { readonly alpha: number; readonly beta: number; readonly smoothing: number };
  /** Context: one-hot of the last k outcomes over all skills (k ≤ 5), the sequential signal DKT picks up. */
  readonly totalPattern?: number;
  /** Context: log(1 + skills practised so far) and log(attempts per skill so far), the learner's progress and pace. */
  readonly progress?: boolean;
  /**
   * Context (needs `elo`): the learner's Elo residuals on related items (item-neighbors.ts), similarity-weighted — over
   * every related item answered, over those answered within the last `window` attempts, and the one just answered.
   */
  readonly neighbors?: { readonly window: number; readonly top: number; readonly shrinkage: number; readonly minPairs: number };
  /**
   * Residual trees (boosted-trees.ts) on the dense inputs of tree-inputs.ts, starting from the logistic log-odds:
   * interactions the additive model misses. Cross-fitted like BKT: on training rows, the log-odds they start from and
   * the item and skill difficulties they read come from logistic fits on the other half of the learners.
   */
  readonly boost?: ResidualBoostOptions;
  /**
   * Context (needs `itemCounts`): on a repeated item, how much easier the training learners found it than on their
   * first attempt (item-repeats.ts, log-odds shrunk with `smoothing` pseudo-attempts), one global slope.
   */
  readonly repeatGain?: { readonly smoothing: number };
  /**
   * Context: the run of consecutive attempts at the same skills (practice-runs.ts): whether the attempt continues it,
   * its length, rights, wrongs and streak, and the learner's earlier runs and longest streak at the skill.
   */
  readonly runs?: boolean;
  /**
   * Context: right and wrong answers at the item and/or at the skill discounted by the attempts since, one pair of
   * slopes per half-life (in attempts; decayed-evidence.ts).
   */
  readonly decay?: { readonly halfLives: readonly number[]; readonly item: boolean; readonly skill: boolean };
  /** Context (needs `elo` and `itemCounts`): the learner's Elo residual on his last attempt at this very item. */
  readonly ownResidual?: boolean;
  /**
   * Context: the log-odds of a small sequence model of the learner's (skill or item, outcome) pairs (sequence-model.ts, DKT
   * in miniature), one slope and a tree input; learned out of fold (`folds` folds of learners, each training learner
   * read by the model fitted without his fold), the mean of the fold models for new learners. Never part of mastery.
   */
  readonly sequence?: SequenceOptions;
  /** Ridge penalty λ on every weight but the intercept (scikit-learn's C = 1/λ). */
  readonly l2: number;
  /** Ridge penalty on item difficulties, when it should differ from `l2` (items are seen far less than skills). */
  readonly l2Item?: number;
}
