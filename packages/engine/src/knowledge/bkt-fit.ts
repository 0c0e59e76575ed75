import type { BktParams, BktSkillParams } from "./bkt.ts";
import type { LearnerHistory, Rng } from "./tracer.ts";

/** Options of the BKT EM fit. */
export interface BktFitOptions {
  /** Fit a forgetting probability per skill (pyBKT's `forgets=True`). */
  readonly forgetting?: boolean;
  /** Random restarts per skill; the restart with the highest log-likelihood wins (default 5, like pyBKT's num_fits). */
  readonly restarts?: number;
  /** EM iterations per restart at most (default 100). */
  readonly maxIterations?: number;
  /** Stop when the log-likelihood improves by less than this (default 1e-6 per observation). */
  readonly tolerance?: number;
  /** Upper bounds that keep fits away from degenerate solutions where "known" means "wrong" (default 0.3 each). */
  readonly maxGuess?: number;
  readonly maxSlip?: number;
  readonly rng: Rng;
}

/** One skill's observations: 0/1 outcomes of all learners concatenated, and where each learner's sequence starts. */
export interface SkillSequences {
  readonly outcomes: Uint8Array;
  /** starts[k] is the first index of sequence k; starts[last] === outcomes.length. */
  readonly starts: Int32Array;
}

/** Result of EM on one skill. */
export interface BktSkillFit {
  readonly params: BktSkillParams;
  readonly logLikelihood: number;
  readonly iterations: number;
}

const FLOOR = 1e-6;
const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/** Groups every learner's attempts by skill id (an attempt tagged with several skills counts for each). */
export function sequencesBySkill(histories: readonly LearnerHistory[]): Map<string, SkillSequences> {
  const outcomes = new Map<string, number[]>();
  const starts = new Map<string, number[]>();
  for (const history of histories) {
    const seenHere = new Set<string>();
    for (const observation of history.observations) {
      for (const skillId of new Set(observation.skillIds)) {
        let o = outcomes.get(skillId);
        let s = starts.get(skillId);
        if (o === undefined || s === undefined) {
          o = [];
          s = [];
          outcomes.set(skillId, o);
          starts.set(skillId, s);
        }
        if (!seenHere.has(skillId)) {
          seenHere.add(skillId);
          s.push(o.length);
        }
        o.push(observation.correct ? 1 : 0);
      }
    }
  }
  const result = new Map<string, SkillSequences>();
  for (const [skillId, o] of outcomes) {
    const s = starts.get(skillId) ?? [];
    s.push(o.length);
    result.set(skillId, { outcomes: Uint8Array.from(o), starts: Int32Array.from(s) });
  }
  return result;
}

/** Sufficient statistics of one E-step (expected counts), named after the parameter each one estimates. */
export interface BktExpectedCounts {
  logLikelihood: number;
  sequences: number;
  /** Σ over sequences of γ₁(known) at the first attempt. */
  priorKnown: number;
  /** Σ_t ξ_t(unknown→known), Σ_t γ_t(unknown) for t < last. */
  learned: number;
  fromUnknown: number;
  /** Σ_t ξ_t(known→unknown), Σ_t γ_t(known) for t < last. */
  forgotten: number;
  fromKnown: number;
  /** Σ_t γ_t(unknown)·[correct], Σ_t γ_t(unknown). */
  guessed: number;
  unknown: number;
  /** Σ_t γ_t(known)·[wrong], Σ_t γ_t(known). */
  slipped: number;
  known: number;
}

/**
 * E-step: scaled forward-backward over every sequence of one skill (Rabiner 1989, "A tutorial on hidden Markov
 * models", eqs. 18–27 forward/backward, 37–38 ξ and γ, 91–93 scaling). Two hidden states: 0 unknown, 1 known.
 * Transition A = [[1−T, T], [F, 1−F]]; emission P(correct | unknown) = G, P(correct | known) = 1 − S.
 * `alpha` and `scale` are work buffers of at least the longest sequence's length (×2 for alpha).
 */
