import type { PlanProjection } from "../planning/learning-plan.ts";
import type { CourseGraph } from "../policy/course-graph.ts";
import type { AttemptRecord, Instant, LessonViewRecord, MasteryPoint, SkillStateRecord } from "./records.ts";
import type { TimeZoneOffset } from "./time.ts";

/** What an alert is about. */
export type AlertKind = "wheel-spinning" | "falling-mastery" | "rapid-guessing" | "hint-abuse" | "inactive" | "plan-behind";

/** How soon a teacher should look: high first. */
export type AlertSeverity = "high" | "medium" | "low";

/** A skill named in an alert, with the learner's mastery of it when known. */
export interface AlertSkillRef {
  readonly skillId: string;
  readonly name: string;
  readonly mastery: number | null;
  readonly threshold: number;
}

export interface WheelSpinningEvidence {
  /** Practice attempts at the skill since it was last mastered (all of them if it never was). */
  readonly attempts: number;
  readonly correct: number;
  readonly correctShare: number;
  readonly hintsUsed: number;
  /** Local calendar days on which the skill was practised. */
  readonly days: number;
  readonly firstAttemptAt: number;
  readonly lastAttemptAt: number;
  readonly mastery: number | null;
  readonly threshold: number;
  /** Prerequisites (direct first, then further back) not yet mastered, weakest first. */
  readonly unmasteredPrerequisites: readonly AlertSkillRef[];
}

export interface FallingMasteryEvidence {
  readonly mastery: number;
  readonly threshold: number;
  /** The highest mastery in the comparison window and when it was reached. */
  readonly peak: number;
  readonly peakAt: number;
  readonly drop: number;
  /** The skill was mastered (at or above its threshold) and now is not. */
  readonly lostMastery: boolean;
  readonly attemptsSincePeak: number;
  readonly wrongSincePeak: number;
  /** "recent-errors" when wrong answers came after the peak, else "forgetting" (mastery fell with time alone). */
  readonly cause: "recent-errors" | "forgetting";
}

export interface RapidGuessingEvidence {
  readonly windowDays: number;
  /** Attempts in the window with a known response time. */
  readonly attempts: number;
  readonly rapid: number;
  readonly rapidShare: number;
  /** Right answers among the rapid ones (guesses are right about as often as chance). */
  readonly rapidCorrect: number;
  readonly medianResponseMs: number;
  /** How many of the rapid answers were judged against the class's median time for the item (the rest: the flat threshold). */
  readonly judgedByClassMedian: number;
}

export interface HintAbuseEvidence {
  readonly windowDays: number;
  readonly attempts: number;
  readonly withHints: number;
  /** Attempts where every hint was opened (the last one usually shows the answer). */
  readonly bottomOut: number;
  /** Attempts where hints were requested faster than they can be read. */
  readonly rapidHints: number;
  /** Attempts with bottom-out or rapid hints (counted once). */
  readonly abusive: number;
  readonly abusiveShare: number;
}

export interface InactiveEvidence {
  readonly daysInactive: number;
  /** Last attempt or lesson view; null when there has been none. */
  readonly lastActiveAt: number | null;
  /** The most minutes a week any active goal expects. */
  readonly weeklyMinutes: number;
  readonly goalIds: readonly string[];
}

export interface PlanBehindEvidence {
  readonly targetDate: number;
  /** null when no time a week is planned (the work would never finish). */
  readonly projectedCompletion: number | null;
  /** Whole days after the target date; null when it would never finish. */
  readonly daysLate: number | null;
  readonly remainingSkills: number;
  readonly weeklyMinutes: number;
  /** Extra minutes a week that would finish on time; null when the target date has passed. */
  readonly extraMinutesPerWeek: number | null;
  readonly targetPassed: boolean;
}

interface AlertBase {
  readonly learnerId: string;
  readonly severity: AlertSeverity;
  /** What was seen, in plain English with the numbers. */
  readonly message: string;
  /** What a teacher could do about it. */
  readonly suggestedAction: string;
}

