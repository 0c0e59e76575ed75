/**
 * The one interface every knowledge tracer implements (BKT, IRT, PFA, Best-LR, best).
 *
 * A tracer is built from fitted parameters; a learner's knowledge state is a plain immutable value that the tracer
 * threads through `update`. Nothing here reads a clock or draws random numbers: time arrives inside observations.
 */

/** One attempt of a learner at an item, as evidence for the knowledge tracer. */
export interface Observation {
  readonly itemId: string;
  /** Skills the item exercises; an item tagged with several skills updates all of them. */
  readonly skillIds: readonly string[];
  readonly correct: boolean;
  /** Milliseconds since the Unix epoch; omit when unknown (time-window features are then skipped). */
  readonly time?: number;
  /** Hints the learner opened before answering (reported by `explain`). */
  readonly hintsUsed?: number;
}

/** The item a prediction is asked for (an observation without its outcome). */
export interface ItemRef {
  readonly itemId: string;
  readonly skillIds: readonly string[];
  readonly time?: number;
}

/** The evidence behind a mastery estimate, in plain terms for learners, teachers and guardians. */
export interface MasteryExplanation {
  readonly skillId: string;
  /** P(skill known), the same number `mastery` returns. */
  readonly mastery: number;
  /** Mastery before any evidence from this learner (the model's prior for the skill). */
  readonly prior: number;
  readonly correct: number;
  readonly incorrect: number;
  readonly hintsUsed: number;
  /** Outcomes of the most recent attempts at this skill, oldest first (at most 5). */
  readonly recent: readonly boolean[];
  /** Attempts (at any skill) since this skill was last practised; undefined if never. */
  readonly attemptsSinceLastPractice?: number;
  /** Time of the last attempt at this skill, when observations carried time. */
  readonly lastPracticedAt?: number;
  /** One or two sentences saying the above in words. */
  readonly summary: string;
}

/** Versioned JSON form of a fitted model: `{ version, model, fittedAt?, params }`. */
export interface SerializedModel<P = unknown> {
  readonly version: number;
  readonly model: string;
  readonly fittedAt?: string;
  readonly params: P;
}

/**
 * A knowledge tracer over learner states `S`. All methods are pure: `update` returns a new state and leaves its
 * input untouched, so a state can be kept, compared or replayed (the event log is the source of truth).
 */
export interface KnowledgeTracer<S = unknown> {
  /** Registry name of the model ("bkt", "best-lr", …). */
  readonly model: string;
  /**
   * True when the model lets mastery decay between attempts (BKT with forgetting): then a correct answer at an
   * already well-mastered skill can end slightly lower than before, because one more opportunity to forget passed.
   * Tracers with `forgets: false` guarantee that a correct answer never lowers mastery.
   */
  readonly forgets: boolean;
  /** The state of a learner with no evidence yet. */
  initialState(): S;
  /** The state after one more observation. */
  update(state: S, observation: Observation): S;
  /** P(correct) on the next attempt at `item`. */
  predict(state: S, item: ItemRef): number;
  /** P(skill known). */
  mastery(state: S, skillId: string): number;
  /** Why `mastery` says what it says. */
  explain(state: S, skillId: string): MasteryExplanation;
  /** The fitted parameters in versioned JSON form (load back with `loadTracer`). */
  serialize(fittedAt?: string): SerializedModel;
}

/** A learner's attempts in the order they happened, for fitting. */
export interface LearnerHistory {
  readonly learnerId: string;
  readonly observations: readonly Observation[];
}

/** A uniform random number in [0, 1), supplied by the caller so fits are reproducible. */
export type Rng = () => number;
