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
} from "./logistic-features.ts";
import { initialCounts, skillCountsOf, updateCounts, type CountsState } from "./logistic-state.ts";
import { SparseRowsBuilder } from "./sparse-rows.ts";
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
  const config = countsConfigOf(params.spec, params.bkt);
  // One scratch buffer: the tracer is synchronous, so no two calls interleave.
  const buffer: FeatureBuffer = { indices: [], values: [] };
  const initial = initialCounts(config);
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
      return sigmoid(dotSparse(weights, buffer));
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
  params: Pick<LogisticParams, "spec" | "bkt">,
  histories: readonly LearnerHistory[],
): { X: ReturnType<SparseRowsBuilder["build"]>; y: Uint8Array } {
  const config = countsConfigOf(params.spec, params.bkt);
  const builder = new SparseRowsBuilder(layout.columns);
  const labels: number[] = [];
  const buffer: FeatureBuffer = { indices: [], values: [] };
  for (const history of histories) {
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
  const layout = createLayout(effective, itemIds, skillIds);
  const { X, y } = buildDesign(layout, { spec: effective, ...(bkt === undefined ? {} : { bkt }) }, histories);
  const weights = fitLogistic(X, y, { l2: layout.l2, lower: layout.lower });
  return { spec: effective, itemIds, skillIds, weights: Array.from(weights), ...(bkt === undefined ? {} : { bkt }) };
}
