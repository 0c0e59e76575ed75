import type { Rng } from "../knowledge/tracer.ts";
import type { CourseGraph, ItemInfo } from "../policy/course-graph.ts";
import { particleMarginals, particleWeights, placementParticles, type PlacementOptions, type PlacementResponse, type PlacementState, type Particles } from "./placement-model.ts";

/** Why a placement stopped. */
export type PlacementStop = "confident" | "limit" | "no-items";

/** The next step of a placement: an item to ask, or the reason it is over; with the current beliefs. */
export interface PlacementStep {
  readonly done: boolean;
  readonly stop?: PlacementStop;
  readonly item?: { readonly itemId: string; readonly skillId: string; readonly skillIds: readonly string[] };
  /** P(known) per skill id now. */
  readonly pKnown: ReadonlyMap<string, number>;
  readonly itemsUsed: number;
}

/** Starts a placement: draws the seed of its belief from the caller's rng. */
export function startPlacement(rng: Rng): PlacementState {
  return { version: 1, seed: Math.floor(rng() * 4294967296), responses: [] };
}

/** The state after one more answered item (the input is left untouched). */
export function recordPlacementResponse(state: PlacementState, response: PlacementResponse): PlacementState {
  return { ...state, responses: [...state.responses, response] };
}

/** Binary entropy in bits. */
export function binaryEntropy(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));
}

/** How many candidate skills (best by mutual information) get the full expected-entropy computation. */
const SHORTLIST = 6;

/**
 * The most informative next item, or why to stop. A skill is scored first by the mutual information between its
 * item's outcome Y and the whole knowledge state, I(state; Y) = H(Y) − [m·H(slip) + (1 − m)·H(guess)] (Y depends on
 * the state only through the skill, so this is also the expected reduction of the joint entropy). The best few are
 * then ranked by the expected sum of the skills' marginal entropies after the answer (Σ_y P(y) Σ_j H(P(known_j | y))),
 * which credits an item for what it says about the skills around it; the lowest wins.
 * Stops when every skill is classified (P(known) ≥ confidence or ≤ 1 − confidence, default 0.9), after `maxItems`
 * (default 25), or when no unused item remains.
 */
export function nextPlacementItem(graph: CourseGraph, state: PlacementState, options: PlacementOptions = {}): PlacementStep {
  const particles = placementParticles(graph, state.seed, options);
  const weights = particleWeights(graph, particles, state.responses, options);
  const m = particleMarginals(particles, weights);
  const pKnown = new Map<string, number>();
  graph.skills.forEach((s, i) => pKnown.set(s.id, m[i] as number));
  const itemsUsed = state.responses.length;
  const confidence = options.confidence ?? 0.9;
  let classified = true;
  for (const p of m) if (p < confidence && p > 1 - confidence) classified = false;
  if (classified) return { done: true, stop: "confident", pKnown, itemsUsed };
  if (itemsUsed >= (options.maxItems ?? 25)) return { done: true, stop: "limit", pKnown, itemsUsed };

  const guess = options.guess ?? 0.2;
  const slip = options.slip ?? 0.1;
  const used = new Set(state.responses.map((r) => r.itemId));
  const scored: { skill: number; mi: number; item: ItemInfo }[] = [];
  for (let s = 0; s < graph.skills.length; s++) {
    const item = unusedItem(graph.itemsBySkill[s] ?? [], used);
    if (item === undefined) continue;
    const ms = m[s] as number;
    const mi = binaryEntropy(ms * (1 - slip) + (1 - ms) * guess) - (ms * binaryEntropy(slip) + (1 - ms) * binaryEntropy(guess));
    scored.push({ skill: s, mi, item });
  }
  if (scored.length === 0) return { done: true, stop: "no-items", pKnown, itemsUsed };
  scored.sort((a, b) => b.mi - a.mi || a.skill - b.skill);
  let best = scored[0] as (typeof scored)[number];
  let bestEntropy = Infinity;
  for (const c of scored.slice(0, SHORTLIST)) {
    const h = expectedEntropyAfter(particles, weights, m, c.skill, guess, slip);
    if (h < bestEntropy - 1e-12) {
      bestEntropy = h;
      best = c;
    }
  }
  const skillId = graph.skills[best.skill]?.id as string;
  return { done: false, item: { itemId: best.item.id, skillId, skillIds: best.item.skillIds }, pKnown, itemsUsed };
}

/** Prefers an unused item that tests only this skill; else any unused one. */
function unusedItem(items: readonly ItemInfo[], used: ReadonlySet<string>): ItemInfo | undefined {
  let fallback: ItemInfo | undefined;
  for (const item of items) {
    if (used.has(item.id)) continue;
    if (item.skillIds.length === 1) return item;
    fallback ??= item;
  }
  return fallback;
}

/** Σ_y P(y) Σ_j H(P(known_j | y)) for an item on skill `s` (Bayes over the particles). */
function expectedEntropyAfter(particles: Particles, weights: Float64Array, m: Float64Array, s: number, guess: number, slip: number): number {
  const k = particles.skills;
  const a1 = new Float64Array(k);
  const a0 = new Float64Array(k);
  for (let p = 0; p < particles.count; p++) {
    const w = weights[p] as number;
    if (w < 1e-12) continue;
    const row = p * k;
    const target = particles.known[row + s] === 1 ? a1 : a0;
    for (let j = 0; j < k; j++) if (particles.known[row + j] === 1) target[j] = (target[j] as number) + w;
  }
  const w1 = m[s] as number;
  const w0 = 1 - w1;
  let total = 0;
  for (const [l1, l0] of [[1 - slip, guess], [slip, 1 - guess]] as const) {
    const py = l1 * w1 + l0 * w0;
    if (py <= 0) continue;
    let h = 0;
    for (let j = 0; j < k; j++) h += binaryEntropy((l1 * (a1[j] as number) + l0 * (a0[j] as number)) / py);
    total += py * h;
  }
  return total;
}

/** The outcome of a placement: P(known) per skill, to seed the knowledge state, and how it ended. */
export interface PlacementResult {
  readonly pKnown: ReadonlyMap<string, number>;
  readonly itemsUsed: number;
  /** Skills classified with the required confidence. */
  readonly classified: number;
}

/** Summarises a placement (finished or not) for seeding the learner's knowledge state. */
export function placementResult(graph: CourseGraph, state: PlacementState, options: PlacementOptions = {}): PlacementResult {
  const particles = placementParticles(graph, state.seed, options);
  const m = particleMarginals(particles, particleWeights(graph, particles, state.responses, options));
  const confidence = options.confidence ?? 0.9;
  const pKnown = new Map<string, number>();
  let classified = 0;
  graph.skills.forEach((s, i) => {
    const p = m[i] as number;
    pKnown.set(s.id, p);
    if (p >= confidence || p <= 1 - confidence) classified++;
  });
  return { pKnown, itemsUsed: state.responses.length, classified };
}