export function bktExpectedCounts(
  data: SkillSequences,
  p: BktSkillParams,
  alpha: Float64Array = new Float64Array(2 * data.outcomes.length),
  scale: Float64Array = new Float64Array(data.outcomes.length),
): BktExpectedCounts {
  const { outcomes, starts } = data;
  const { prior, learn: T, forget: F, guess: G, slip: S } = p;
  const c: BktExpectedCounts = {
    logLikelihood: 0, sequences: 0, priorKnown: 0, learned: 0, fromUnknown: 0, forgotten: 0, fromKnown: 0,
    guessed: 0, unknown: 0, slipped: 0, known: 0,
  };
  for (let k = 0; k + 1 < starts.length; k++) {
    const a = starts[k] as number;
    const b = starts[k + 1] as number;
    if (b <= a) continue;
    c.sequences++;
    // Forward pass, normalized at every step: alpha holds P(state_t | o_1..t); scale[t] = P(o_t | o_1..t-1).
    let p0 = 1 - prior;
    let p1 = prior;
    for (let t = a; t < b; t++) {
      const o = outcomes[t] as number;
      const e0 = o ? G : 1 - G;
      const e1 = o ? 1 - S : S;
      const f0 = p0 * e0;
      const f1 = p1 * e1;
      const sum = f0 + f1;
      const i = 2 * (t - a);
      alpha[i] = f0 / sum;
      alpha[i + 1] = f1 / sum;
      scale[t - a] = sum;
      c.logLikelihood += Math.log(sum);
      // Predicted state for t+1.
      p0 = (f0 / sum) * (1 - T) + (f1 / sum) * F;
      p1 = (f0 / sum) * T + (f1 / sum) * (1 - F);
    }
    // Backward pass with the same scaling, so γ_t = α_t·β_t needs no further normalization.
    let b0 = 1;
    let b1 = 1;
    for (let t = b - 1; t >= a; t--) {
      const i = 2 * (t - a);
      const a0 = alpha[i] as number;
      const a1 = alpha[i + 1] as number;
      const g0 = a0 * b0;
      const g1 = a1 * b1;
      const o = outcomes[t] as number;
      c.unknown += g0;
      c.known += g1;
      if (o) c.guessed += g0;
      else c.slipped += g1;
      if (t === a) c.priorKnown += g1;
      if (t > a) {
        // Move β from t to t−1 and collect ξ_{t−1}(i, j) = α_{t−1}(i) A_ij b_j(o_t) β_t(j) / scale_t.
        const ip = i - 2;
        const pa0 = alpha[ip] as number;
        const pa1 = alpha[ip + 1] as number;
        const x0 = ((o ? G : 1 - G) * b0) / (scale[t - a] as number);
        const x1 = ((o ? 1 - S : S) * b1) / (scale[t - a] as number);
        const xi01 = pa0 * T * x1;
        const xi10 = pa1 * F * x0;
        c.learned += xi01;
        c.fromUnknown += pa0 * (1 - T) * x0 + xi01;
        c.forgotten += xi10;
        c.fromKnown += xi10 + pa1 * (1 - F) * x1;
        b0 = (1 - T) * x0 + T * x1;
        b1 = F * x0 + (1 - F) * x1;
      }
    }
  }
  return c;
}

/**
 * M-step: each parameter is a ratio of expected counts (Rabiner 1989, eqs. 40a–c). Bounds are applied by clamping,
 * which is the exact constrained M-step here: the expected complete-data log-likelihood splits into one concave
 * binomial term per parameter, whose maximum over an interval is the clamped ratio.
 */
