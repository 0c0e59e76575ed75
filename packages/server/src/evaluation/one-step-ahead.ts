import { scorePredictions, type KnowledgeTracer, type LearnerHistory, type PredictionScores } from "@attune/engine";

/** Outcomes and predictions of a one-step-ahead replay. */
export interface Replay {
  readonly labels: Uint8Array;
  readonly predictions: Float64Array;
}

/**
 * One-step-ahead evaluation: each test learner starts from the initial state; every attempt is first predicted from
 * the learner's past only, then the state is updated with it. Nothing from the future (or from other test
 * learners) reaches a prediction.
 */
export function replayOneStepAhead(tracer: KnowledgeTracer, histories: readonly LearnerHistory[]): Replay {
  let n = 0;
  for (const h of histories) n += h.observations.length;
  const labels = new Uint8Array(n);
  const predictions = new Float64Array(n);
  let k = 0;
  for (const history of histories) {
    let state = tracer.initialState();
    for (const observation of history.observations) {
      predictions[k] = tracer.predict(state, observation);
      labels[k] = observation.correct ? 1 : 0;
      k++;
      state = tracer.update(state, observation);
    }
  }
  return { labels, predictions };
}

/** Replays and scores (AUC, RMSE, log loss, accuracy, ECE). */
export function evaluateOneStepAhead(tracer: KnowledgeTracer, histories: readonly LearnerHistory[]): PredictionScores {
  const { labels, predictions } = replayOneStepAhead(tracer, histories);
  return scorePredictions(labels, predictions);
}
