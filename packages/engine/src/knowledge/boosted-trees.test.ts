import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binEdges, boostedMargin, fitBoostedTrees, type BoostOptions, type DenseRows } from "./boosted-trees.ts";
import { sigmoid } from "./logistic.ts";
import { createSeededRng } from "./seeded-rng.ts";

const one: BoostOptions = { trees: 1, depth: 1, shrinkage: 1, l2: 0, minHessian: 0, bins: 32 };

function rowsOf(values: readonly (readonly number[])[]): DenseRows {
  const features = values[0]?.length ?? 0;
  return { rows: values.length, features, data: Float64Array.from(values.flat()) };
}

function logLoss(y: Uint8Array, z: ArrayLike<number>): number {
  let loss = 0;
  for (let r = 0; r < y.length; r++) loss -= Math.log(y[r] === 1 ? sigmoid(z[r] as number) : 1 - sigmoid(z[r] as number));
  return loss / y.length;
}

describe("boosted trees", () => {
  it("makes every distinct value but the largest a bin edge when there are few", () => {
    const edges = binEdges(rowsOf([[3], [1], [2], [1], [3]]), 32);
    expect(Array.from(edges[0] as Float64Array)).toEqual([1, 2]);
  });

  it("splits where the gradient changes sign, with Newton leaf values (hand-computed)", () => {
    // Base log-odds 0, so p = ½ everywhere: g = ½ − y, h = ¼. Rows with x = 0 are wrong, with x = 1 right.
    // Left leaf (x ≤ 0): −Σg / (Σh + λ) = −(3 · ½) / (3 · ¼ + 1) = −1.5 / 1.75; right: +(2 · ½) / (2 · ¼ + 1) = 1 / 1.5.
    const X = rowsOf([[0], [0], [0], [1], [1]]);
    const y = Uint8Array.from([0, 0, 0, 1, 1]);
    const model = fitBoostedTrees(X, y, new Float64Array(5), { ...one, l2: 1 });
    const tree = model.trees[0];
    expect(tree?.feature).toEqual([0]);
    expect(tree?.threshold).toEqual([0]);
    expect(tree?.value[0]).toBeCloseTo(-1.5 / 1.75, 12);
    expect(tree?.value[1]).toBeCloseTo(1 / 1.5, 12);
    expect(boostedMargin(model, [0])).toBeCloseTo(-1.5 / 1.75, 12);
    expect(boostedMargin(model, [0.5])).toBeCloseTo(1 / 1.5, 12);
  });

  it("does not split a node when a child would hold less than the smallest hessian", () => {
    const X = rowsOf([[0], [0], [0], [1], [1]]);
    const y = Uint8Array.from([0, 0, 0, 1, 1]);
    // Total hessian 5 · ¼ = 1.25: no split leaves both sides ≥ 1, so the tree is one leaf (an intercept shift).
    const model = fitBoostedTrees(X, y, new Float64Array(5), { ...one, minHessian: 1 });
    expect(model.trees[0]?.feature).toEqual([-1]);
    expect(model.trees[0]?.value[0]).toBeCloseTo(-(3 * 0.5 - 2 * 0.5) / 1.25, 12);
  });

  it("learns an interaction a sum of the features cannot, starting from the given base", () => {
    const rng = createSeededRng(3);
    const n = 4000;
    const values: number[][] = [];
    const y = new Uint8Array(n);
    const base = new Float64Array(n).fill(-0.3);
    for (let r = 0; r < n; r++) {
      const a = rng() * 2 - 1;
      const b = rng() * 2 - 1;
      values.push([a, b]);
      y[r] = rng() < sigmoid(a * b > 0 ? 1.5 : -1.5) ? 1 : 0;
    }
    const X = rowsOf(values);
    const model = fitBoostedTrees(X, y, base, { trees: 30, depth: 2, shrinkage: 0.3, l2: 1, minHessian: 5, bins: 16 });
    const z = values.map((x, r) => (base[r] as number) + boostedMargin(model, x));
    expect(logLoss(y, z)).toBeLessThan(logLoss(y, base) - 0.1);
    expect(boostedMargin(model, [0.5, 0.5])).toBeGreaterThan(boostedMargin(model, [0.5, -0.5]) + 1);
  });

  it("never raises the training loss of a single Newton step with shrinkage ≤ 1 on separable halves", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 2, maxLength: 60 }), fc.double({ min: -2, max: 2, noNaN: true }), (pairs, b0) => {
        const X = rowsOf(pairs.map(([x]) => [x]));
        const y = Uint8Array.from(pairs.map(([, c]) => (c ? 1 : 0)));
        const base = new Float64Array(pairs.length).fill(b0);
        const model = fitBoostedTrees(X, y, base, { trees: 1, depth: 2, shrinkage: 0.5, l2: 1, minHessian: 0, bins: 8 });
        const z = pairs.map(([x], r) => (base[r] as number) + boostedMargin(model, [x]));
        expect(logLoss(y, z)).toBeLessThanOrEqual(logLoss(y, base) + 1e-12);
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it("is deterministic", () => {
    const X = rowsOf([[0, 1], [1, 0], [2, 2], [3, 1], [1, 1], [0, 0]]);
    const y = Uint8Array.from([0, 1, 1, 1, 0, 0]);
    const options = { trees: 5, depth: 2, shrinkage: 0.3, l2: 1, minHessian: 0, bins: 4 };
    expect(fitBoostedTrees(X, y, new Float64Array(6), options)).toEqual(fitBoostedTrees(X, y, new Float64Array(6), options));
  });
});
