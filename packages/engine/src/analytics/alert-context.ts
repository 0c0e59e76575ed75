import { DEFAULT_MASTERY_THRESHOLD } from "../policy/course-graph.ts";
import type { AlertSkillRef, AlertThresholds, LearnerAlertInput } from "./alert-types.ts";
import { sortAttempts, toMs, type AttemptRecord, type SkillStateRecord } from "./records.ts";

/**
 * Defaults of the alerts, each with its reason:
 * - wheelSpinningAttempts 10: Beck & Gong (2013), "Wheel-spinning: students who fail to master a skill", AIED —
 *   10 practice opportunities without mastery; mastery here is P(known) ≥ the skill's threshold, not 3 right in a row.
 * - wheelSpinningStaleDays 30: a skill left alone for a month is a plan question, not a struggle happening now.
 * - fallingDrop 0.2 within fallingWindowDays 7: the definition of a sharp fall.
 * - lostMasteryLookbackDays 30: a mastery lost within the last month.
 * - inactiveDays 7: one week of a weekly plan without any activity.
 * - behaviourWindowDays 14, behaviourMinAttempts 10: two weeks and enough answers for a share to mean something.
 * - rapidMs 5 000, rapidFractionOfMedian 0.1, rapidMaxMs 10 000: Wise & Ma (2012)'s normative threshold NT10 (10% of
 *   the item's usual time, capped at 10 s) when the class's median is known, else 5 s (too fast to read a question).
 * - rapidShare 0.25: more conservative than Wise & Kong (2005)'s response-time effort < 0.90 (over 10% rapid),
 *   because practice mixes in quick reviews of known skills.
 * - hintGapMs 5 000: a hint cannot be read in less (Aleven et al. 2006, help-seeking model: "clicking through hints").
 * - hintAbuseShare 0.3: bottom-out or clicked-through hints on almost a third of the questions.
 * - planGraceDays 0: any projected lateness is reported.
 */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  wheelSpinningAttempts: 10,
  wheelSpinningStaleDays: 30,
  fallingDrop: 0.2,
  fallingWindowDays: 7,
  lostMasteryLookbackDays: 30,
  inactiveDays: 7,
  behaviourWindowDays: 14,
  behaviourMinAttempts: 10,
  rapidMs: 5_000,
  rapidFractionOfMedian: 0.1,
  rapidMaxMs: 10_000,
  rapidShare: 0.25,
  hintGapMs: 5_000,
  hintAbuseShare: 0.3,
  planGraceDays: 0,
};

/** A learner's rows indexed once for the alert rules. */
export interface AlertContext {
  readonly input: LearnerAlertInput;
  readonly now: number;
  readonly t: AlertThresholds;
  readonly offset: number;
  /** "Maya" or "This learner". */
  readonly who: string;
  /** The learner's attempts up to now, oldest first. */
  readonly attempts: readonly (AttemptRecord & { readonly at: number })[];
  readonly states: ReadonlyMap<string, SkillStateRecord>;
  /** Mastery points per skill up to now, oldest first. */
  readonly history: ReadonlyMap<string, readonly { readonly at: number; readonly mastery: number }[]>;
  name(skillId: string): string;
  threshold(skillId: string): number;
  /** Current mastery: the state's, else the last history point's, else null. */
  mastery(skillId: string): number | null;
  ref(skillId: string): AlertSkillRef;
}

/** Indexes one learner's rows (others' rows dropped, future rows ignored) for the rules. */
export function alertContext(input: LearnerAlertInput): AlertContext {
  const { course, now, learnerId } = input;
  const t = { ...DEFAULT_ALERT_THRESHOLDS, ...input.thresholds };
  const attempts = sortAttempts(input.attempts.filter((a) => a.learnerId === learnerId)).filter((a) => a.at <= now);
  const states = new Map<string, SkillStateRecord>();
  for (const s of input.skillStates ?? []) if (s.learnerId === learnerId) states.set(s.skillId, s);
  const history = new Map<string, { at: number; mastery: number }[]>();
  for (const p of input.masteryHistory ?? []) {
    const at = toMs(p.at);
    if (at > now) continue;
    let list = history.get(p.skillId);
    if (list === undefined) history.set(p.skillId, (list = []));
    list.push({ at, mastery: p.mastery });
  }
  for (const list of history.values()) list.sort((a, b) => a.at - b.at);
  const index = (id: string) => course.skillIndex.get(id);
  const name = (id: string) => {
    const i = index(id);
    return i === undefined ? id : (course.skills[i]?.name ?? id);
  };
  const threshold = (id: string) => {
    const i = index(id);
    return i === undefined ? DEFAULT_MASTERY_THRESHOLD : (course.thresholds[i] ?? DEFAULT_MASTERY_THRESHOLD);
  };
  const mastery = (id: string) => states.get(id)?.mastery ?? history.get(id)?.at(-1)?.mastery ?? null;
  return {
    input,
    now,
    t,
    offset: input.timeZoneOffsetMinutes ?? 0,
    who: input.learnerName?.trim() || "This learner",
    attempts,
    states,
    history,
    name,
    threshold,
    mastery,
    ref: (id) => ({ skillId: id, name: name(id), mastery: mastery(id), threshold: threshold(id) }),
  };
}
