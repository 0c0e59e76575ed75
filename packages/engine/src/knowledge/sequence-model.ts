import { fitGru, gruRunner } from "./sequence-gru.ts";
import { decayedSequenceRunner, fitDecayedSequence } from "./sequence-decay.ts";
import type { LearnerHistory, Observation, Rng } from "./tracer.ts";

/**
 * Small sequence models of a learner's earlier (skill or item, outcome) pairs, DKT in miniature (Piech et al. 2015,
 * "Deep knowledge tracing"): a GRU (sequence-gru.ts) or decayed learned sums (sequence-decay.ts). Neither is a tracer
 * of its own: `best` reads their log-odds as one more input (one slope and a tree input), learned out of fold.
 */
export interface SequenceModel {
  /** Set for the cell of sequence-decay.ts. */
  readonly cell?: "decay";
  /** Set when tokens and outputs are items: `skillIds` then lists keys "i:<item id>" and "s:<skill id>" (see SequenceOptions.by). */
  readonly by?: "item";
  /** Token and output ids, sorted: the skills (an attempt's first skill), or item and skill keys (see `by`). */
  readonly skillIds: readonly string[];
  readonly hidden: number;
  /** Per token (2 · skills): the GRU's 3·hidden input weights (gates r, z, n), the decay cell's hidden. */
  readonly embed: readonly number[];
  /** The GRU's 3·hidden × hidden recurrent weights (row-major, gates r, z, n); the decay cell's hidden decay logits. */
  readonly recur: readonly number[];
  /** The GRU's bias of the candidate's recurrent term (b_n); empty for the decay cell. */
  readonly biasN: readonly number[];
  /** Per id: hidden output weights then its bias. */
  readonly out: readonly number[];
  /** Which log-odds feature the model feeds: 0 (default) the main model's, 1 that of `SequenceOptions.also`. */
  readonly slot?: number;
}

/** Settings of {@link fitSequenceModel}. */
export interface SequenceOptions {
  readonly hidden: number;
  readonly epochs: number;
  /** Adam step size (Kingma & Ba 2015). */
  readonly learningRate: number;
  /** Training attempts at most: whole learners, in a random order, until this many. */
  readonly maxRows: number;
  /** Attempts per step of truncated back-propagation through time (the hidden state carries over, its gradient not). */
  readonly chunk: number;
  /** Attempts whose gradients are summed before one Adam step. */
  readonly batch: number;
  /** The recurrent cell: the GRU (default) or the decayed sums of sequence-decay.ts (O(hidden) per attempt). */
  readonly cell?: "gru" | "decay";
  /**
   * Tokens and outputs per item instead of per (first) skill (only the decay cell); with `minItemAttempts`, only items
   * with at least that many training attempts get their own, the others share their skill's.
   */
  readonly by?: "skill" | "item";
  readonly minItemAttempts?: number;
  /** Folds of learners for cross-fitting (default 2): model k is fitted on every fold but k, and serves fold k. */
  readonly folds?: number;
  /** Models per fold, each from its own random start, their log-odds averaged (default 1; variance reduction). */
  readonly seeds?: number;
  /** Adds a second feature: the log-odds times log(1 + the learner's attempts so far) (its reliability grows with history). */
  readonly byAttempts?: boolean;
  /**
   * New learners read one more model fitted on every training learner (per group) instead of the mean of the fold
   * models (training rows still read their out-of-fold models).
   */
  readonly full?: boolean;
  /** Adds a feature: the mean over the main models of their mean log-odds over every output id (SequenceRunner.meanLogit). */
  readonly ability?: boolean;
  /** A second sequence model (its own folds, seeds and caps) whose log-odds is one more feature; its own `also` is ignored. */
  readonly also?: SequenceOptions;
}

/** A fitted sequence model ready to run online: the hidden state after an attempt, and the log-odds of the next. */
export interface SequenceRunner {
  readonly hidden: number;
  /** The model's log-odds feature (SequenceModel.slot). */
  readonly slot: number;
  /** The hidden state after one more attempt (a new array; `h` is left as it was). */
  step(h: Float64Array, itemId: string, skillIds: readonly string[], correct: boolean): Float64Array;
  /** Log-odds of a right answer at an attempt with these skills, from the hidden state (0 for an unknown skill). */
  logit(h: Float64Array, itemId: string, skillIds: readonly string[]): number;
  /** The mean of the log-odds over every output id from the hidden state (a general ability), where the cell offers it. */
  meanLogit?(h: Float64Array): number;
}

/** Fits the sequence model of the options' cell. */
export function fitSequenceModel(histories: readonly LearnerHistory[], options: SequenceOptions, rng: Rng): SequenceModel {
  return options.cell === "decay" ? fitDecayedSequence(histories, options, rng) : fitGru(histories, options, rng);
}

