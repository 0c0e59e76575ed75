import { sigmoid } from "./logistic.ts";
import type { LearnerHistory } from "./tracer.ts";

/** Difficulty b and discrimination a of one item (a = 1 in the 1PL/Rasch model). */
export interface IrtItem {
  readonly difficulty: number;
  readonly discrimination: number;
}

/** Result of an IRT calibration: item parameters, and the abilities of the learners it was calibrated on. */
export interface IrtCalibration {
  readonly kind: "1pl" | "2pl";
  readonly items: ReadonlyMap<string, IrtItem>;
  readonly abilities: ReadonlyMap<string, number>;
  /** Mean difficulty and discrimination of the items tagged with each skill (for mastery per skill). */
  readonly skills: ReadonlyMap<string, IrtItem>;
  readonly logLikelihood: number;
}

/** Options of {@link calibrateIrt}. */
export interface IrtCalibrationOptions {
  readonly kind: "1pl" | "2pl";
  /** Ridge on difficulties (default 0.1, a weak N(0, 10) prior that only tames items seen once or twice). */
  readonly difficultyPrecision?: number;
  /** Ridge on log-discriminations (default 2: discriminations stay near 1 unless the data insist). */
  readonly discriminationPrecision?: number;
  readonly maxIterations?: number;
}

/** P(correct) of a learner of ability θ on an item: σ(a(θ − b)) (Birnbaum 1968, the 2PL item response function). */
export function irtProbability(theta: number, item: IrtItem): number {
  return sigmoid(item.discrimination * (theta - item.difficulty));
}

/** Fisher information of an item at ability θ: a²·p(1 − p) (Lord 1980, eq. 5-6); placement picks the largest. */
export function irtItemInformation(theta: number, item: IrtItem): number {
  const p = irtProbability(theta, item);
  return item.discrimination * item.discrimination * p * (1 - p);
}

/**
 * Calibrates a 1PL (Rasch 1960) or 2PL (Birnbaum 1968) model by marginal maximum a posteriori estimation with EM over
 * a quadrature grid of abilities (Bock & Aitkin 1981, "Marginal maximum likelihood estimation of item parameters:
 * application of an EM algorithm"): θ ~ N(0, 1) is integrated out, so unlike joint estimation the ability scale cannot
 * collapse while discriminations grow without bound. E-step: each learner's posterior over the grid; M-step: per
 * item, Fisher scoring on (b, log a) with normal priors N(0, 1/λb) and N(0, 1/λa). Deterministic.
 */
