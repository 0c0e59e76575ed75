import type { Rng } from "../knowledge/tracer.ts";
import type { CourseGraph } from "../policy/course-graph.ts";

/**
 * Synthetic learners with a known ground truth, to measure policies. The truth is a generative model of its own,
 * deliberately not the policy's: knowledge follows BKT-style transitions (Corbett & Anderson 1995) slowed when
 * prerequisites are unknown, and memory follows a power-law forgetting curve (Wixted & Ebbesen 1991) whose stability
 * grows with spaced retrieval more than with massed practice (the spacing effect; Cepeda et al. 2006; Rohrer &
 * Taylor 2006), with its own growth rule and per-learner parameters that the policies never see. Every draw comes from the `rng` passed in.
 */

/** Ground-truth parameters of one skill for the population (what a course's items are like). */
export interface TrueSkill {
  /** P(known before the course) for an average learner whose prerequisites are known. */
  readonly prior: number;
  /** P(unknown → known) per practice attempt for an average learner whose prerequisites are known. */
  readonly learn: number;
  readonly guess: number;
  readonly slip: number;
  /** Memory stability (days) right after learning the skill, average learner. */
  readonly stability: number;
}

/** Ranges the ground truth is drawn from (uniform), and how prerequisites and memory behave. */
export interface TruthRanges {
  readonly prior: readonly [number, number];
  readonly learn: readonly [number, number];
  readonly guess: readonly [number, number];
  readonly slip: readonly [number, number];
  /** Days of stability after first learning a skill. */
  readonly stability: readonly [number, number];
  /** Days of stability of a skill known before the course (consolidated long ago). */
  readonly priorStability: readonly [number, number];
  /** Spread of learner ability on the logit scale of prior knowledge (a course spanning grades 3–6 is mixed). */
  readonly abilitySpread: number;
  /** Multiplier of the learn rate while a prerequisite is unknown. */
  readonly prerequisitePenalty: number;
  /** Stability gain g of a successful retrieval: S ← S·(1 + g·(1 − R)) + 0.2 days, R the recall chance then. */
  readonly growth: readonly [number, number];
}

/** Default ranges, from the BKT literature's typical fits (Baker et al. 2008; Pardos & Heffernan 2010: guess and
 *  slip mostly below 0.3, learn 0.05–0.4) and forgetting studies of school mathematics (days to weeks after massed
 *  practice; Rohrer & Taylor 2006). */
export const DEFAULT_TRUTH_RANGES: TruthRanges = {
  prior: [0.3, 0.8],
  learn: [0.1, 0.35],
  guess: [0.05, 0.3],
  slip: [0.03, 0.12],
  stability: [2, 8],
  priorStability: [60, 365],
  abilitySpread: 1.5,
  prerequisitePenalty: 0.25,
  growth: [8, 20],
};

/** The course's ground truth: one parameter set per skill (indexed like `graph.skills`). */
export interface CourseTruth {
  readonly skills: readonly TrueSkill[];
  readonly ranges: TruthRanges;
}

const uniform = (rng: Rng, [lo, hi]: readonly [number, number]): number => lo + (hi - lo) * rng();
/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Draws the ground truth of a course. Deeper skills are less often known in advance (prior shrinks with depth). */
export function drawCourseTruth(graph: CourseGraph, rng: Rng, ranges: TruthRanges = DEFAULT_TRUTH_RANGES): CourseTruth {
  let maxDepth = 0;
  for (const d of graph.depth) maxDepth = Math.max(maxDepth, d);
  const skills = graph.skills.map((_, i) => ({
    prior: uniform(rng, ranges.prior) * (1 - 0.5 * ((graph.depth[i] ?? 0) / Math.max(1, maxDepth))),
    learn: uniform(rng, ranges.learn),
    guess: uniform(rng, ranges.guess),
    slip: uniform(rng, ranges.slip),
    stability: uniform(rng, ranges.stability),
  }));
  return { skills, ranges };
}

