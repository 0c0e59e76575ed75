import { describe, expect, it } from "vitest";
import { decayedSequenceRunner } from "./sequence-decay.ts";
import { fitSequenceModels, sequenceFeatures, sequenceWidth, type SequenceModel, type SequenceOptions, type SequenceRunner } from "./sequence-model.ts";
import { createSeededRng } from "./seeded-rng.ts";
import type { LearnerHistory } from "./tracer.ts";

const base: SequenceOptions = { cell: "decay", hidden: 2, epochs: 1, learningRate: 0.01, maxRows: 1e9, chunk: 5, batch: 16 };
const runner = (slot: number): SequenceRunner => ({ hidden: 1, slot, step: (h) => h, logit: () => 0 });

describe("sequence features", () => {
  it("counts one column per feature switched on", () => {
    expect(sequenceWidth(undefined)).toBe(0);
    expect(sequenceWidth(base)).toBe(1);
    expect(sequenceWidth({ ...base, byAttempts: true, ability: true, also: base })).toBe(4);
  });

  it("averages each slot's log-odds, scales by log(1 + attempts), averages the abilities of slot 0 (hand-computed)", () => {
    const runners = [runner(0), runner(0), runner(1)];
    // Slot 0: (1 + 3) / 2 = 2; slot 1: −1; 4 attempts so far: 2 · log 5; abilities of slot 0: (0.5 + 1.5) / 2 = 1.
    const all = sequenceFeatures({ ...base, byAttempts: true, also: base, ability: true }, runners, [1, 3, -1], 4, [0.5, 1.5, 9]);
    expect(all).toHaveLength(4);
    expect(all[0]).toBeCloseTo(2, 12);
    expect(all[1]).toBeCloseTo(2 * Math.log(5), 12);
    expect(all[2]).toBeCloseTo(-1, 12);
    expect(all[3]).toBeCloseTo(1, 12);
    expect(sequenceFeatures(base, [runner(0), runner(0)], [1, 3], 4)).toEqual([2]);
  });

  it("reads the mean output row of a decay cell as its mean log-odds (hand-computed)", () => {
    // One unit, ids a and b: outputs 2·q(h) − 1 and 4·q(h) + 1, mean 3·q(h); at h = 1, q = ½: 1.5.
    const model: SequenceModel = { cell: "decay", skillIds: ["a", "b"], hidden: 1, embed: [0, 0, 0, 0], recur: [0], biasN: [], out: [2, -1, 4, 1] };
    const r = decayedSequenceRunner(model);
    expect(r.meanLogit?.(Float64Array.of(1))).toBeCloseTo(1.5, 12);
    expect((r.logit(Float64Array.of(1), "x", ["a"]) + r.logit(Float64Array.of(1), "x", ["b"])) / 2).toBeCloseTo(1.5, 12);
    expect(r.slot).toBe(0);
    expect(decayedSequenceRunner({ ...model, slot: 1 }).slot).toBe(1);
  });
});

describe("fitting sequence models out of fold", () => {
  const histories: LearnerHistory[] = Array.from({ length: 6 }, (_, h) => ({
    learnerId: `l${h}`,
    observations: Array.from({ length: 8 }, (_, k) => ({ itemId: `i${k % 3}`, skillIds: [`s${k % 2}`], correct: (h + k) % 3 !== 0 })),
  }));

  it("serves learner h the seeds of fold h mod K of each group, and new learners the fold models or the full ones", () => {
    const fitted = fitSequenceModels(histories, { ...base, folds: 3, seeds: 2, also: { ...base, folds: 2 } }, createSeededRng(1));
    // Group 0: 3 folds × 2 seeds (models 0–5); group 1: 2 folds × 1 seed (models 6, 7).
    expect(fitted.folds).toHaveLength(8);
    expect(fitted.folds.map((m) => m.slot ?? 0)).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
    expect(fitted.of(0)).toEqual([0, 1, 6]);
    expect(fitted.of(4)).toEqual([2, 3, 6]);
    expect(fitted.of(5)).toEqual([4, 5, 7]);
    expect(fitted.models).toBe(fitted.folds);
    const full = fitSequenceModels(histories, { ...base, folds: 2, full: true }, createSeededRng(1));
    expect(full.folds).toHaveLength(2);
    expect(full.models).toHaveLength(1);
  });
});
