import type { BktParams } from "./bkt.ts";
import { fitBkt } from "./bkt-fit.ts";
import { explainEvidence } from "./evidence.ts";
import { fitLogistic, sigmoid } from "./logistic.ts";
import {
  countsConfigOf,
  createLayout,
  encodeFeatures,
  type FeatureBuffer,
  type FeatureLayout,
  type LogisticSpec,
  type ResidualBoostOptions,
} from "./logistic-features.ts";
import { initialCounts, skillCountsOf, updateCounts, type CountsState } from "./logistic-state.ts";
import { countItemEasiness, easinessLookups, ownItemCounts, type ItemEasiness } from "./item-easiness.ts";
import { countItemRepeats, ownRepeatCounts, repeatGainLookups, type ItemRepeats } from "./item-repeats.ts";
import { fitItemNeighbors, neighborLookup, type ItemNeighbors, type NeighborLookup } from "./item-neighbors.ts";
import { selectRows, SparseRowsBuilder, type SparseRows } from "./sparse-rows.ts";
import { boostedMargin, fitBoostedTrees, type BoostedTrees } from "./boosted-trees.ts";
import { fitSequenceModels, sequenceRunner, type SequenceModel, type SequenceRunner } from "./sequence-model.ts";
import { createTreeInputs, fillTreeInputs, type TreeInputs } from "./tree-inputs.ts";
import type { KnowledgeTracer, LearnerHistory, MasteryExplanation, Rng, SerializedModel } from "./tracer.ts";

/** Fitted parameters of a logistic tracer (PFA, Best-LR, best): the spec, the id lists and the weight vector. */
export interface LogisticParams {
  readonly spec: LogisticSpec;
  readonly itemIds: readonly string[];
  readonly skillIds: readonly string[];
  /** Weights in the layout of `createLayout(spec, itemIds, skillIds)`; index 0 is the intercept. */
  readonly weights: readonly number[];
  /** BKT parameters when the spec blends in BKT. */
  readonly bkt?: BktParams;
  /** Item easiness counted on the training data, when the spec tracks an online ability (Elo). */
  readonly easiness?: ItemEasiness;
  /** Related items learned on the training data, when the spec uses them. */
  readonly neighbors?: ItemNeighbors;
  /** Right answers on first attempts and on repeats per item, when the spec uses the repeat gain. */
  readonly repeats?: ItemRepeats;
  /** Residual trees on top of the logistic log-odds, when the spec boosts (see `LogisticSpec.boost`). */
  readonly boosted?: BoostedTrees;
  /** Sequence models fitted out of fold (one per fold of learners), when the spec reads one; new learners read their mean. */
  readonly sequence?: readonly SequenceModel[];
}

/** Current format version of serialized logistic parameters. */
export const LOGISTIC_FORMAT_VERSION = 1;

function dotSparse(weights: Float64Array, buffer: FeatureBuffer): number {
  let z = 0;
  for (let k = 0; k < buffer.indices.length; k++) z += (weights[buffer.indices[k] as number] as number) * (buffer.values[k] as number);
  return z;
}

/**
 * A knowledge tracer over fitted logistic weights. P(correct) = σ(w · x) with x the features of the attempt
 * (see logistic-features.ts); mastery of a skill is the same formula without the item and context terms, i.e.
 * P(correct) on a typical item of the skill. Updates only move counts, so they cost microseconds.
 */
