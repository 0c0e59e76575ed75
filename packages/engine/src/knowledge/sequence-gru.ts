import { sigmoid } from "./logistic.ts";
import type { LearnerHistory, Rng } from "./tracer.ts";
import type { SequenceModel, SequenceOptions, SequenceRunner } from "./sequence-model.ts";
import { shuffle } from "./seeded-rng.ts";
import { adamArray, adamStepSize, adamUpdate } from "./adam.ts";

/**
 * A tiny recurrent knowledge tracer in the manner of DKT (Piech et al. 2015, "Deep knowledge tracing"): a GRU (Cho et
 * al. 2014, eqs. 5–8, the gate layout of PyTorch's nn.GRU) reads the learner's earlier (skill, outcome) pairs and a
 * per-skill output layer reads its hidden state:
 *   r = σ(E_r[x] + U_r h),  z = σ(E_z[x] + U_z h),  n = tanh(E_n[x] + r ⊙ (U_n h + b_n)),  h' = (1 − z) ⊙ n + z ⊙ h,
 *   logit(P(correct at skill s)) = o_s · h + c_s,
 * x the token 2·skill + outcome of the attempt just made (a one-hot input, so E[x] is a row lookup). It is not a
 * tracer of its own: its log-odds is one more input of `best` (one slope and a tree input), learned out of fold.
 */
/** The GRU's view of a model: typed arrays for speed. */
interface Weights {
  readonly H: number;
  readonly index: Map<string, number>;
  readonly embed: Float64Array;
  readonly recur: Float64Array;
  readonly biasN: Float64Array;
  readonly out: Float64Array;
}

function weightsOf(model: SequenceModel): Weights {
  return {
    H: model.hidden,
    index: new Map(model.skillIds.map((id, i) => [id, i])),
    embed: Float64Array.from(model.embed),
    recur: Float64Array.from(model.recur),
    biasN: Float64Array.from(model.biasN),
    out: Float64Array.from(model.out),
  };
}

/**
 * One GRU step: h' from h and token x (−1: an unknown skill, no input). When `keep` is given, the gates, the
 * recurrent candidate term and h are stored there at offset `at` (for back-propagation): [h, r, z, n, U_n h + b_n].
 */
function step(w: Weights, h: Float64Array, x: number, next: Float64Array, keep?: Float64Array, at = 0): void {
  const H = w.H;
  const { embed, recur, biasN } = w;
  const e = x * 3 * H;
  for (let i = 0; i < H; i++) {
    let ar = 0;
    let az = 0;
    let an = biasN[i] as number;
    const rr = i * H;
    const rz = (H + i) * H;
    const rn = (2 * H + i) * H;
    for (let j = 0; j < H; j++) {
      const hj = h[j] as number;
      ar += (recur[rr + j] as number) * hj;
      az += (recur[rz + j] as number) * hj;
      an += (recur[rn + j] as number) * hj;
    }
    if (x >= 0) {
      ar += embed[e + i] as number;
      az += embed[e + H + i] as number;
    }
    // σ written out (gate pre-activations stay small; exp(−x) overflows to ∞ only below −709, giving 0 as it should).
    const r = 1 / (1 + Math.exp(-ar));
    const z = 1 / (1 + Math.exp(-az));
    const n = Math.tanh((x >= 0 ? (embed[e + 2 * H + i] as number) : 0) + r * an);
    next[i] = (1 - z) * n + z * (h[i] as number);
    if (keep !== undefined) {
      keep[at + i] = h[i] as number;
      keep[at + H + i] = r;
      keep[at + 2 * H + i] = z;
      keep[at + 3 * H + i] = n;
      keep[at + 4 * H + i] = an;
    }
  }
}

function outputLogit(w: Weights, h: ArrayLike<number>, s: number): number {
  if (s < 0) return 0;
  const H = w.H;
  const o = s * (H + 1);
  let z = w.out[o + H] as number;
  for (let j = 0; j < H; j++) z += (w.out[o + j] as number) * (h[j] as number);
  return z;
}

/** Token and output index of an attempt: its first skill (−1 when unknown to the model). */
function skillOf(w: Weights, skillIds: readonly string[]): number {
  return skillIds.length === 0 ? -1 : (w.index.get(skillIds[0] as string) ?? -1);
}

