import { sigmoid } from "./logistic.ts";
import type { SequenceModel, SequenceOptions, SequenceRunner } from "./sequence-model.ts";
import type { LearnerHistory, Observation, Rng } from "./tracer.ts";
import { shuffle } from "./seeded-rng.ts";
import { adamArray, adamStepSize, adamUpdate, type AdamArray } from "./adam.ts";

/**
 * A recurrent model that costs O(hidden) per attempt instead of the GRU's O(hidden²): each earlier (key, outcome) pair
 * — the key an attempt's first skill, or its item (`by: "item"`, rare items falling back to their skill) — adds a
 * learned vector to a state whose components fade at learned rates with the attempts since,
 *   h' = λ ⊙ h + E[x],   λ = σ(a) ∈ (0, 1),   logit(P(correct at skill s)) = o_s · q(h) + c_s,  q(v) = v / (1 + |v|) (softsign),
 * so component k is an exponentially decayed, learned mix of the learner's earlier answers (half-life −1 / log₂ λ_k
 * attempts) and o_s says how each mix bears on key s: learned transfer between skills (or items) that fades with
 * distance — DKT's signal (Piech et al. 2015) without its O(hidden²) recurrence. Fitted like the GRU (truncated
 * back-propagation through time, Adam); stored in a {@link SequenceModel}: `recur` holds the H decay logits a,
 * `biasN` is empty.
 */
export function fitDecayedSequence(histories: readonly LearnerHistory[], options: SequenceOptions, rng: Rng): SequenceModel {
  const byItem = options.by === "item";
  const attempts = new Map<string, number>();
  if (byItem) for (const history of histories) for (const o of history.observations) attempts.set(o.itemId, (attempts.get(o.itemId) ?? 0) + 1);
  const own = (itemId: string): boolean => (attempts.get(itemId) ?? 0) >= (options.minItemAttempts ?? 0);
  const keyOf = (o: Observation): string | undefined =>
    !byItem ? o.skillIds[0] : own(o.itemId) ? `i:${o.itemId}` : o.skillIds[0] === undefined ? undefined : `s:${o.skillIds[0]}`;
  const skills = new Set<string>();
  for (const history of histories) {
    for (const o of history.observations) {
      const key = keyOf(o);
      if (key !== undefined) skills.add(key);
    }
  }
  const skillIds = [...skills].sort();
  const index = new Map(skillIds.map((id, i) => [id, i]));
  const S = skillIds.length;
  const H = options.hidden;
  const scale = 1 / Math.sqrt(H);
  const embed = Float64Array.from({ length: 2 * S * H }, () => (2 * rng() - 1) * scale);
  // Decay logits spread the half-lives over 1 … ~100 attempts at the start.
  // λ = 2^(−1/T) for a half-life of T attempts, so a = logit(λ) = −log(2^(1/T) − 1).
  const decay = Float64Array.from({ length: H }, (_, k) => -Math.log(Math.expm1(Math.log(2) / (H === 1 ? 10 : 100 ** (k / (H - 1))))));
  const out = Float64Array.from({ length: S * (H + 1) }, () => (2 * rng() - 1) * scale);
  const order = histories.map((_, h) => h);
  shuffle(order, rng);
  const chosen: Int32Array[] = [];
  let rows = 0;
  for (const h of order) {
    if (rows >= options.maxRows) break;
    const obs = (histories[h] as LearnerHistory).observations;
    if (obs.length === 0) continue;
    if (obs.some((o) => keyOf(o) === undefined)) continue;
    chosen.push(Int32Array.from(obs, (o) => 2 * (index.get(keyOf(o) as string) as number) + (o.correct ? 1 : 0)));
    rows += obs.length;
  }
  const arrays = [embed, decay, out].map(adamArray);
  const grads = arrays.map((a) => a.gradient) as DecayGradients;
  const scratch = createDecayScratch(H, options.chunk);
  let t = 0;
  let pending = 0;
  // Lazy Adam (as TensorFlow's LazyAdamOptimizer): token and output rows move only in the steps whose batch touched
  // them, so a step costs the rows it saw, not every item's.
  const touchedToken = new Uint8Array(2 * S);
  const touchedKey = new Uint8Array(S);
  const tokens: number[] = [];
  const keys: number[] = [];
  const adam = (): void => {
    t++;
    const lr = adamStepSize(options.learningRate, t);
    const inv = 1 / pending;
    for (const x of tokens) {
      adamUpdate(arrays[0] as AdamArray, x * H, (x + 1) * H, lr, inv);
      touchedToken[x] = 0;
    }
    adamUpdate(arrays[1] as AdamArray, 0, H, lr, inv);
    for (const s of keys) {
      adamUpdate(arrays[2] as AdamArray, s * (H + 1), (s + 1) * (H + 1), lr, inv);
      touchedKey[s] = 0;
    }
    tokens.length = 0;
    keys.length = 0;
    pending = 0;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(chosen, rng);
    for (const seq of chosen) {
      scratch.hs.fill(0, 0, H);
      for (let start = 0; start < seq.length; start += options.chunk) {
        const end = Math.min(seq.length, start + options.chunk);
        backpropDecayChunk(H, embed, decay, out, seq, start, end, scratch, grads);
        for (let u = start; u < end; u++) {
          const x = seq[u] as number;
          if (touchedToken[x] === 0) {
            touchedToken[x] = 1;
            tokens.push(x);
          }
          if (touchedKey[x >> 1] === 0) {
            touchedKey[x >> 1] = 1;
            keys.push(x >> 1);
          }
        }
        pending += end - start;
        if (pending >= options.batch) adam();
      }
    }
    if (pending > 0) adam();
  }
  return { cell: "decay", ...(byItem ? { by: "item" as const } : {}), skillIds, hidden: H, embed: Array.from(embed), recur: Array.from(decay), biasN: [], out: Array.from(out) };
}

