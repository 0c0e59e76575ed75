/**
 * The plain-data rows the analytics read: attempts, lesson views, knowledge-state rows and mastery history, shaped
 * like the server's tables (ISO-8601 text or epoch milliseconds both accepted for times) so a service can pass rows
 * through with little mapping. Nothing here reads a clock: every function that needs "now" takes it.
 */

/** A moment: milliseconds since the Unix epoch, or an ISO-8601 string (as the database stores it). */
export type Instant = number | string;

/** One attempt at an item (a row of the append-only attempt log). */
export interface AttemptRecord {
  readonly learnerId: string;
  readonly itemId: string;
  readonly skillIds: readonly string[];
  readonly correct: boolean;
  readonly answeredAt: Instant;
  /** Time on task in milliseconds (the item shown → answer sent); null or absent when unknown. */
  readonly responseMs?: number | null;
  /** Hints opened before answering. */
  readonly hintsUsed?: number;
  /** Hints the item offers; opening all of them is "bottom-out" hint use (the last hint usually gives the answer). */
  readonly hintCount?: number;
  /** Milliseconds from showing the item to each hint request, when the client records them. */
  readonly hintTimesMs?: readonly number[];
  /** 1 for the learner's first attempt at this item; derived from the order of answers when absent. */
  readonly attemptNumber?: number;
  /** The answer as text (for the distribution of wrong answers). */
  readonly answer?: string;
  /** The misconception the checker recognised in a wrong answer, if any. */
  readonly misconceptionId?: string;
  /** practice | placement | review | lesson (placement answers are not practice). */
  readonly context?: string;
}

/** Visible time on a lesson. */
export interface LessonViewRecord {
  readonly learnerId: string;
  readonly lessonId: string;
  readonly viewedAt: Instant;
  readonly seconds: number;
}

/** A learner's knowledge state of one skill (a `learner_skill_states` row). */
export interface SkillStateRecord {
  readonly learnerId: string;
  readonly skillId: string;
  /** P(known). */
  readonly mastery: number;
  readonly attempts: number;
  /** Set while the skill counts as mastered. */
  readonly masteredAt?: Instant | null;
  /** When the spaced review of a mastered skill is due. */
  readonly reviewDueAt?: Instant | null;
  readonly lastPracticedAt?: Instant | null;
}

/**
 * Mastery of a skill after some evidence (the server has it in each attempt's `masteryChanges.after`, or by replaying
 * the log). Used to see mastery fall; points of one skill need not be sorted.
 */
export interface MasteryPoint {
  readonly skillId: string;
  readonly at: Instant;
  readonly mastery: number;
}

/** Where a learner stands on a skill, as the class map shows it. */
export type SkillStatus = "mastered" | "review-due" | "in-progress" | "not-started";

/** Milliseconds since the epoch of an {@link Instant}; throws on text that is not a date. */
export function toMs(at: Instant): number {
  if (typeof at === "number") return at;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${JSON.stringify(at)}`);
  return ms;
}

/**
 * The status of a skill state, with the class map's rule: mastered (or review-due once its review date has come),
 * else in progress after any attempt, else not started. No state at all is "not-started".
 */
export function skillStatus(state: SkillStateRecord | undefined, now: number): SkillStatus {
  if (state === undefined) return "not-started";
  if (state.masteredAt !== null && state.masteredAt !== undefined) {
    return state.reviewDueAt !== null && state.reviewDueAt !== undefined && toMs(state.reviewDueAt) <= now ? "review-due" : "mastered";
  }
  return state.attempts > 0 ? "in-progress" : "not-started";
}

/** Attempts with their time in milliseconds, oldest first (ties keep the input order). */
export function sortAttempts<T extends AttemptRecord>(attempts: readonly T[]): (T & { readonly at: number })[] {
  return attempts.map((a, i) => ({ a: { ...a, at: toMs(a.answeredAt) }, i })).sort((x, y) => x.a.at - y.a.at || x.i - y.i).map((x) => x.a);
}

/** Rows grouped by learner id (only the learners in `keep`, when given), in their input order. */
export function groupByLearner<T extends { readonly learnerId: string }>(rows: readonly T[], keep?: ReadonlySet<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    if (keep !== undefined && !keep.has(row.learnerId)) continue;
    let list = groups.get(row.learnerId);
    if (list === undefined) groups.set(row.learnerId, (list = []));
    list.push(row);
  }
  return groups;
}