/** One synthetic learner's hidden state. Mutable for speed; only the simulator touches it. */
export interface SyntheticLearner {
  /** Ability: shifts the logit of knowing a skill in advance. */
  readonly ability: number;
  /** Multiplies learn rates (lognormal around 1). */
  readonly speed: number;
  /** Multiplies memory stability (lognormal around 1). */
  readonly memory: number;
  readonly growth: number;
  /** Minutes an attempt takes this learner. */
  readonly minutesPerAttempt: number;
  readonly known: Uint8Array;
  readonly knownAtStart: Uint8Array;
  readonly stability: Float64Array;
  /** Time (ms) up to which forgetting has been applied, per skill; and of the last practice. */
  readonly checkedAt: Float64Array;
  readonly practicedAt: Float64Array;
}

const DAY_MS = 86_400_000;

/** Draws a learner: ability, speed, memory, and what they know at `start` (consistent with prerequisites). */
export function drawLearner(graph: CourseGraph, truth: CourseTruth, start: number, rng: Rng): SyntheticLearner {
  const n = graph.skills.length;
  const ability = normal(rng);
  const learner: SyntheticLearner = {
    ability,
    speed: Math.exp(0.3 * normal(rng)),
    memory: Math.exp(0.3 * normal(rng)),
    growth: uniform(rng, truth.ranges.growth),
    minutesPerAttempt: 0.7 + 0.8 * rng(),
    known: new Uint8Array(n),
    knownAtStart: new Uint8Array(n),
    stability: new Float64Array(n),
    checkedAt: new Float64Array(n).fill(start),
    practicedAt: new Float64Array(n).fill(start - 365 * DAY_MS),
  };
  for (const i of graph.order) {
    const t = truth.skills[i] as TrueSkill;
    const prerequisitesKnown = (graph.prerequisites[i] ?? []).every((p) => learner.known[p] === 1);
    const p = sigmoid(logit(t.prior) + truth.ranges.abilitySpread * ability) * (prerequisitesKnown ? 1 : 0.1);
    if (rng() < p) {
      learner.known[i] = 1;
      learner.knownAtStart[i] = 1;
      learner.stability[i] = uniform(rng, truth.ranges.priorStability) * learner.memory;
    }
  }
  return learner;
}

/**
 * Recall chance t days after the last retrieval: the power-law forgetting curve R = (1 + t/(9S))^−1, S the days to
 * 90% recall (power functions fit human forgetting better than exponentials: Wixted & Ebbesen 1991).
 */
export function trueRecall(days: number, stability: number): number {
  return 1 / (1 + Math.max(0, days) / (9 * stability));
}

/** Applies forgetting up to `now`: a skill known at the last check stays known with P = R(now)/R(last check)
 *  (the survival of the curve since the last retrieval, so checking in several steps equals checking once). */
export function applyForgetting(learner: SyntheticLearner, skill: number, now: number, rng: Rng): void {
  const from = learner.checkedAt[skill] as number;
  if (now <= from) return;
  learner.checkedAt[skill] = now;
  if (learner.known[skill] !== 1) return;
  const S = learner.stability[skill] as number;
  const last = learner.practicedAt[skill] as number;
  const survive = trueRecall((now - last) / DAY_MS, S) / trueRecall((from - last) / DAY_MS, S);
  if (rng() >= survive) learner.known[skill] = 0;
}

/** True when the learner knows the skill at `now` (after forgetting). */
export function knowsSkill(learner: SyntheticLearner, skill: number, now: number, rng: Rng): boolean {
  applyForgetting(learner, skill, now, rng);
  return learner.known[skill] === 1;
}

/**
 * The learner answers an item on `skills` at `now`, then learns from it. Correct with P = 1 − slip if every skill
 * is known, else with P = guess (conjunctive). Then each unknown skill is learned with P = learn × speed
 * (× the prerequisite penalty while a prerequisite is unknown), and each known skill — and each known direct
 * prerequisite of it — is retrieved, which grows its stability by the spacing rule of `retrieve`.
 */
