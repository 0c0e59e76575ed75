import { createSeededRng } from "../knowledge/seeded-rng.ts";
import type { CourseGraph } from "../policy/course-graph.ts";

/**
 * The belief of adaptive placement: a weighted sample (particles) of whole knowledge states over the skill graph.
 * Each particle is drawn from a prior that respects prerequisites, as in knowledge space theory (Doignon & Falmagne
 * 1985; ALEKS): a skill is usually known only when its prerequisites are. So evidence propagates along the graph by
 * itself — a right answer on an advanced skill raises the weight of states that also contain its prerequisites, a
 * wrong answer on a basic one lowers the states that contain what builds on it. Weights are the likelihood of the
 * responses (importance sampling, Gordon et al. 1993).
 */

/** Placement options; every field has a default. */
export interface PlacementOptions {
  /** Stop when every skill's P(known) is ≥ this or ≤ 1 − this (default 0.9). */
  readonly confidence?: number;
  /** Stop after this many items (default 25). */
  readonly maxItems?: number;
  /** Particles in the belief (default 1500). */
  readonly particles?: number;
  /** P(correct | not known) and P(wrong | known) assumed for items (defaults 0.2, 0.1). */
  readonly guess?: number;
  readonly slip?: number;
  /** P(known | prerequisites known) for an average learner (default 0.6, or per skill). */
  readonly conditionalPrior?: number | ((skillId: string) => number);
  /** P(known | some prerequisite unknown) (default 0.05). */
  readonly leak?: number;
  /** Spread of learner ability on the logit scale (default 1.5): makes skills on separate branches correlated. */
  readonly abilitySpread?: number;
}

/** One answered placement item. */
export interface PlacementResponse {
  readonly itemId: string;
  readonly skillIds: readonly string[];
  readonly correct: boolean;
}

/** A placement in progress, as a plain value: save it to pause, pass it back to resume. */
export interface PlacementState {
  readonly version: 1;
  /** Seed of the particle sample (drawn from the caller's rng when the placement started). */
  readonly seed: number;
  readonly responses: readonly PlacementResponse[];
}

/** The particles of a placement (a flat matrix, particle-major) — derived from the state, never stored. */
export interface Particles {
  readonly count: number;
  readonly skills: number;
  readonly known: Uint8Array;
}

const particleCache = new WeakMap<CourseGraph, Map<string, Particles>>();

/** Draws (or reuses) the particles of a seed: deterministic, so a resumed placement sees the same sample. */
export function placementParticles(graph: CourseGraph, seed: number, options: PlacementOptions = {}): Particles {
  const count = options.particles ?? 1500;
  const prior = options.conditionalPrior ?? 0.6;
  const key = `${seed}|${count}|${typeof prior === "number" ? prior : "f"}|${options.leak ?? 0.05}|${options.abilitySpread ?? 1.5}`;
  let byKey = particleCache.get(graph);
  if (byKey === undefined) {
    byKey = new Map();
    particleCache.set(graph, byKey);
  }
  const cached = typeof prior === "number" ? byKey.get(key) : undefined;
  if (cached) return cached;
  const k = graph.skills.length;
  const rng = createSeededRng(seed);
  const known = new Uint8Array(count * k);
  const leak = options.leak ?? 0.05;
  const spread = options.abilitySpread ?? 1.5;
  const logits = graph.skills.map((s) => {
    const c = Math.min(0.999, Math.max(0.001, typeof prior === "number" ? prior : prior(s.id)));
    return Math.log(c / (1 - c));
  });
  for (let p = 0; p < count; p++) {
    // Ability ~ N(0, spread²) by Box–Muller.
    const ability = spread * Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
    const row = p * k;
    for (const i of graph.order) {
      let ready = true;
      for (const q of graph.prerequisites[i] ?? []) if (known[row + q] !== 1) ready = false;
      const chance = ready ? 1 / (1 + Math.exp(-((logits[i] as number) + ability))) : leak;
      known[row + i] = rng() < chance ? 1 : 0;
    }
  }
  const particles = { count, skills: k, known };
  if (typeof prior === "number") {
    if (byKey.size > 64) byKey.clear();
    byKey.set(key, particles);
  }
  return particles;
}

/**
 * Normalised weights of the particles given the responses: the product over responses of P(response | state),
 * with P(correct) = 1 − slip when every skill of the item is known, else guess (a conjunctive item model).
 */
export function particleWeights(graph: CourseGraph, particles: Particles, responses: readonly PlacementResponse[], options: PlacementOptions = {}): Float64Array {
  const guess = options.guess ?? 0.2;
  const slip = options.slip ?? 0.1;
  const w = new Float64Array(particles.count).fill(1);
  const k = particles.skills;
  for (const r of responses) {
    const skills = r.skillIds.map((s) => graph.skillIndex.get(s)).filter((i): i is number => i !== undefined);
    if (skills.length === 0) continue;
    const ifKnown = r.correct ? 1 - slip : slip;
    const ifUnknown = r.correct ? guess : 1 - guess;
    let total = 0;
    for (let p = 0; p < particles.count; p++) {
      let all = true;
      for (const s of skills) if (particles.known[p * k + s] !== 1) all = false;
      w[p] = (w[p] as number) * (all ? ifKnown : ifUnknown);
      total += w[p] as number;
    }
    for (let p = 0; p < particles.count; p++) w[p] = (w[p] as number) / total;
  }
  if (responses.length === 0) w.fill(1 / particles.count);
  return w;
}

/** P(known) of every skill under the weighted particles. */
export function particleMarginals(particles: Particles, weights: Float64Array): Float64Array {
  const k = particles.skills;
  const m = new Float64Array(k);
  for (let p = 0; p < particles.count; p++) {
    const w = weights[p] as number;
    if (w === 0) continue;
    const row = p * k;
    for (let s = 0; s < k; s++) if (particles.known[row + s] === 1) m[s] = (m[s] as number) + w;
  }
  return m;
}