/** Gradients of embed, recur, biasN and out (the layout of {@link SequenceModel}). */
type Gradients = [Float64Array, Float64Array, Float64Array, Float64Array];

/** Buffers of one chunk of back-propagation through time. */
interface Scratch {
  /** Hidden state carried from chunk to chunk (overwritten with the state after the chunk). */
  h: Float64Array;
  next: Float64Array;
  /** Per step: [h, r, z, n, U_n h + b_n] (see `step`). */
  readonly keep: Float64Array;
  readonly logits: Float64Array;
  readonly dh: Float64Array;
  readonly dPre: Float64Array;
}

function createScratch(H: number, chunk: number): Scratch {
  return {
    h: new Float64Array(H),
    next: new Float64Array(H),
    keep: new Float64Array(chunk * 5 * H),
    logits: new Float64Array(chunk),
    dh: new Float64Array(H),
    dPre: new Float64Array(3 * H),
  };
}

/**
 * Forward then backward through attempts [start, end) of a token sequence (token 2·skill + outcome), from the hidden
 * state in `scratch.h` (left there as the state after the chunk; no gradient flows into the earlier chunk). Adds the
 * gradient of the summed binary cross-entropy to `grads` and returns that loss.
 */
function backpropChunk(w: Weights, seq: readonly number[], start: number, end: number, scratch: Scratch, grads: Gradients): number {
  const H = w.H;
  const { keep, logits, dh, dPre } = scratch;
  const recur = w.recur;
  const outW = w.out;
  const [gEmbed, gRecur, gBiasN, gOut] = grads;
  let loss = 0;
  // Forward: predict attempt u from h, then read its token.
  for (let u = start; u < end; u++) {
    const tok = seq[u] as number;
    const z = outputLogit(w, scratch.h, tok >> 1);
    logits[u - start] = z;
    loss += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - (tok & 1) * z;
    step(w, scratch.h, tok, scratch.next, keep, (u - start) * 5 * H);
    const swap = scratch.h;
    scratch.h = scratch.next;
    scratch.next = swap;
  }
  // Backward; dh is the gradient with respect to the hidden state after step u.
  dh.fill(0);
  for (let u = end - 1; u >= start; u--) {
    const x = seq[u] as number;
    const at = (u - start) * 5 * H;
    for (let i = 0; i < H; i++) {
      const hi = keep[at + i] as number;
      const r = keep[at + H + i] as number;
      const z = keep[at + 2 * H + i] as number;
      const n = keep[at + 3 * H + i] as number;
      const an = keep[at + 4 * H + i] as number;
      const d = dh[i] as number;
      const dPreN = d * (1 - z) * (1 - n * n);
      dPre[i] = dPreN * an * r * (1 - r); // r gate
      dPre[H + i] = d * (hi - n) * z * (1 - z); // z gate
      dPre[2 * H + i] = dPreN; // candidate, before the reset gate scales its recurrent term
      dh[i] = d * z;
    }
    const e = x * 3 * H;
    for (let g = 0; g < 3; g++) {
      for (let i = 0; i < H; i++) {
        let dp = dPre[g * H + i] as number;
        gEmbed[e + g * H + i] = (gEmbed[e + g * H + i] as number) + dp;
        if (g === 2) {
          dp *= keep[at + H + i] as number; // gradient of the recurrent candidate term U_n h + b_n
          gBiasN[i] = (gBiasN[i] as number) + dp;
        }
        if (dp === 0) continue;
        const row = (g * H + i) * H;
        for (let j = 0; j < H; j++) {
          gRecur[row + j] = (gRecur[row + j] as number) + dp * (keep[at + j] as number);
          dh[j] = (dh[j] as number) + dp * (recur[row + j] as number);
        }
      }
    }
    // Output at attempt u reads h_u, the state before step u.
    const dl = sigmoid(logits[u - start] as number) - (x & 1);
    const o = (x >> 1) * (H + 1);
    for (let j = 0; j < H; j++) {
      gOut[o + j] = (gOut[o + j] as number) + dl * (keep[at + j] as number);
      dh[j] = (dh[j] as number) + dl * (outW[o + j] as number);
    }
    gOut[o + H] = (gOut[o + H] as number) + dl;
  }
  return loss;
}