export function calibrateIrt(histories: readonly LearnerHistory[], options: IrtCalibrationOptions): IrtCalibration {
  const twoPl = options.kind === "2pl";
  const lB = options.difficultyPrecision ?? 0.1;
  const lA = options.discriminationPrecision ?? 2;
  const maxIterations = options.maxIterations ?? 40;
  // 21 equally spaced nodes on [−4, 4] with normal weights: enough for a smooth N(0, 1) integrand, and the E-step's
  // cost is rows × nodes.
  const K = 21;
  const nodes = Float64Array.from({ length: K }, (_, k) => -4 + (8 * k) / (K - 1));
  const logPrior = nodes.map((q) => -0.5 * q * q);
  const itemIndex = new Map<string, number>();
  const skillItems = new Map<string, Set<number>>();
  let rows = 0;
  for (const h of histories) {
    for (const o of h.observations) {
      if (!itemIndex.has(o.itemId)) itemIndex.set(o.itemId, itemIndex.size);
      const i = itemIndex.get(o.itemId) as number;
      for (const s of o.skillIds) {
        let set = skillItems.get(s);
        if (set === undefined) skillItems.set(s, (set = new Set()));
        set.add(i);
      }
      rows++;
    }
  }
  const nI = itemIndex.size;
  const item = new Int32Array(rows);
  const label = new Uint8Array(rows);
  const start = new Int32Array(histories.length + 1);
  let r = 0;
  histories.forEach((h, u) => {
    start[u] = r;
    for (const o of h.observations) {
      item[r] = itemIndex.get(o.itemId) as number;
      label[r] = o.correct ? 1 : 0;
      r++;
    }
  });
  start[histories.length] = r;
  const b = new Float64Array(nI);
  const logA = new Float64Array(nI);
  const n = new Float64Array(nI * K); // expected attempts of item i by learners at node k
  const c = new Float64Array(nI * K); // expected correct ones
  const post = new Float64Array(K);
  const abilities = new Map<string, number>();
  let logLikelihood = -Infinity;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    n.fill(0);
    c.fill(0);
    logLikelihood = 0;
    for (let u = 0; u < histories.length; u++) {
      for (let k = 0; k < K; k++) post[k] = logPrior[k] as number;
      for (let t = start[u] as number; t < (start[u + 1] as number); t++) {
        const i = item[t] as number;
        const a = Math.exp(logA[i] as number);
        const y = label[t] as number;
        for (let k = 0; k < K; k++) {
          const z = a * ((nodes[k] as number) - (b[i] as number));
          // log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z)
          const sp = (y ? -z : z) > 0 ? (y ? -z : z) + Math.log1p(Math.exp(y ? z : -z)) : Math.log1p(Math.exp(y ? -z : z));
          post[k] = (post[k] as number) - sp;
        }
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, post[k] as number);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += post[k] = Math.exp((post[k] as number) - max);
      logLikelihood += max + Math.log(sum);
      let eap = 0;
      for (let k = 0; k < K; k++) {
        post[k] = (post[k] as number) / sum;
        eap += (post[k] as number) * (nodes[k] as number);
      }
      abilities.set((histories[u] as LearnerHistory).learnerId, eap);
      for (let t = start[u] as number; t < (start[u + 1] as number); t++) {
        const base = (item[t] as number) * K;
        const y = label[t] as number;
        for (let k = 0; k < K; k++) {
          n[base + k] = (n[base + k] as number) + (post[k] as number);
          if (y) c[base + k] = (c[base + k] as number) + (post[k] as number);
        }
      }
    }
    let change = 0;
    for (let i = 0; i < nI; i++) {
      for (let step = 0; step < 3; step++) {
        const a = Math.exp(logA[i] as number);
        let gB = -lB * (b[i] as number);
        let gA = -lA * (logA[i] as number);
        let hBB = lB;
        let hAA = lA;
        let hBA = 0;
        for (let k = 0; k < K; k++) {
          const nk = n[i * K + k] as number;
          if (nk < 1e-12) continue;
          const z = a * ((nodes[k] as number) - (b[i] as number));
          const p = sigmoid(z);
          const e = (c[i * K + k] as number) - nk * p;
          const w = nk * p * (1 - p);
          gB -= e * a;
          gA += e * z;
          hBB += w * a * a;
          hAA += w * z * z;
          hBA -= w * a * z;
        }
        // Fisher scoring: Δ = I⁻¹ g with the expected information I (positive definite, so always an ascent step).
        let dB: number;
        let dA = 0;
        if (twoPl) {
          const det = hBB * hAA - hBA * hBA;
          dB = (hAA * gB - hBA * gA) / det;
          dA = (hBB * gA - hBA * gB) / det;
        } else dB = gB / hBB;
        dB = Math.max(-1, Math.min(1, dB));
        dA = Math.max(-0.5, Math.min(0.5, dA));
        b[i] = (b[i] as number) + dB;
        if (twoPl) logA[i] = (logA[i] as number) + dA;
        change = Math.max(change, Math.abs(dB), Math.abs(dA));
      }
    }
    if (change < 1e-3) break;
  }
  const items = new Map<string, IrtItem>();
  for (const [id, i] of itemIndex) items.set(id, { difficulty: b[i] as number, discrimination: Math.exp(logA[i] as number) });
  const ids = [...itemIndex.keys()];
  const skills = new Map<string, IrtItem>();
  for (const [skillId, set] of skillItems) {
    let sb = 0;
    let sa = 0;
    for (const i of set) {
      const it = items.get(ids[i] as string) as IrtItem;
      sb += it.difficulty;
      sa += it.discrimination;
    }
    skills.set(skillId, { difficulty: sb / set.size, discrimination: sa / set.size });
  }
  return { kind: options.kind, items, abilities, skills, logLikelihood };
}