/** An alert about one learner: structured evidence and the sentences explaining it. */
export type Alert =
  | (AlertBase & { readonly kind: "wheel-spinning"; readonly skillId: string; readonly skillName: string; readonly evidence: WheelSpinningEvidence })
  | (AlertBase & { readonly kind: "falling-mastery"; readonly skillId: string; readonly skillName: string; readonly evidence: FallingMasteryEvidence })
  | (AlertBase & { readonly kind: "rapid-guessing"; readonly evidence: RapidGuessingEvidence })
  | (AlertBase & { readonly kind: "hint-abuse"; readonly evidence: HintAbuseEvidence })
  | (AlertBase & { readonly kind: "inactive"; readonly evidence: InactiveEvidence })
  | (AlertBase & { readonly kind: "plan-behind"; readonly goalId?: string; readonly goalTitle?: string; readonly evidence: PlanBehindEvidence });

/** Thresholds of the alerts; {@link DEFAULT_ALERT_THRESHOLDS} documents each default. */
export interface AlertThresholds {
  /** Practice attempts at a skill without mastering it that make wheel-spinning (Beck & Gong 2013: 10). */
  readonly wheelSpinningAttempts: number;
  /** A skill not practised for this many days is no longer reported as wheel-spinning. */
  readonly wheelSpinningStaleDays: number;
  /** A fall of mastery at least this large within `fallingWindowDays` is an alert even without lost mastery. */
  readonly fallingDrop: number;
  readonly fallingWindowDays: number;
  /** A lost mastery is reported when the skill was mastered at some point in the last this-many days. */
  readonly lostMasteryLookbackDays: number;
  /** Days without any activity, while a plan expects weekly minutes, that make an inactivity alert. */
  readonly inactiveDays: number;
  /** Days of recent attempts looked at for rapid guessing and hint abuse. */
  readonly behaviourWindowDays: number;
  /** Fewest attempts in the window before rapid guessing or hint abuse is judged. */
  readonly behaviourMinAttempts: number;
  /** Response time under which an answer is rapid when the class's median time for the item is unknown. */
  readonly rapidMs: number;
  /** With a class median: rapid = under this fraction of it (Wise & Ma 2012, "NT10")… */
  readonly rapidFractionOfMedian: number;
  /** …but never a threshold above this. */
  readonly rapidMaxMs: number;
  /** Share of rapid answers that makes an alert. */
  readonly rapidShare: number;
  /** Hints requested less than this apart (on average) are clicked through, not read. */
  readonly hintGapMs: number;
  /** Share of attempts with bottom-out or rapid hints that makes an alert. */
  readonly hintAbuseShare: number;
  /** A plan projected to finish up to this many days late is not reported. */
  readonly planGraceDays: number;
}

/** A goal of the learner's plan with its projection (from `projectPlan`). */
export interface AlertPlan {
  readonly goalId?: string;
  readonly title?: string;
  readonly weeklyMinutes: number;
  readonly targetDate: Instant;
  /** When the goal was set: the start of the inactivity count when the learner has no activity yet. */
  readonly createdAt?: Instant;
  /** Omit to skip the behind-schedule check for this goal. */
  readonly projection?: PlanProjection;
}

/** Everything the alerts of one learner need, as plain data. */
export interface LearnerAlertInput {
  readonly now: number;
  readonly learnerId: string;
  /** Used in messages ("Maya has…"); "This learner" when absent. */
  readonly learnerName?: string;
  /** Skill names, prerequisites, thresholds and lessons. */
  readonly course: CourseGraph;
  /** The learner's attempts in the course (other learners' rows are ignored). */
  readonly attempts: readonly AttemptRecord[];
  readonly lessonViews?: readonly LessonViewRecord[];
  /** Current knowledge state per skill. */
  readonly skillStates?: readonly SkillStateRecord[];
  /** Mastery after each piece of evidence, for falls of mastery. */
  readonly masteryHistory?: readonly MasteryPoint[];
  readonly plans?: readonly AlertPlan[];
  /** The class's median response time per item (e.g. from `medianResponseMsByItem` or `analyzeItems`). */
  readonly itemMedianMs?: ReadonlyMap<string, number>;
  readonly thresholds?: Partial<AlertThresholds>;
  readonly timeZoneOffsetMinutes?: TimeZoneOffset;
}