/** The online runner of a fitted sequence model, whichever its cell. */
export function sequenceRunner(model: SequenceModel): SequenceRunner {
  return model.cell === "decay" ? decayedSequenceRunner(model) : gruRunner(model);
}

/** Summed binary cross-entropy of a learner's attempts under a model, run online (step by step, as a tracer runs it). */
export function sequenceLoss(model: SequenceModel, observations: readonly Observation[]): number {
  const runner = sequenceRunner(model);
  let h: Float64Array = new Float64Array(model.hidden);
  let sum = 0;
  for (const o of observations) {
    const z = runner.logit(h, o.itemId, o.skillIds);
    sum += Math.log1p(Math.exp(-z)) + (o.correct ? 0 : z);
    h = runner.step(h, o.itemId, o.skillIds, o.correct);
  }
  return sum;
}

/**
 * Central finite differences of {@link sequenceLoss} with respect to each weight of one array of the model: the
 * reference that back-propagation is checked against.
 */
export function numericLossGradient(model: SequenceModel, field: "embed" | "recur" | "biasN" | "out", observations: readonly Observation[], eps = 1e-6): number[] {
  return model[field].map((_, k) => {
    const plus = model[field].slice();
    const minus = model[field].slice();
    plus[k] = (plus[k] as number) + eps;
    minus[k] = (minus[k] as number) - eps;
    return (sequenceLoss({ ...model, [field]: plus }, observations) - sequenceLoss({ ...model, [field]: minus }, observations)) / (2 * eps);
  });
}

/** Log-odds features of the sequence models (1 + byAttempts + also). */
export function sequenceWidth(options: SequenceOptions | undefined): number {
  if (options === undefined) return 0;
  return 1 + (options.byAttempts === true ? 1 : 0) + (options.also === undefined ? 0 : 1) + (options.ability === true ? 1 : 0);
}

/**
 * The sequence features of an attempt from each runner's log-odds `logits[k]`: the mean over the runners of slot 0,
 * then (byAttempts) that mean times log(1 + attempts so far), then (also) the mean over the runners of slot 1, then
 * (ability) the mean of `abilities[k]` (each runner's mean log-odds over its ids) over the runners of slot 0.
 */
export function sequenceFeatures(
  options: SequenceOptions,
  runners: readonly SequenceRunner[],
  logits: readonly number[],
  attempts: number,
  abilities: readonly number[] = [],
): number[] {
  const sum = [0, 0];
  const count = [0, 0];
  runners.forEach((r, k) => {
    sum[r.slot] = (sum[r.slot] as number) + (logits[k] as number);
    count[r.slot] = (count[r.slot] as number) + 1;
  });
  const mean = (s: number): number => ((count[s] as number) === 0 ? 0 : (sum[s] as number) / (count[s] as number));
  const out = [mean(0)];
  if (options.byAttempts === true) out.push(mean(0) * Math.log1p(attempts));
  if (options.also !== undefined) out.push(mean(1));
  if (options.ability === true) {
    let a = 0;
    runners.forEach((r, k) => {
      if (r.slot === 0) a += abilities[k] ?? 0;
    });
    out.push((count[0] as number) === 0 ? 0 : a / (count[0] as number));
  }
  return out;
}

/**
 * Fits the sequence models of the options out of fold: per group (the main model, then `also`), K folds of learners
 * (model k fitted on every fold but k) times `seeds` random starts. Returns the fold models (slot 0 then slot 1), per
 * training learner h the indices of the fold models that serve it, and the models new learners read: the fold models,
 * or (`full`) per group `seeds` models fitted on every learner.
 */
export function fitSequenceModels(
  histories: readonly LearnerHistory[],
  options: SequenceOptions,
  rng: Rng,
): { folds: SequenceModel[]; of: (h: number) => number[]; models: SequenceModel[] } {
  const folds: SequenceModel[] = [];
  const full: SequenceModel[] = [];
  const groups: { first: number; K: number; M: number }[] = [];
  const groupOptions = options.also === undefined ? [options] : [options, options.also];
  const withSlot = (model: SequenceModel, slot: number): SequenceModel => (slot === 0 ? model : { ...model, slot });
  groupOptions.forEach((o, slot) => {
    const K = Math.max(2, Math.min(o.folds ?? 2, histories.length));
    const M = Math.max(1, o.seeds ?? 1);
    groups.push({ first: folds.length, K, M });
    for (let fold = 0; fold < K; fold++) {
      const train = histories.filter((_, h) => h % K !== fold);
      for (let m = 0; m < M; m++) folds.push(withSlot(fitSequenceModel(train, o, rng), slot));
    }
    if (options.full === true) for (let m = 0; m < M; m++) full.push(withSlot(fitSequenceModel(histories, o, rng), slot));
  });
  return {
    folds,
    of: (h) => groups.flatMap(({ first, K, M }) => Array.from({ length: M }, (_, m) => first + (h % K) * M + m)),
    models: options.full === true ? full : folds,
  };
}