export function createLogisticTracer(params: LogisticParams): KnowledgeTracer<CountsState> {
  const layout = createLayout(params.spec, params.itemIds, params.skillIds);
  if (params.weights.length !== layout.columns) {
    throw new Error(`${params.spec.model}: ${params.weights.length} weights for a layout of ${layout.columns} columns`);
  }
  const weights = Float64Array.from(params.weights);
  const config = countsConfigOf(
    params.spec,
    params.bkt,
    params.easiness === undefined ? undefined : easinessLookups(params.easiness)(),
    params.neighbors === undefined ? undefined : neighborLookup(params.neighbors),
    params.repeats === undefined ? undefined : repeatGainLookups(params.repeats)(),
    params.sequence?.map(sequenceRunner),
  );
  // One scratch buffer: the tracer is synchronous, so no two calls interleave.
  const buffer: FeatureBuffer = { indices: [], values: [] };
  const initial = initialCounts(config);
  const inputs = params.boosted === undefined ? undefined : createTreeInputs(layout, weights);
  const treeRow = inputs === undefined ? [] : new Array<number>(inputs.names.length).fill(0);
  const masteryOf = (state: CountsState, skillId: string): number => {
    encodeFeatures(layout, config, state, undefined, [skillId], state.lastTime, buffer);
    return sigmoid(dotSparse(weights, buffer));
  };
  return {
    model: params.spec.model,
    forgets: false,
    initialState: () => initial,
    update: (state, observation) => updateCounts(state, observation, config),
    predict(state, item) {
      encodeFeatures(layout, config, state, item.itemId, item.skillIds, item.time, buffer);
      const z = dotSparse(weights, buffer);
      if (params.boosted === undefined || inputs === undefined) return sigmoid(z);
      // Mastery stays the additive model's; the trees only correct the prediction for this item in this context.
      fillTreeInputs(inputs, buffer.indices, buffer.values, 0, buffer.indices.length, z, treeRow);
      return sigmoid(z + boostedMargin(params.boosted, treeRow));
    },
    mastery: masteryOf,
    explain(state, skillId): MasteryExplanation {
      const counts = skillCountsOf(state, skillId, config);
      return explainEvidence(skillId, masteryOf(state, skillId), masteryOf(initial, skillId), counts.evidence, state.attempts);
    },
    serialize: (fittedAt?: string): SerializedModel<LogisticParams> => ({
      version: LOGISTIC_FORMAT_VERSION,
      model: params.spec.model,
      ...(fittedAt === undefined ? {} : { fittedAt }),
      params,
    }),
  };
}

/** The design matrix of a replay: one row per attempt, features from earlier attempts only. */
export function buildDesign(
  layout: FeatureLayout,
  params: Pick<LogisticParams, "spec" | "bkt" | "easiness" | "neighbors" | "repeats">,
  histories: readonly LearnerHistory[],
  /** BKT parameters to use for the h-th history's features (cross-fitting), instead of `params.bkt`. */
  bktOf?: (h: number) => BktParams,
  /** Related items to use for the h-th history's features (cross-fitting), instead of `params.neighbors`. */
  neighborsOf?: (h: number) => NeighborLookup,
  /** Sequence models to use for the h-th history's features (cross-fitting). */
  sequenceOf?: (h: number) => readonly SequenceRunner[],
): { X: ReturnType<SparseRowsBuilder["build"]>; y: Uint8Array } {
  const fixedNeighbors = params.neighbors === undefined ? undefined : neighborLookup(params.neighbors);
  let config = countsConfigOf(params.spec, params.bkt, undefined, fixedNeighbors);
  const builder = new SparseRowsBuilder(layout.columns);
  const labels: number[] = [];
  const buffer: FeatureBuffer = { indices: [], values: [] };
  const easiness = params.easiness === undefined ? undefined : easinessLookups(params.easiness);
  const repeatGain = params.repeats === undefined ? undefined : repeatGainLookups(params.repeats);
  for (let h = 0; h < histories.length; h++) {
    const history = histories[h] as LearnerHistory;
    // Leave-one-learner-out easiness and out-of-fold BKT: a training learner's own answers never reach his features
    // through a fitted table, as they never will for a new learner.
    if (params.easiness !== undefined || bktOf !== undefined || neighborsOf !== undefined || repeatGain !== undefined || sequenceOf !== undefined) {
      config = countsConfigOf(
        params.spec,
        bktOf === undefined ? params.bkt : bktOf(h),
        easiness === undefined ? undefined : easiness(ownItemCounts(history)),
        neighborsOf === undefined ? fixedNeighbors : neighborsOf(h),
        repeatGain === undefined ? undefined : repeatGain(ownRepeatCounts(history)),
        sequenceOf?.(h),
      );
    }
    let state = initialCounts(config);
    for (const observation of history.observations) {
      encodeFeatures(layout, config, state, observation.itemId, observation.skillIds, observation.time, buffer);
      builder.addRow(buffer.indices, buffer.values);
      labels.push(observation.correct ? 1 : 0);
      state = updateCounts(state, observation, config);
    }
  }
  return { X: builder.build(), y: Uint8Array.from(labels) };
}

