// Public entry of @attune/engine.

// Knowledge tracing: one interface, several models (see knowledge/tracer.ts).
export type { ItemRef, KnowledgeTracer, LearnerHistory, MasteryExplanation, Observation, Rng, SerializedModel } from "./knowledge/tracer.ts";
export { fitTracer, KNOWLEDGE_MODELS, loadTracer, type TracerFitOptions } from "./knowledge/registry.ts";
export { createSeededRng } from "./knowledge/seeded-rng.ts";
export { simulateBktLearners, type SimulationOptions } from "./knowledge/simulate-learners.ts";
export {
  bktPredictCorrect,
  bktStep,
  createBktTracer,
  type BktParams,
  type BktSkillParams,
  type BktState,
} from "./knowledge/bkt.ts";
export { fitBkt, fitBktSkill, type BktFitOptions } from "./knowledge/bkt-fit.ts";
export { calibrateIrt, irtItemInformation, irtProbability, type IrtCalibration, type IrtItem } from "./knowledge/irt-fit.ts";
export { createIrtTracer, fitIrtParams, type IrtParams, type IrtState } from "./knowledge/irt.ts";
export { createLogisticTracer, fitLogisticParams, type LogisticParams } from "./knowledge/logistic-tracer.ts";
export { BEST_LR_SPEC, BEST_SPEC, PFA_SPEC } from "./knowledge/logistic-models.ts";
export type { LogisticSpec } from "./knowledge/logistic-features.ts";
export type { CountsState } from "./knowledge/logistic-state.ts";

// Metrics
export { auc } from "./metrics/auc.ts";
export { accuracy, expectedCalibrationError, logLoss, rmse, scorePredictions, type PredictionScores } from "./metrics/scores.ts";