/**
 * The summed binary cross-entropy of one learner's attempts under a model, and its gradient (full back-propagation
 * through time, same layout as the model's arrays). For checking the back-propagation; every skill must be known.
 */
export function gruLossGradient(
  model: SequenceModel,
  observations: readonly { readonly skillIds: readonly string[]; readonly correct: boolean }[],
): { loss: number; embed: Float64Array; recur: Float64Array; biasN: Float64Array; out: Float64Array } {
  const w = weightsOf(model);
  const seq = observations.map((o) => 2 * skillOf(w, o.skillIds) + (o.correct ? 1 : 0));
  if (seq.some((x) => x < 0)) throw new Error("gruLossGradient: a skill unknown to the model");
  const grads = [w.embed, w.recur, w.biasN, w.out].map((p) => new Float64Array(p.length)) as Gradients;
  const loss = backpropChunk(w, seq, 0, seq.length, createScratch(w.H, Math.max(1, seq.length)), grads);
  return { loss, embed: grads[0], recur: grads[1], biasN: grads[2], out: grads[3] };
}

/**
 * Fits a GRU by truncated back-propagation through time on the binary cross-entropy of every attempt, with Adam.
 * Learners are shuffled with `rng` each epoch and the weights start from `rng`, so a fit is deterministic.
 */
export function fitGru(histories: readonly LearnerHistory[], options: SequenceOptions, rng: Rng): SequenceModel {
  const skills = new Set<string>();
  for (const history of histories) for (const o of history.observations) if (o.skillIds.length > 0) skills.add(o.skillIds[0] as string);
  const skillIds = [...skills].sort();
  const S = skillIds.length;
  const H = options.hidden;
  const scale = 1 / Math.sqrt(H);
  const draw = (n: number): number[] => Array.from({ length: n }, () => (2 * rng() - 1) * scale);
  const model: SequenceModel = { skillIds, hidden: H, embed: draw(2 * S * 3 * H), recur: draw(3 * H * H), biasN: draw(H), out: draw(S * (H + 1)) };
  const w = weightsOf(model);
  // Learners in a random order, whole, until the row cap.
  const order = histories.map((_, h) => h);
  shuffle(order, rng);
  const chosen: number[][] = [];
  let rows = 0;
  for (const h of order) {
    if (rows >= options.maxRows) break;
    const history = histories[h] as LearnerHistory;
    if (history.observations.length === 0) continue;
    const seq = history.observations.map((o) => skillOf(w, o.skillIds) * 2 + (o.correct ? 1 : 0));
    chosen.push(seq);
    rows += seq.length;
  }
  const arrays = [w.embed, w.recur, w.biasN, w.out].map(adamArray);
  const grads = arrays.map((x) => x.gradient) as Gradients;
  const scratch = createScratch(H, options.chunk);
  let t = 0;
  let pending = 0;
  const adam = (): void => {
    t++;
    const lr = adamStepSize(options.learningRate, t);
    // Untouched token rows (gradient and first moment 0) are skipped: nothing to move.
    for (const x of arrays) adamUpdate(x, 0, x.weights.length, lr, 1 / pending, true);
    pending = 0;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(chosen, rng);
    for (const seq of chosen) {
      scratch.h.fill(0);
      for (let start = 0; start < seq.length; start += options.chunk) {
        const end = Math.min(seq.length, start + options.chunk);
        backpropChunk(w, seq, start, end, scratch, grads);
        pending += end - start;
        if (pending >= options.batch) adam();
      }
    }
    if (pending > 0) adam();
  }
  return { ...model, embed: Array.from(w.embed), recur: Array.from(w.recur), biasN: Array.from(w.biasN), out: Array.from(w.out) };
}

/** Wraps a GRU for online use. */
export function gruRunner(model: SequenceModel): SequenceRunner {
  const w = weightsOf(model);
  return {
    hidden: model.hidden,
    slot: model.slot ?? 0,
    step(h, _itemId, skillIds, correct) {
      const s = skillOf(w, skillIds);
      const next = new Float64Array(w.H);
      step(w, h, s < 0 ? -1 : 2 * s + (correct ? 1 : 0), next);
      return next;
    },
    logit: (h, _itemId, skillIds) => outputLogit(w, h, skillOf(w, skillIds)),
  };
}