/** Gradients of the embedding, the decay logits and the output layer. */
type DecayGradients = [Float64Array, Float64Array, Float64Array];

interface DecayScratch {
  /** States before each attempt of the chunk, and after its last (row 0: the state carried in). */
  readonly hs: Float64Array;
  /** Softsign of each state. */
  readonly qs: Float64Array;
  readonly zs: Float64Array;
  readonly dh: Float64Array;
  readonly lambda: Float64Array;
}

function createDecayScratch(H: number, chunk: number): DecayScratch {
  return {
    hs: new Float64Array((chunk + 1) * H),
    qs: new Float64Array(chunk * H),
    zs: new Float64Array(chunk),
    dh: new Float64Array(H),
    lambda: new Float64Array(H),
  };
}

/**
 * Forward then backward through attempts [start, end) of a token sequence (token 2·key + outcome), from the state in
 * row 0 of `scratch.hs` (moved there again as the state after the chunk; no gradient flows into the earlier chunk).
 * Adds the gradient of the summed binary cross-entropy to `grads`.
 */
function backpropDecayChunk(
  H: number,
  embed: Float64Array,
  decay: Float64Array,
  out: Float64Array,
  seq: ArrayLike<number>,
  start: number,
  end: number,
  scratch: DecayScratch,
  grads: DecayGradients,
): void {
  const { hs, qs, zs, dh, lambda } = scratch;
  const [gEmbed, gDecay, gOut] = grads;
  for (let k = 0; k < H; k++) lambda[k] = sigmoid(decay[k] as number);
  // Forward: row u − start of hs is the state before attempt u.
  for (let u = start; u < end; u++) {
    const x = seq[u] as number;
    const a = (u - start) * H;
    const o = (x >> 1) * (H + 1);
    let z = out[o + H] as number;
    for (let k = 0; k < H; k++) {
      const hk = hs[a + k] as number;
      const q = hk / (1 + Math.abs(hk)); // softsign: a saturating squash without exp
      qs[a + k] = q;
      z += (out[o + k] as number) * q;
      hs[a + H + k] = (lambda[k] as number) * hk + (embed[x * H + k] as number);
    }
    zs[u - start] = z;
  }
  dh.fill(0);
  for (let u = end - 1; u >= start; u--) {
    const x = seq[u] as number;
    const a = (u - start) * H;
    // dh holds the gradient with respect to the state after attempt u: into E[x_u], λ, and the state before.
    for (let k = 0; k < H; k++) {
      const d = dh[k] as number;
      gEmbed[x * H + k] = (gEmbed[x * H + k] as number) + d;
      const l = lambda[k] as number;
      gDecay[k] = (gDecay[k] as number) + d * (hs[a + k] as number) * l * (1 - l);
      dh[k] = d * l;
    }
    // The output at attempt u reads the state before it: q'(h) = (1 − |q|)².
    const o = (x >> 1) * (H + 1);
    const dl = sigmoid(zs[u - start] as number) - (x & 1);
    for (let k = 0; k < H; k++) {
      const q = qs[a + k] as number;
      gOut[o + k] = (gOut[o + k] as number) + dl * q;
      dh[k] = (dh[k] as number) + dl * (out[o + k] as number) * (1 - Math.abs(q)) * (1 - Math.abs(q));
    }
    gOut[o + H] = (gOut[o + H] as number) + dl;
  }
  hs.copyWithin(0, (end - start) * H, (end - start + 1) * H);
}

