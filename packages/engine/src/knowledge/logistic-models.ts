import type { LogisticSpec } from "./logistic-features.ts";

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
 * `best`: Best-LR plus the learner's earlier attempts at the same item (counts, last outcome, gap), the pattern of
 * the last three answers at the skill, recency-weighted correctness per skill and overall at three and two decay
 * rates, the last answer anywhere and the gap since the skill was last practised, and BKT's prediction as one more
 * feature. Every added weight has a plain reading ("recent right answers at this skill add x to the log-odds").
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
};
