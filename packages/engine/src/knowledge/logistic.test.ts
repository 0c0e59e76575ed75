import { describe, expect, it } from "vitest";
import { minimizeLbfgs } from "./lbfgs.ts";
import { fitLogistic, logisticLoss } from "./logistic.ts";
import { createSeededRng } from "./seeded-rng.ts";
import { SparseRowsBuilder } from "./sparse-rows.ts";

function randomProblem(seed: number, rows: number, columns: number) {
  const rng = createSeededRng(seed);
  const builder = new SparseRowsBuilder(columns);
  const y = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    const idx = [0];
    const val = [1];
    for (let j = 1; j < columns; j++) {
      if (rng() < 0.4) {
        idx.push(j);
        val.push(rng() * 2 - 0.5);
      }
    }
    builder.addRow(idx, val);
    y[r] = rng() < 0.6 ? 1 : 0;
  }
  return { X: builder.build(), y, rng };
}

describe("logistic loss", () => {
  it("has a gradient that matches central finite differences", () => {
    const { X, y, rng } = randomProblem(11, 40, 6);
    const l2 = Float64Array.from([0, 0.5, 1, 1, 2, 0.1]);
    const w = Float64Array.from({ length: 6 }, () => rng() * 2 - 1);
    const g = new Float64Array(6);
    logisticLoss(w, X, y, l2, g);
    const scratch = new Float64Array(6);
    const h = 1e-6;
    for (let j = 0; j < 6; j++) {
      const plus = Float64Array.from(w);
      const minus = Float64Array.from(w);
      plus[j] = (plus[j] as number) + h;
      minus[j] = (minus[j] as number) - h;
      const numeric = (logisticLoss(plus, X, y, l2, scratch) - logisticLoss(minus, X, y, l2, scratch)) / (2 * h);
      expect(g[j]).toBeCloseTo(numeric, 5);
    }
  });

  it("fits to a point where the gradient vanishes", () => {
    const { X, y } = randomProblem(12, 300, 5);
    const l2 = Float64Array.from([0, 1, 1, 1, 1]);
    const w = fitLogistic(X, y, { l2, gradientTolerance: 1e-6, functionTolerance: 1e-14 });
    const g = new Float64Array(5);
    logisticLoss(w, X, y, l2, g);
    for (const gj of g) expect(Math.abs(gj)).toBeLessThan(1e-3);
  });

  it("recovers known weights from simulated outcomes", () => {
    const rng = createSeededRng(21);
    const truth = [-0.5, 1.2, -0.8];
    const builder = new SparseRowsBuilder(3);
    const n = 20_000;
    const y = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      const x = [1, rng() * 2 - 1, rng() * 2 - 1];
      builder.addRow([0, 1, 2], x);
      const z = truth.reduce((s, t, j) => s + t * (x[j] as number), 0);
      y[r] = rng() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    const w = fitLogistic(builder.build(), y, { l2: new Float64Array(3) });
    truth.forEach((t, j) => expect(Math.abs((w[j] as number) - t)).toBeLessThan(0.06));
  });
});

describe("L-BFGS", () => {
  it("minimizes a badly scaled quadratic", () => {
    // f = ½ Σ cᵢ (xᵢ − i)² with curvatures 1 … 1000
    const c = [1, 10, 100, 1000];
    const r = minimizeLbfgs(
      (x, g) => {
        let f = 0;
        c.forEach((ci, i) => {
          const d = (x[i] as number) - i;
          f += 0.5 * ci * d * d;
          g[i] = ci * d;
        });
        return f;
      },
      new Float64Array(4),
      { gradientTolerance: 1e-8 },
    );
    r.x.forEach((xi, i) => expect(xi).toBeCloseTo(i, 5));
  });

  it("respects lower bounds (the constrained minimum sits on the bound)", () => {
    // f = (x₀ + 1)² + (x₁ − 2)², x ≥ 0 → (0, 2)
    const r = minimizeLbfgs(
      (x, g) => {
        const a = (x[0] as number) + 1;
        const b = (x[1] as number) - 2;
        g[0] = 2 * a;
        g[1] = 2 * b;
        return a * a + b * b;
      },
      Float64Array.from([3, 3]),
      { lower: Float64Array.from([0, 0]), gradientTolerance: 1e-9 },
    );
    expect(r.x[0]).toBe(0);
    expect(r.x[1]).toBeCloseTo(2, 6);
  });
});
