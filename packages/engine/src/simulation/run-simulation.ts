import { fitBkt } from "../knowledge/bkt-fit.ts";
import type { BktParams } from "../knowledge/bkt.ts";
import { createSeededRng } from "../knowledge/seeded-rng.ts";
import type { LearnerHistory, Observation, Rng } from "../knowledge/tracer.ts";
import type { CourseGraph } from "../policy/course-graph.ts";
import { createAttuneSimPolicy, type AttuneSimOptions } from "./attune-policy.ts";
import { createFixedCountPolicy, createLinearCcrPolicy, createOraclePolicy, type SimDecision, type SimPolicy } from "./baseline-policies.ts";
import { answerItemDetailed, drawCourseTruth, drawLearner, knowsSkill, studyLesson, type CourseTruth, type SyntheticLearner, type TruthRanges } from "./synthetic-learner.ts";

/** The policies the simulator compares. */
export const SIM_POLICIES = ["attune", "linear-3ccr", "fixed-count", "oracle"] as const;
export type SimPolicyName = (typeof SIM_POLICIES)[number];

/** Options of a policy simulation. */
export interface PolicySimulationOptions {
  readonly policy: SimPolicyName;
  readonly learners: number;
  readonly seed: number;
  /** Simulated start (ms since epoch; default 2025-01-06T08:00Z, a Monday). */
  readonly start?: number;
  /** Minutes a learner studies per day (default 25). */
  readonly minutesPerDay?: number;
  /** Session budget: stop a learner after this many attempts (default 1000) or days (default 180). */
  readonly maxAttempts?: number;
  readonly maxDays?: number;
  readonly truthRanges?: TruthRanges;
  /** Items per skill of the fixed-count baseline (default 5). */
  readonly fixedCount?: number;
  /** Attune's options; its BKT parameters default to an EM fit on a pilot cohort (see {@link fitPilotBkt}). */
  readonly attune?: Partial<AttuneSimOptions>;
  /** Learners in the pilot cohort whose logs Attune's BKT is fitted on (default 300). */
  readonly pilotLearners?: number;
}

/** The measured outcome, averaged over learners (field names as printed by `simulate --json`). */
export interface PolicySimulationReport {
  readonly policy: SimPolicyName;
  readonly attempts_per_learner: number;
  readonly minutes_per_learner: number;
  /** Share of course skills truly known at the end. */
  readonly true_mastery_at_end: number;
  /** Of the skills the policy declares mastered at the end, the share not truly known. */
  readonly false_mastery_rate: number;
  /** Of the skills truly known at the end, the share still known 30 simulated days later (no practice between). */
  readonly retention_30d: number;
  /** Share of learners the policy finished with before the session budget ran out. */
  readonly finished_share: number;
  /** Where the attempts went (every one counts in `attempts_per_learner`, for every policy alike): placement
   *  questions, reviews of mastered skills, and practice whose target skill the learner already knew (the price of
   *  evidence — checks and confirmations — which the oracle never pays). */
  readonly placement_attempts_per_learner?: number;
  readonly review_attempts_per_learner?: number;
  readonly practice_on_known_skill_per_learner?: number;
}

const DAY_MS = 86_400_000;
export const DEFAULT_SIM_START = Date.UTC(2025, 0, 6, 8);

