import type { FeatureLayout } from "./logistic-features.ts";

/**
 * The dense, named inputs a residual tree ensemble (boosted-trees.ts) reads, derived from a logistic row: the
 * logistic model's own log-odds, the fitted difficulty of the item and skill, and every dense feature group (counts,
 * recency-weighted correctness, abilities, BKT, recency, progress, related items). Per-skill columns are folded into
 * one input ("successes at the skill asked"), one-hot patterns into their pattern code, so a tree's split reads
 * plainly ("ability at the skill > 0.8").
 */
export interface TreeInputs {
  readonly names: readonly string[];
  /** Per logistic column: the input it feeds (−1: none). */
  readonly slot: Int32Array;
  /** Per logistic column: what it adds to its input — its value × factor (when `code` is NaN). */
  readonly factor: Float64Array;
  /** Per logistic column of a one-hot pattern: the constant code it sets instead (NaN for value columns). */
  readonly code: Float64Array;
}

/** Maps the columns of a layout to tree inputs; item and skill one-hots feed their fitted weight. */
export function createTreeInputs(layout: FeatureLayout, weights: ArrayLike<number>): TreeInputs {
  const { spec } = layout;
  const names: string[] = ["log-odds"];
  const slot = new Int32Array(layout.columns).fill(-1);
  const factor = new Float64Array(layout.columns);
  const code = new Float64Array(layout.columns).fill(Number.NaN);
  const input = (name: string): number => {
    names.push(name);
    return names.length - 1;
  };
  const scaled = (column: number, s: number): void => {
    slot[column] = s;
    factor[column] = 1;
  };
  const coded = (column: number, s: number, c: number): void => {
    slot[column] = s;
    code[column] = c;
  };
  const nI = layout.itemIndex.size;
  const nS = layout.skillIndex.size;
  if (spec.item) {
    const s = input("item difficulty weight");
    for (let i = 0; i < nI; i++) {
      slot[layout.item + i] = s;
      factor[layout.item + i] = weights[layout.item + i] as number;
    }
  }
  if (spec.skill) {
    const s = input("skill difficulty weight");
    for (let i = 0; i < nS; i++) {
      slot[layout.skill + i] = s;
      factor[layout.skill + i] = weights[layout.skill + i] as number;
    }
  }
  if (spec.skillCounts) {
    const right = input("log(1 + right at skill)");
    const wrong = input("log(1 + wrong at skill)");
    for (let i = 0; i < nS; i++) {
      scaled(layout.skillCounts + 2 * i, right);
      scaled(layout.skillCounts + 2 * i + 1, wrong);
    }
  }
  const group = (on: boolean, start: number, labels: readonly string[]): void => {
    if (!on) return;
    labels.forEach((label, k) => scaled(start + k, input(label)));
  };
  group(spec.totalCounts, layout.totalCounts, ["log(1 + right)", "log(1 + wrong)"]);
  group(spec.itemCounts, layout.itemCounts, ["log(1 + right at item)", "log(1 + wrong at item)"]);
  if (!spec.skillEmaPerSkill) group(true, layout.skillEma, spec.skillEmaRates.map((a) => `skill EMA ${a}`));
  group(true, layout.totalEma, spec.totalEmaRates.map((a) => `EMA ${a}`));
  group(spec.bkt, layout.bkt, ["BKT log-odds"]);
  group(spec.recency, layout.recency, ["last answer", "log(1 + attempts since skill)"]);
  if (spec.itemRecency) {
    const last = input("last answer at item (+1 right, −1 wrong)");
    coded(layout.itemRecency, last, 1);
    coded(layout.itemRecency + 1, last, -1);
    scaled(layout.itemRecency + 2, input("log(1 + attempts since item)"));
  }
  const pattern = (k: number, start: number, name: string): void => {
    if (k <= 0) return;
    const s = input(name);
    for (let c = 0; c < 2 ** (k + 1) - 1; c++) coded(start + c, s, c + 1);
  };
  pattern(spec.skillPattern, layout.skillPattern, "pattern at skill");
  group(spec.elo !== undefined, layout.elo, ["ability", "ability at skill"]);
  pattern(spec.totalPattern ?? 0, layout.totalPattern, "pattern");
  group(spec.progress === true, layout.progress, ["log(1 + skills)", "log(attempts per skill)"]);
  group(spec.neighbors !== undefined && spec.elo !== undefined, layout.neighbors, ["related", "related recent", "related last"]);
  group(spec.repeatGain !== undefined && spec.itemCounts, layout.repeatGain, ["repeat gain of item"]);
  if (spec.runs === true) {
    group(true, layout.runs, ["in a run", "log(1 + attempts in run)", "log(1 + right in run)", "log(1 + wrong in run)"]);
    const streak = input("streak in run");
    for (let k = 0; k < 4; k++) coded(layout.runs + 4 + k, streak, k + 1);
    group(true, layout.runs + 8, ["log(1 + earlier runs at skill)", "longest streak at skill"]);
  }
  if (spec.decay !== undefined) {
    const labels: string[] = [];
    for (const where of [spec.decay.item ? "item" : "", spec.decay.skill ? "skill" : ""]) {
      if (where === "") continue;
      for (const h of spec.decay.halfLives) labels.push(`decayed right at ${where} (h ${h})`, `decayed wrong at ${where} (h ${h})`);
    }
    group(labels.length > 0, layout.decay, labels);
  }
  group(spec.sequence !== undefined, layout.sequence, [
    "sequence model log-odds",
    ...(spec.sequence?.byAttempts === true ? ["sequence log-odds × log(1 + attempts)"] : []),
    ...(spec.sequence?.also === undefined ? [] : ["second sequence model log-odds"]),
    ...(spec.sequence?.ability === true ? ["sequence model mean log-odds"] : []),
  ]);
  group(spec.ownResidual === true && spec.elo !== undefined && spec.itemCounts, layout.ownResidual, ["own residual at item"]);
  return { names, slot, factor, code };
}

/** Fills `out` (length = names) with the tree inputs of one sparse logistic row and its log-odds. */
export function fillTreeInputs(
  inputs: TreeInputs,
  indices: ArrayLike<number>,
  values: ArrayLike<number>,
  from: number,
  to: number,
  logOdds: number,
  out: Float64Array | number[],
  at = 0,
): void {
  const n = inputs.names.length;
  for (let k = 0; k < n; k++) out[at + k] = 0;
  out[at] = logOdds;
  for (let k = from; k < to; k++) {
    const j = indices[k] as number;
    const s = inputs.slot[j] as number;
    if (s < 0) continue;
    const c = inputs.code[j] as number;
    out[at + s] = (out[at + s] as number) + (Number.isNaN(c) ? (inputs.factor[j] as number) * (values[k] as number) : c);
  }
}