/**
 * The gradient of the summed binary cross-entropy of one learner's attempts under a decay-cell model (full
 * back-propagation through time; embed, decay logits and output layer, in the model's layouts). For checking the
 * back-propagation; every key must be known to the model.
 */
export function decayedLossGradient(
  model: SequenceModel,
  observations: readonly Observation[],
): { embed: Float64Array; decay: Float64Array; out: Float64Array } {
  const H = model.hidden;
  const index = new Map(model.skillIds.map((id, i) => [id, i]));
  const seq = observations.map((o) => {
    const key = model.by === "item" ? (index.get(`i:${o.itemId}`) ?? index.get(`s:${o.skillIds[0]}`)) : index.get(o.skillIds[0] as string);
    if (key === undefined) throw new Error("decayedLossGradient: a key unknown to the model");
    return 2 * key + (o.correct ? 1 : 0);
  });
  const grads = [new Float64Array(model.embed.length), new Float64Array(H), new Float64Array(model.out.length)] as DecayGradients;
  const scratch = createDecayScratch(H, Math.max(1, seq.length));
  backpropDecayChunk(H, Float64Array.from(model.embed), Float64Array.from(model.recur), Float64Array.from(model.out), seq, 0, seq.length, scratch, grads);
  return { embed: grads[0], decay: grads[1], out: grads[2] };
}

/** Runs a model of {@link fitDecayedSequence} online. */
export function decayedSequenceRunner(model: SequenceModel): SequenceRunner {
  const H = model.hidden;
  const index = new Map(model.skillIds.map((id, i) => [id, i]));
  const embed = Float64Array.from(model.embed);
  const lambda = Float64Array.from(model.recur, (a) => sigmoid(a));
  const out = Float64Array.from(model.out);
  const keyOf = (itemId: string, skillIds: readonly string[]): number => {
    if (model.by !== "item") return skillIds[0] === undefined ? -1 : (index.get(skillIds[0]) ?? -1);
    return index.get(`i:${itemId}`) ?? (skillIds[0] === undefined ? -1 : (index.get(`s:${skillIds[0]}`) ?? -1));
  };
  // The mean output row: the mean log-odds over every id is linear in softsign(h).
  const S = model.skillIds.length;
  const meanOut = new Float64Array(H + 1);
  for (let s = 0; s < S; s++) for (let k = 0; k <= H; k++) meanOut[k] = (meanOut[k] as number) + (out[s * (H + 1) + k] as number) / S;
  return {
    hidden: H,
    slot: model.slot ?? 0,
    meanLogit(h) {
      let z = meanOut[H] as number;
      for (let k = 0; k < H; k++) {
        const hk = h[k] as number;
        z += ((meanOut[k] as number) * hk) / (1 + Math.abs(hk));
      }
      return z;
    },
    step(h, itemId, skillIds, correct) {
      const s = keyOf(itemId, skillIds);
      const next = new Float64Array(H);
      const e = (2 * s + (correct ? 1 : 0)) * H;
      for (let k = 0; k < H; k++) next[k] = (lambda[k] as number) * (h[k] as number) + (s < 0 ? 0 : (embed[e + k] as number));
      return next;
    },
    logit(h, itemId, skillIds) {
      const s = keyOf(itemId, skillIds);
      if (s < 0) return 0;
      const o = s * (H + 1);
      let z = out[o + H] as number;
      for (let k = 0; k < H; k++) {
        const hk = h[k] as number;
        z += ((out[o + k] as number) * hk) / (1 + Math.abs(hk));
      }
      return z;
    },
  };
}