/**
 * Fits a logistic tracer: replays each learner's history to build features from the past only, then fits the
 * ridge-regularized logistic regression with L-BFGS (success weights bounded at 0, see createLayout). Time-window
 * features are dropped when no training observation carries a time. Ids are sorted, so a fit is deterministic.
 */
export function fitLogisticParams(spec: LogisticSpec, histories: readonly LearnerHistory[], rng: Rng): LogisticParams {
  const items = new Set<string>();
  const skills = new Set<string>();
  let timed = false;
  for (const history of histories) {
    for (const observation of history.observations) {
      items.add(observation.itemId);
      for (const skillId of observation.skillIds) skills.add(skillId);
      if (observation.time !== undefined) timed = true;
    }
  }
  const effective: LogisticSpec = timed ? spec : { ...spec, windowsSeconds: [] };
  const itemIds = effective.item ? [...items].sort() : [];
  const skillIds = [...skills].sort();
  const bkt = effective.bkt ? fitBkt(histories, { rng, restarts: 3 }) : undefined;
  const easiness = effective.elo === undefined ? undefined : countItemEasiness(histories, effective.elo.smoothing);
  const layout = createLayout(effective, itemIds, skillIds);
  const repeats =
    effective.repeatGain === undefined || !effective.itemCounts ? undefined : countItemRepeats(histories, effective.repeatGain.smoothing);
  const fitted = {
    spec: effective,
    ...(bkt === undefined ? {} : { bkt }),
    ...(easiness === undefined ? {} : { easiness }),
    ...(repeats === undefined ? {} : { repeats }),
  };
  let bktOf: ((h: number) => BktParams) | undefined;
  if (bkt !== undefined && effective.bktCrossFit === true && histories.length >= 4) {
    // Two folds of learners (even / odd positions): each fold's features use BKT fitted on the other fold.
    const even = fitBkt(histories.filter((_, h) => h % 2 === 0), { rng, restarts: 3 });
    const odd = fitBkt(histories.filter((_, h) => h % 2 === 1), { rng, restarts: 3 });
    bktOf = (h) => (h % 2 === 0 ? odd : even);
  }
  let neighbors: ItemNeighbors | undefined;
  let neighborsOf: ((h: number) => NeighborLookup) | undefined;
  if (effective.neighbors !== undefined && effective.elo !== undefined && easiness !== undefined) {
    const options = { alpha: effective.elo.alpha, ...effective.neighbors };
    const lookup = easinessLookups(easiness)();
    neighbors = fitItemNeighbors(histories, lookup, options);
    if (histories.length >= 4) {
      // Out of fold, like BKT: a training learner's features use related items learned from the other half.
      const even = neighborLookup(fitItemNeighbors(histories.filter((_, h) => h % 2 === 0), lookup, options));
      const odd = neighborLookup(fitItemNeighbors(histories.filter((_, h) => h % 2 === 1), lookup, options));
      neighborsOf = (h) => (h % 2 === 0 ? odd : even);
    }
  }
  let sequence: SequenceModel[] | undefined;
  let sequenceOf: ((h: number) => readonly SequenceRunner[]) | undefined;
  if (effective.sequence !== undefined && histories.length >= 4) {
    // Out of fold: model k is fitted on every fold of learners but k and serves fold k; new learners read them all.
    const fittedSequence = fitSequenceModels(histories, effective.sequence, rng);
    sequence = fittedSequence.models;
    const runners = fittedSequence.folds.map(sequenceRunner);
    sequenceOf = (h) => fittedSequence.of(h).map((k) => runners[k] as SequenceRunner);
  }
  const withNeighbors = { ...(neighbors === undefined ? fitted : { ...fitted, neighbors }), ...(sequence === undefined ? {} : { sequence }) };
  const { X, y } = buildDesign(layout, withNeighbors, histories, bktOf, neighborsOf, sequenceOf);
  const weights = fitLogistic(X, y, { l2: layout.l2, lower: layout.lower });
  const fittedParams = { ...withNeighbors, itemIds, skillIds, weights: Array.from(weights) };
  if (effective.boost === undefined) return fittedParams;
  const learnerOfRow = new Int32Array(X.rows);
  for (let h = 0, r = 0; h < histories.length; h++) {
    for (let k = 0; k < (histories[h] as LearnerHistory).observations.length; k++) learnerOfRow[r++] = h;
  }
  const crossFit = histories.length >= 4;
  return { ...fittedParams, boosted: fitResidualTrees(effective.boost, layout, X, y, weights, crossFit ? learnerOfRow : undefined, rng) };
}