export function answerItem(graph: CourseGraph, truth: CourseTruth, learner: SyntheticLearner, skills: readonly number[], now: number, rng: Rng): boolean {
  return answerItemDetailed(graph, truth, learner, skills, now, rng).correct;
}

/** {@link answerItem}, also telling which of `skills` the learner knew when answering (for the simulator's
 *  accounting; the same random draws in the same order, so results are identical). */
export function answerItemDetailed(graph: CourseGraph, truth: CourseTruth, learner: SyntheticLearner, skills: readonly number[], now: number, rng: Rng): { correct: boolean; knew: boolean[] } {
  let allKnown = true;
  let guess = 0;
  let slip = 0;
  for (const s of skills) {
    applyForgetting(learner, s, now, rng);
    if (learner.known[s] !== 1) allKnown = false;
    const t = truth.skills[s] as TrueSkill;
    guess = Math.max(guess, t.guess);
    slip = Math.max(slip, t.slip);
  }
  const correct = rng() < (allKnown ? 1 - slip : guess);
  const knew = skills.map((s) => learner.known[s] === 1);
  for (const s of skills) {
    const t = truth.skills[s] as TrueSkill;
    if (learner.known[s] === 1) {
      retrieve(learner, s, now);
      // Using a skill retrieves the skills it builds on (adding unlike fractions rehearses common denominators).
      for (const p of graph.prerequisites[s] ?? []) if (knowsSkill(learner, p, now, rng)) retrieve(learner, p, now);
    } else {
      const prerequisitesKnown = (graph.prerequisites[s] ?? []).every((p) => knowsSkill(learner, p, now, rng));
      const p = Math.min(0.9, t.learn * learner.speed * (prerequisitesKnown ? 1 : truth.ranges.prerequisitePenalty));
      if (rng() < p) {
        learner.known[s] = 1;
        learner.stability[s] = t.stability * learner.memory;
      }
    }
    learner.practicedAt[s] = now;
  }
  return { correct, knew };
}

/** A successful retrieval of a known skill: S ← S·(1 + g·(1 − R)) + 0.2 days, R the recall chance at this moment — spaced retrievals (low R) strengthen memory more than massed ones (the spacing effect). */
function retrieve(learner: SyntheticLearner, s: number, now: number): void {
  const days = (now - (learner.practicedAt[s] as number)) / DAY_MS;
  const S = learner.stability[s] as number;
  learner.stability[s] = S * (1 + learner.growth * (1 - trueRecall(days, S))) + 0.2;
  learner.practicedAt[s] = now;
}

/** The learner answers without learning from it (for placement tests measured against the starting state). */
export function respondOnly(truth: CourseTruth, learner: SyntheticLearner, skills: readonly number[], now: number, rng: Rng): boolean {
  let allKnown = true;
  let guess = 0;
  let slip = 0;
  for (const s of skills) {
    if (!knowsSkill(learner, s, now, rng)) allKnown = false;
    const t = truth.skills[s] as TrueSkill;
    guess = Math.max(guess, t.guess);
    slip = Math.max(slip, t.slip);
  }
  return rng() < (allKnown ? 1 - slip : guess);
}

/** A lesson: one chance to learn each of its unknown skills (as an attempt would give), without an answer. */
export function studyLesson(graph: CourseGraph, truth: CourseTruth, learner: SyntheticLearner, skills: readonly number[], now: number, rng: Rng): void {
  for (const s of skills) {
    if (knowsSkill(learner, s, now, rng)) continue;
    const t = truth.skills[s] as TrueSkill;
    const prerequisitesKnown = (graph.prerequisites[s] ?? []).every((p) => knowsSkill(learner, p, now, rng));
    if (rng() < Math.min(0.9, t.learn * learner.speed * (prerequisitesKnown ? 1 : truth.ranges.prerequisitePenalty))) {
      learner.known[s] = 1;
      learner.stability[s] = t.stability * learner.memory;
      learner.practicedAt[s] = now;
    }
  }
}
