import { computeDecayFactor, createEmptyCard, default_w, forgetting_curve, fsrs, Rating, State, type Card, type FSRS, type Grade } from "ts-fsrs";

/**
 * Memory of a mastered skill: the FSRS card state (Ye et al., "A Stochastic Shortest Path Algorithm for Optimizing
 * Spaced Repetition Scheduling", KDD 2022; FSRS-6 as implemented by `ts-fsrs`) as a plain, JSON-serializable value.
 * Times are milliseconds since the Unix epoch. The scheduling itself is ts-fsrs's: this module only converts between
 * this plain value and ts-fsrs's `Card`, so the engine never reimplements FSRS.
 */
export interface MemoryCard {
  readonly due: number;
  /** FSRS stability S in days: the interval after which retrievability falls to 90%. */
  readonly stability: number;
  /** FSRS difficulty D in [1, 10]. */
  readonly difficulty: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  readonly state: 0 | 1 | 2 | 3;
  readonly lastReview: number | null;
}

/** Options of the memory functions. */
export interface MemoryOptions {
  /** Target retention: a review is due when predicted recall falls below it (default 0.9). */
  readonly targetRetention?: number;
  /** FSRS weights (default: ts-fsrs's FSRS-6 defaults). */
  readonly weights?: readonly number[];
  /** Grade of the first retrieval when a card is created (default "good"; "easy" for a skill shown known before any
   *  teaching, e.g. by placement, whose memory is older and firmer than one just learnt). */
  readonly initialGrade?: ReviewGrade;
}

/** Default target retention (the FSRS default `request_retention`). */
export const DEFAULT_TARGET_RETENTION = 0.9;
const DAY_MS = 86_400_000;

const schedulers = new Map<string, FSRS>();
/** One ts-fsrs scheduler per parameter set; no fuzz (fuzz would need randomness of its own) and no intraday steps. */
function schedulerFor(options: MemoryOptions | undefined): FSRS {
  const retention = options?.targetRetention ?? DEFAULT_TARGET_RETENTION;
  const key = `${retention}|${options?.weights?.join(",") ?? ""}`;
  let scheduler = schedulers.get(key);
  if (scheduler === undefined) {
    scheduler = fsrs({
      request_retention: retention,
      enable_fuzz: false,
      enable_short_term: false,
      ...(options?.weights === undefined ? {} : { w: [...options.weights] }),
    });
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

function toCard(card: MemoryCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    ...(card.lastReview === null ? {} : { last_review: new Date(card.lastReview) }),
  };
}

function fromCard(card: Card): MemoryCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as 0 | 1 | 2 | 3,
    lastReview: card.last_review === undefined ? null : card.last_review.getTime(),
  };
}

/** The FSRS grade of a review outcome: a wrong answer is Again, a right one Good (Hard/Easy may be passed explicitly). */
export type ReviewGrade = "again" | "hard" | "good" | "easy";
const GRADES: Record<ReviewGrade, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/**
 * The memory card of a skill just mastered at `now`. Reaching mastery counts as the first successful retrieval
 * (an FSRS "Good" on a new card), so the first review falls when FSRS predicts recall at the target retention.
 */
export function createMemoryCard(now: number, options?: MemoryOptions): MemoryCard {
  const empty = createEmptyCard(new Date(now));
  return fromCard(schedulerFor(options).next(empty, new Date(now), GRADES[options?.initialGrade ?? "good"]).card);
}

/** The card after a review at `now`: `correct` maps to Good / Again unless an explicit `grade` is given. */
export function reviewMemoryCard(card: MemoryCard, now: number, outcome: { correct: boolean; grade?: ReviewGrade }, options?: MemoryOptions): MemoryCard {
  const grade = GRADES[outcome.grade ?? (outcome.correct ? "good" : "again")];
  return fromCard(schedulerFor(options).next(toCard(card), new Date(now), grade).card);
}

function decayOf(options: MemoryOptions | undefined): { decay: number; factor: number } {
  return computeDecayFactor(options?.weights ?? default_w);
}

/**
 * Predicted recall of the skill at `now`: FSRS's power forgetting curve R(t, S) = (1 + factor·t/S)^decay
 * (FSRS-6, with R(S, S) = 0.9), evaluated by ts-fsrs's `forgetting_curve`. A card never reviewed recalls 1.
 */
export function memoryRetrievability(card: MemoryCard, now: number, options?: MemoryOptions): number {
  if (card.lastReview === null || card.stability <= 0) return card.lastReview === null ? 1 : 0;
  const elapsedDays = Math.max(0, (now - card.lastReview) / DAY_MS);
  return forgetting_curve(options?.weights ? [...options.weights] : default_w, elapsedDays, card.stability);
}

/** Reviews are at least this far apart: FSRS without short-term steps never schedules sooner than a day, and its
 *  stability update is only meant for reviews a day or more apart (same-day reviews barely move it). */
export const MIN_REVIEW_INTERVAL_MS = DAY_MS;

/**
 * True when a review is due at `now`: the predicted recall is below the target retention (default 0.9) and at
 * least a day has passed since the last review.
 */
export function isReviewDue(card: MemoryCard, now: number, options?: MemoryOptions): boolean {
  if (card.lastReview !== null && now - card.lastReview < MIN_REVIEW_INTERVAL_MS) return false;
  return memoryRetrievability(card, now, options) < (options?.targetRetention ?? DEFAULT_TARGET_RETENTION);
}

/**
 * When the review falls due: when predicted recall reaches the target retention — the inverse of the forgetting
 * curve, t = S/factor · (R^(1/decay) − 1) days after the last review (FSRS-6; Ye, "The Algorithm", FSRS wiki) —
 * but not sooner than a day after the last review.
 */
export function reviewDueAt(card: MemoryCard, options?: MemoryOptions): number {
  if (card.lastReview === null) return card.due;
  const { decay, factor } = decayOf(options);
  const target = options?.targetRetention ?? DEFAULT_TARGET_RETENTION;
  const days = (card.stability / factor) * (Math.pow(target, 1 / decay) - 1);
  return card.lastReview + Math.max(days * DAY_MS, MIN_REVIEW_INTERVAL_MS);
}