/** A seed for stream `stream` of learner `u` (splitmix-style mixing), so each policy meets the same learners. */
export function streamSeed(seed: number, u: number, stream: number): number {
  let h = (seed ^ Math.imul(u + 1, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** One learner's run: what the loop measured. */
export interface LearnerRun {
  attempts: number;
  minutes: number;
  finished: boolean;
  known: number;
  declared: number;
  falseDeclared: number;
  retained: number;
  placement: number;
  reviews: number;
  practiceOnKnown: number;
}

/** Drives one policy with one learner until the policy is done or the session budget is spent. */
export function runLearner(graph: CourseGraph, truth: CourseTruth, learner: SyntheticLearner, policy: SimPolicy, rng: Rng, options: PolicySimulationOptions, onAttempt?: (o: Observation, decision: SimDecision) => void): LearnerRun {
  const start = options.start ?? DEFAULT_SIM_START;
  const budget = options.minutesPerDay ?? 25;
  const maxAttempts = options.maxAttempts ?? 1000;
  const deadline = start + (options.maxDays ?? 180) * DAY_MS;
  let now = start;
  let dayStart = start;
  let today = 0;
  let attempts = 0;
  let minutes = 0;
  let finished = false;
  let placement = 0;
  let reviews = 0;
  let practiceOnKnown = 0;
  while (attempts < maxAttempts && now < deadline) {
    const d = policy.decide(now);
    if (d.kind === "done") {
      finished = true;
      break;
    }
    if (d.kind === "wait") {
      now = Math.max(now, d.until);
      if (now >= dayStart + DAY_MS) {
        dayStart = start + Math.floor((now - start) / DAY_MS) * DAY_MS;
        today = 0;
      }
      continue;
    }
    let spent: number;
    if (d.kind === "lesson") {
      studyLesson(graph, truth, learner, d.skills, now, rng);
      policy.observe(d, true, now);
      spent = d.minutes;
    } else {
      const { correct, knew } = answerItemDetailed(graph, truth, learner, d.skills, now, rng);
      if (d.placement) placement++;
      else if (d.review) reviews++;
      else if (d.target !== undefined && knew[d.skills.indexOf(d.target)] === true) practiceOnKnown++;
      onAttempt?.({ itemId: d.item.id, skillIds: d.item.skillIds, correct, time: now }, d);
      policy.observe(d, correct, now);
      attempts++;
      spent = learner.minutesPerAttempt;
    }
    minutes += spent;
    today += spent;
    now += spent * 60_000;
    if (today >= budget) {
      dayStart += DAY_MS * Math.max(1, Math.ceil((now - dayStart) / DAY_MS));
      now = Math.max(now, dayStart);
      today = 0;
    }
  }
  const declaredMastered = policy.declaredMastered(now);
  let known = 0;
  let declared = 0;
  let falseDeclared = 0;
  const knownAtEnd: number[] = [];
  for (let s = 0; s < graph.skills.length; s++) {
    const k = knowsSkill(learner, s, now, rng);
    if (k) {
      known++;
      knownAtEnd.push(s);
    }
    if (declaredMastered[s]) {
      declared++;
      if (!k) falseDeclared++;
    }
  }
  let retained = 0;
  for (const s of knownAtEnd) if (knowsSkill(learner, s, now + 30 * DAY_MS, rng)) retained++;
  return { attempts, minutes, finished, known, declared, falseDeclared, retained, placement, reviews, practiceOnKnown };
}

/**
 * Fits Attune's BKT the way production would: EM (fitBkt) on logs of pilot cohorts — other learners from the same
 * population. First on a cohort taught by the fixed-count baseline, then refitted on a cohort taught by Attune with
 * those parameters (production refits on its own logs, whose regime — prerequisites mastered first — differs).
 * The policy never sees the simulator's true parameters.
 */
export function fitPilotBkt(graph: CourseGraph, truth: CourseTruth, seed: number, learners = 300, options: { fitMultiSkillItems?: boolean; attune?: Partial<AttuneSimOptions> } = {}): BktParams {
  let params: BktParams | undefined;
  for (const stage of [1, 2]) {
    const histories: LearnerHistory[] = [];
    const pilotSeed = (seed ^ Math.imul(0x5f3759df, stage)) >>> 0;
    for (let u = 0; u < learners; u++) {
      const learner = drawLearner(graph, truth, DEFAULT_SIM_START, createSeededRng(streamSeed(pilotSeed, u, 1)));
      const rng = createSeededRng(streamSeed(pilotSeed, u, 2));
      const policyRng = createSeededRng(streamSeed(pilotSeed, u, 3));
      const observations: Observation[] = [];
      const policy = params === undefined ? createFixedCountPolicy(graph, policyRng, 6) : createAttuneSimPolicy(graph, policyRng, { ...options.attune, bkt: params });
      runLearner(graph, truth, learner, policy, rng, { policy: "fixed-count", learners, seed }, (o, _d) => {
        // Per-skill EM treats an attempt as evidence on each of its skills alone, so a wrong answer on a two-skill
        // item (conjunctive: wrong when either is unknown) reads as a slip of the known one and inflates its slip
        // (measured: mean fitted slip 0.13 with them vs 0.08 without, against 0.075 true). Fit on one-skill items.
        if (o.skillIds.length > 1 && !options.fitMultiSkillItems) return;
        observations.push(o);
      });
      histories.push({ learnerId: `pilot-${stage}-${u}`, observations });
    }
    params = fitBkt(histories, { rng: createSeededRng(pilotSeed), restarts: 3 });
  }
  return params as BktParams;
}

/** Simulates `learners` synthetic learners under one policy (same learners and seeds for every policy). */
export function simulatePolicy(graph: CourseGraph, options: PolicySimulationOptions): PolicySimulationReport {
  const truth = drawCourseTruth(graph, createSeededRng(options.seed), options.truthRanges);
  const start = options.start ?? DEFAULT_SIM_START;
  let bkt = options.attune?.bkt;
  if (options.policy === "attune" && bkt === undefined) bkt = fitPilotBkt(graph, truth, options.seed, options.pilotLearners, { attune: options.attune ?? {} });
  const total: LearnerRun = { attempts: 0, minutes: 0, finished: false, known: 0, declared: 0, falseDeclared: 0, retained: 0, placement: 0, reviews: 0, practiceOnKnown: 0 };
  let finished = 0;
  for (let u = 0; u < options.learners; u++) {
    const learner = drawLearner(graph, truth, start, createSeededRng(streamSeed(options.seed, u, 1)));
    const rng = createSeededRng(streamSeed(options.seed, u, 2));
    const policyRng = createSeededRng(streamSeed(options.seed, u, 3));
    const policy =
      options.policy === "linear-3ccr" ? createLinearCcrPolicy(graph, policyRng)
      : options.policy === "fixed-count" ? createFixedCountPolicy(graph, policyRng, options.fixedCount ?? 5)
      : options.policy === "oracle" ? createOraclePolicy(graph, learner, policyRng, rng)
      : createAttuneSimPolicy(graph, policyRng, { ...options.attune, bkt: bkt as BktParams });
    const run = runLearner(graph, truth, learner, policy, rng, options);
    total.attempts += run.attempts;
    total.minutes += run.minutes;
    total.known += run.known;
    total.declared += run.declared;
    total.falseDeclared += run.falseDeclared;
    total.retained += run.retained;
    total.placement += run.placement;
    total.reviews += run.reviews;
    total.practiceOnKnown += run.practiceOnKnown;
    if (run.finished) finished++;
  }
  const L = Math.max(1, options.learners);
  return {
    policy: options.policy,
    attempts_per_learner: total.attempts / L,
    minutes_per_learner: total.minutes / L,
    true_mastery_at_end: total.known / (L * Math.max(1, graph.skills.length)),
    false_mastery_rate: total.declared === 0 ? 0 : total.falseDeclared / total.declared,
    retention_30d: total.known === 0 ? 0 : total.retained / total.known,
    finished_share: finished / L,
    placement_attempts_per_learner: total.placement / L,
    review_attempts_per_learner: total.reviews / L,
    practice_on_known_skill_per_learner: total.practiceOnKnown / L,
  };
}
