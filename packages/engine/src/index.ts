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
export { bktParamsFor } from "./knowledge/bkt.ts";
export { calibrateIrt, irtItemInformation, irtProbability, type IrtCalibration, type IrtItem } from "./knowledge/irt-fit.ts";
export { createIrtTracer, fitIrtParams, type IrtParams, type IrtState } from "./knowledge/irt.ts";
export { createLogisticTracer, fitLogisticParams, type LogisticParams } from "./knowledge/logistic-tracer.ts";
export { BEST_LR_SPEC, BEST_SPEC, PFA_SPEC } from "./knowledge/logistic-models.ts";
export type { LogisticSpec } from "./knowledge/logistic-features.ts";
export type { CountsState } from "./knowledge/logistic-state.ts";

// Metrics
export { auc } from "./metrics/auc.ts";
export { accuracy, expectedCalibrationError, logLoss, rmse, scorePredictions, type PredictionScores } from "./metrics/scores.ts";

// ---------------------------------------------------------------------------------------------------------------
// Adaptive engine: next activity, memory (FSRS), placement, plans, policy simulation.
// (Appended block — owned by the policy/memory/placement/planning/simulation work; edit the part above separately.)
export { ancestorsOf, buildCourseGraph, DEFAULT_MASTERY_THRESHOLD, type CourseGraph, type CourseGraphInput, type ItemInfo, type LessonInfo, type SkillNode, type UnitInfo } from "./policy/course-graph.ts";
export { chooseItem, DEFAULT_ZONE, predictFromMastery, predictItemDefault, zoneFit, type Zone } from "./policy/item-choice.ts";
export { markTargets, targetBonus, type Assignment, type GoalRef, type TargetMark } from "./policy/learning-targets.ts";
export { nextActivity, type Activity, type LearnerPreferences, type NextActivityInput, type NextActivityOptions, type NextActivityResult, type RecentAttempt, type Recommendation } from "./policy/next-activity.ts";
export { renderDue, renderReason, type Reason, type ReasonPart, type RenderOptions, type SkillRef } from "./policy/reasons.ts";
export { createMemoryCard, DEFAULT_TARGET_RETENTION, isReviewDue, memoryRetrievability, reviewDueAt, reviewMemoryCard, type MemoryCard, type MemoryOptions, type ReviewGrade } from "./memory/memory-card.ts";
export { binaryEntropy, nextPlacementItem, placementResult, recordPlacementResponse, startPlacement, type PlacementResult, type PlacementStep, type PlacementStop } from "./placement/placement.ts";
export { type PlacementOptions, type PlacementResponse, type PlacementState } from "./placement/placement-model.ts";
export { DEFAULT_SIM_START, fitPilotBkt, SIM_POLICIES, simulatePolicy, type PolicySimulationOptions, type PolicySimulationReport, type SimPolicyName } from "./simulation/run-simulation.ts";
export { simulatePlacement, type PlacementSimulationOptions, type PlacementSimulationReport } from "./simulation/placement-simulation.ts";
export { answerItemDetailed, DEFAULT_TRUTH_RANGES, drawCourseTruth, drawLearner, studyLesson, type CourseTruth, type SyntheticLearner, type TrueSkill, type TruthRanges } from "./simulation/synthetic-learner.ts";
export { projectPlan, type Pace, type PlanGoal, type PlanInput, type PlanProjection, type PlanStatus } from "./planning/learning-plan.ts";

// ---------------------------------------------------------------------------------------------------------------
// Teachers', mentors' and guardians' views (issue #7): alerts, item analysis, class summary, progress report, groups.
// (Appended block — owned by the analytics/grouping work.)
export { groupByLearner, skillStatus, sortAttempts, toMs, type AttemptRecord, type Instant, type LessonViewRecord, type MasteryPoint, type SkillStateRecord, type SkillStatus } from "./analytics/records.ts";
export { formatDay, localDay, startOfLocalDay, streakDays, weekWindow, type TimeZoneOffset, type WeekMode, type WeekWindow } from "./analytics/time.ts";
export { DEFAULT_ALERT_THRESHOLDS } from "./analytics/alert-context.ts";
export type { Alert, AlertKind, AlertPlan, AlertSeverity, AlertSkillRef, AlertThresholds, FallingMasteryEvidence, HintAbuseEvidence, InactiveEvidence, LearnerAlertInput, PlanBehindEvidence, RapidGuessingEvidence, WheelSpinningEvidence } from "./analytics/alert-types.ts";
export { ALERT_KINDS, classAlerts, learnerAlerts, sortAlerts } from "./analytics/alerts.ts";
export { medianResponseMsByItem, rapidThresholdMs } from "./analytics/alerts-behaviour.ts";
export { analyzeItems, DEFAULT_ITEM_ANALYSIS_OPTIONS, normalizeAnswer, type ItemAnalysis, type ItemAnalysisInput, type ItemAnalysisOptions, type ItemFlag, type ItemFlagCode, type WrongAnswerCount } from "./analytics/item-analysis.ts";
export { DEFAULT_MAX_ATTEMPT_MS, summarizeActivity, summarizeClass, type ActivitySummary, type ClassLearner, type ClassSummary, type ClassSummaryInput, type SkillDistribution, type WeeklyActivity } from "./analytics/class-summary.ts";
export { progressReport, type ProgressReport, type ProgressReportInput, type ReportGoal, type ReportPlan, type ReportSkill } from "./analytics/progress-report.ts";
export { suggestSmallGroups, type GroupingLearner, type GroupingState, type SmallGroup, type SmallGroupEvidence, type SmallGroupsInput, type SmallGroupsResult } from "./grouping/small-groups.ts";