export function bktMaximize(
  c: BktExpectedCounts,
  previous: BktSkillParams,
  forgetting: boolean,
  maxGuess: number,
  maxSlip: number,
): BktSkillParams {
  const ratio = (num: number, den: number, fallback: number): number => (den > 1e-12 ? num / den : fallback);
  return {
    prior: clamp(ratio(c.priorKnown, c.sequences, previous.prior), FLOOR, 1 - FLOOR),
    learn: clamp(ratio(c.learned, c.fromUnknown, previous.learn), FLOOR, 1 - FLOOR),
    forget: forgetting ? clamp(ratio(c.forgotten, c.fromKnown, previous.forget), FLOOR, 1 - FLOOR) : 0,
    guess: clamp(ratio(c.guessed, c.unknown, previous.guess), FLOOR, maxGuess),
    slip: clamp(ratio(c.slipped, c.known, previous.slip), FLOOR, maxSlip),
  };
}

/** Runs EM for one skill from several random starting points and keeps the most likely fit. */
export function fitBktSkill(data: SkillSequences, options: BktFitOptions): BktSkillFit {
  const forgetting = options.forgetting ?? false;
  const restarts = options.restarts ?? 5;
  const maxIterations = options.maxIterations ?? 100;
  const maxGuess = options.maxGuess ?? 0.3;
  const maxSlip = options.maxSlip ?? 0.3;
  const tolerance = (options.tolerance ?? 1e-6) * Math.max(1, data.outcomes.length);
  const alpha = new Float64Array(2 * data.outcomes.length);
  const scale = new Float64Array(data.outcomes.length);
  let best: BktSkillFit | undefined;
  for (let r = 0; r < restarts; r++) {
    const rng = options.rng;
    let params: BktSkillParams = {
      prior: 0.05 + 0.9 * rng(),
      learn: 0.01 + 0.4 * rng(),
      forget: forgetting ? 0.01 + 0.2 * rng() : 0,
      guess: 0.01 + (maxGuess - 0.01) * rng(),
      slip: 0.01 + (maxSlip - 0.01) * rng(),
    };
    let previousLl = -Infinity;
    let iterations = 0;
    for (; iterations < maxIterations; iterations++) {
      const counts = bktExpectedCounts(data, params, alpha, scale);
      const ll = counts.logLikelihood;
      if (ll - previousLl < tolerance && iterations > 0) break;
      previousLl = ll;
      params = bktMaximize(counts, params, forgetting, maxGuess, maxSlip);
    }
    // The last log-likelihood belongs to the parameters before the last M-step; score the final ones exactly.
    const finalLl = bktExpectedCounts(data, params, alpha, scale).logLikelihood;
    if (best === undefined || finalLl > best.logLikelihood) best = { params, logLikelihood: finalLl, iterations };
  }
  if (best === undefined) throw new Error("fitBktSkill: restarts must be at least 1");
  return best;
}

/**
 * Fits BKT per skill by EM (Baum–Welch). Skills are fitted in sorted order so the same `rng` seed gives the same
 * parameters. The fallback for unseen skills is the observation-weighted mean of the fitted skills.
 */
export function fitBkt(histories: readonly LearnerHistory[], options: BktFitOptions): BktParams {
  const bySkill = sequencesBySkill(histories);
  const skills: Record<string, BktSkillParams> = {};
  const sum = { prior: 0, learn: 0, forget: 0, guess: 0, slip: 0 };
  let weight = 0;
  for (const skillId of [...bySkill.keys()].sort()) {
    const data = bySkill.get(skillId) as SkillSequences;
    const { params } = fitBktSkill(data, options);
    skills[skillId] = params;
    const w = data.outcomes.length;
    weight += w;
    sum.prior += w * params.prior;
    sum.learn += w * params.learn;
    sum.forget += w * params.forget;
    sum.guess += w * params.guess;
    sum.slip += w * params.slip;
  }
  const mean = (x: number): number => (weight > 0 ? x / weight : 0);
  const fallback: BktSkillParams =
    weight > 0
      ? { prior: mean(sum.prior), learn: mean(sum.learn), forget: mean(sum.forget), guess: mean(sum.guess), slip: mean(sum.slip) }
      : { prior: 0.5, learn: 0.1, forget: 0, guess: 0.2, slip: 0.1 };
  return { forgetting: options.forgetting ?? false, skills, fallback };
}