/**
 * Fits residual trees on a design matrix, cross-fitted: each half of the learners (even / odd positions, from
 * `learnerOfRow`) gets its log-odds and its item and skill difficulties from a logistic fit on the other half (started
 * from the full fit's weights), so the trees learn what the model misses on learners it has not seen — not its
 * in-sample fit, nor an item weight that already encodes these very answers. Without `learnerOfRow` (too few
 * learners to split) the full fit's weights serve every row.
 */
function fitResidualTrees(
  options: ResidualBoostOptions,
  layout: FeatureLayout,
  X: SparseRows,
  y: Uint8Array,
  weights: Float64Array,
  learnerOfRow: Int32Array | undefined,
  rng: Rng,
): BoostedTrees {
  const foldOf = (r: number): number => (learnerOfRow === undefined ? 0 : (learnerOfRow[r] as number) % 2);
  const foldWeights = [weights, weights];
  for (const fold of learnerOfRow === undefined ? [] : [0, 1]) {
    const outside = (r: number): boolean => foldOf(r) !== fold;
    foldWeights[fold] = fitLogistic(selectRows(X, outside), y.filter((_, r) => outside(r)), {
      l2: layout.l2,
      lower: layout.lower,
      initial: weights,
      ...(options.foldIterations === undefined ? {} : { maxIterations: options.foldIterations }),
    });
  }
  // Large training sets: the trees see a random subset of rows (the drawn mask is fixed by the fit's rng).
  const keep = options.maxRows === undefined || X.rows <= options.maxRows ? 1 : options.maxRows / X.rows;
  const drawn = Uint8Array.from({ length: X.rows }, () => (keep === 1 || rng() < keep ? 1 : 0));
  const inputsOf = foldWeights.map((w) => createTreeInputs(layout, w));
  const F = (inputsOf[0] as TreeInputs).names.length;
  let rows = 0;
  for (let r = 0; r < X.rows; r++) rows += drawn[r] as number;
  const data = new Float64Array(rows * F);
  const base = new Float64Array(rows);
  const labels = new Uint8Array(rows);
  for (let r = 0, at = 0; r < X.rows; r++) {
    if (drawn[r] === 0) continue;
    const fold = foldOf(r);
    const w = foldWeights[fold] as Float64Array;
    const a = X.rowStart[r] as number;
    const b = X.rowStart[r + 1] as number;
    let z = 0;
    for (let k = a; k < b; k++) z += (w[X.column[k] as number] as number) * (X.value[k] as number);
    base[at] = z;
    labels[at] = y[r] as number;
    fillTreeInputs(inputsOf[fold] as TreeInputs, X.column, X.value, a, b, z, data, at * F);
    at++;
  }
  return fitBoostedTrees({ rows, features: F, data }, labels, base, options);
}
