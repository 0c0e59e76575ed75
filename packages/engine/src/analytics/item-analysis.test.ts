import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeItems, normalizeAnswer } from "./item-analysis.ts";
import type { AttemptRecord } from "./records.ts";

const t0 = Date.UTC(2025, 2, 3, 9);

/** First tries from a table: true = right, a string = that wrong answer. Item order sets the answer times. */
function table(rows: Record<string, Record<string, true | string>>, extra: Partial<AttemptRecord> = {}): AttemptRecord[] {
  const out: AttemptRecord[] = [];
  for (const [learnerId, items] of Object.entries(rows)) {
    Object.entries(items).forEach(([itemId, v], k) => {
      out.push({ learnerId, itemId, skillIds: ["s"], correct: v === true, answeredAt: t0 + k * 60_000, ...(v === true ? { answer: "right" } : { answer: v }), ...extra });
    });
  }
  return out;
}

// Rest scores on o1–o3: A 3/3, B 2/3, C 2/3, D 1/3, E 0/3. Item q: A and B (the strongest) answer "0.5", C–E are right.
const fiveLearners = table({
  A: { o1: true, o2: true, o3: true, q: " 0.5" },
  B: { o1: true, o2: true, o3: "x", q: "0.5." },
  C: { o1: true, o2: true, o3: "y", q: true },
  D: { o1: true, o2: "z", o3: "y", q: true },
  E: { o1: "w", o2: "z", o3: "y", q: true },
}, { responseMs: 20_000 });

describe("item analysis", () => {
  it("computes difficulty, point-biserial and Kelley's index on rest scores (hand-computed)", () => {
    const [q] = analyzeItems({ attempts: fiveLearners, itemIds: ["q"], options: { minLearners: 5, brokenMinUpperWrong: 2 } });
    expect(q?.learners).toBe(5);
    expect(q?.difficulty).toBe(0.6);
    // M₁ = 1/3 (C, D, E), M₀ = 5/6 (A, B), population sd = √26/15, p·q = 0.24: r = −0.5 · 15/√26 · √0.24.
    expect(q?.discrimination).toBeCloseTo(-7.5 * Math.sqrt(0.24 / 26), 12);
    // 27% of 5 → groups of 2: upper A, B (B before C by id at 2/3), lower D, E: D = 0 − 1.
    expect(q?.upperLowerIndex).toBe(-1);
    expect(q?.discriminationLearners).toBe(5);
  });

  it("flags an item as looking broken when the strong learners' wrong answers agree and discrimination < 0", () => {
    const [q] = analyzeItems({ attempts: fiveLearners, itemIds: ["q"], options: { minLearners: 5, brokenMinUpperWrong: 2 } });
    expect(q?.status).toBe("flagged");
    expect(q?.flags.map((f) => f.code)).toEqual(["looks-broken"]);
    expect(q?.flags[0]?.evidence).toMatchObject({ answer: "0.5", count: 2, upperWrong: 2, share: 1 });
    expect(q?.wrongAnswers).toEqual([{ answer: "0.5", count: 2, share: 1 }]);
    expect(q?.message).toBe(
      "Answered by 5 learners: 60% right on the first try, discrimination −0.72 (works against the rest of the course), median time 20 seconds, hints on 0% of attempts. " +
        "Looks broken: 2 of the 2 wrong first answers from the learners who do best elsewhere were “0.5”, and those learners get it wrong more often than others (discrimination −0.72). Check whether “0.5” should be accepted.",
    );
  });

  it("reports not enough data rather than a flag below the minimum of learners", () => {
    const q = analyzeItems({ attempts: fiveLearners, itemIds: ["q", "never"] }).find((r) => r.itemId === "q");
    expect(q?.status).toBe("not-enough-data");
    expect(q?.flags).toEqual([]);
    expect(q?.difficulty).toBe(0.6);
    expect(q?.message.startsWith("Not enough data yet: 5 learners answered it (20 needed for flags). Answered by 5 learners: 60% right")).toBe(true);
    const never = analyzeItems({ attempts: fiveLearners, itemIds: ["never"] })[0];
    expect(never).toMatchObject({ status: "not-enough-data", learners: 0, difficulty: null, discrimination: null, medianResponseMs: null, hintUseShare: null });
    expect(never?.message).toBe("Not enough data yet: 0 learners answered it (20 needed for flags).");
  });

  it("uses first tries only for difficulty, and the attempt numbered 1 when given", () => {
    const rows: AttemptRecord[] = [
      { learnerId: "A", itemId: "q", skillIds: ["s"], correct: false, answeredAt: t0 },
      { learnerId: "A", itemId: "q", skillIds: ["s"], correct: true, answeredAt: t0 + 1000 },
      { learnerId: "B", itemId: "q", skillIds: ["s"], correct: true, answeredAt: t0, attemptNumber: 2 },
      { learnerId: "C", itemId: "q", skillIds: ["s"], correct: true, answeredAt: t0 + 5, attemptNumber: 1 },
    ];
    const [q] = analyzeItems({ attempts: rows });
    expect(q).toMatchObject({ attempts: 4, learners: 2, firstTryCorrect: 1, difficulty: 0.5 });
  });

  it("counts wrong answers by normalised text, with the most common misconception", () => {
    const wrong = ["3/8", "3 / 8", " 3/8 ", "2/6", "2/6", "5", "6", "7", "8", "9"];
    const rows = wrong.map((answer, k): AttemptRecord => ({ learnerId: `L${k}`, itemId: "q", skillIds: ["s"], correct: false, answer, answeredAt: t0 + k, hintsUsed: k < 3 ? 1 : 0, responseMs: (k + 1) * 1000, ...(k < 2 ? { misconceptionId: "add-across" } : {}) }));
    const [q] = analyzeItems({ attempts: [...rows, { learnerId: "Z", itemId: "q", skillIds: ["s"], correct: false, answeredAt: t0 }] });
    expect(q?.wrongAnswers).toEqual([
      { answer: "3/8", count: 3, share: 0.3, misconceptionId: "add-across" },
      { answer: "2/6", count: 2, share: 0.2 },
      { answer: "5", count: 1, share: 0.1 },
      { answer: "6", count: 1, share: 0.1 },
      { answer: "7", count: 1, share: 0.1 },
    ]);
    expect(q?.otherWrongAnswers).toBe(2);
    expect(q?.medianResponseMs).toBe(5_500);
    expect(q?.hintUseShare).toBeCloseTo(3 / 11, 12);
  });

  it("normalises answers without deciding equivalence", () => {
    expect(normalizeAnswer("  X  =  3 ")).toBe("x=3");
    expect(normalizeAnswer("\u22123 / 4.")).toBe("-3/4");
    expect(normalizeAnswer("Two  Thirds")).toBe("two thirds");
    expect(normalizeAnswer("0.50")).not.toBe(normalizeAnswer("0.5"));
    expect(normalizeAnswer("ｘ２")).toBe("x2");
  });

  /** 20 learners, 3 other items; item q right for the given learners, wrong answers as listed. */
  function twenty(rightOnQ: (k: number) => boolean, wrongAnswer: (k: number) => string) {
    const rows: Record<string, Record<string, true | string>> = {};
    for (let k = 0; k < 20; k++) {
      const id = `L${String(k).padStart(2, "0")}`;
      // Rest scores rise with k: L00–L04 0/3, L05–L09 1/3, L10–L14 2/3, L15–L19 3/3.
      const level = Math.floor(k / 5);
      rows[id] = { o1: level >= 1 ? true : "a", o2: level >= 2 ? true : "b", o3: level >= 3 ? true : "c", q: rightOnQ(k) ? true : wrongAnswer(k) };
    }
    return table(rows);
  }

  it("flags a shared misconception, very hard and very easy items, and leaves a good item alone", () => {
    // Good: the stronger half is right, the weaker half wrong with 5 different answers each twice.
    const good = analyzeItems({ attempts: twenty((k) => k >= 10, (k) => `w${k % 5}`), itemIds: ["q"] })[0];
    expect(good?.status).toBe("ok");
    expect(good?.discrimination).toBeGreaterThan(0.3);
    expect(good?.upperLowerIndex).toBe(1);
    expect(good?.message).toContain("(separates learners well)");
    // The same, but 6 of the 10 wrong answers are "3/8": a shared misconception (60% ≥ 40%).
    const common = analyzeItems({ attempts: twenty((k) => k >= 10, (k) => (k < 6 ? "3/8" : `w${k}`)), itemIds: ["q"] })[0];
    expect(common?.flags.map((f) => [f.code, f.severity])).toEqual([["common-wrong-answer", "low"]]);
    expect(common?.flags[0]?.message).toBe("“3/8” is 6 of 10 wrong first answers (60%): a shared misconception worth discussing in class.");
    // Only the 3 strongest are right: 15% < 20%.
    const hard = analyzeItems({ attempts: twenty((k) => k >= 17, (k) => `w${k}`), itemIds: ["q"] })[0];
    expect(hard?.flags.map((f) => f.code)).toEqual(["very-hard"]);
    expect(hard?.flags[0]?.message).toBe("Only 3 of 20 learners (15%) got it right on the first try: check that it is taught before it is practised.");
    const easy = analyzeItems({ attempts: twenty(() => true, () => ""), itemIds: ["q"] })[0];
    expect(easy?.flags.map((f) => f.code)).toEqual(["very-easy"]);
    expect(easy?.discrimination).toBeNull();
  });

  it("flags negative discrimination without a dominant answer, and a broken key with the default thresholds", () => {
    // The weaker half is right; the stronger half wrong with varied answers.
    const neg = analyzeItems({ attempts: twenty((k) => k < 10, (k) => `w${k}`), itemIds: ["q"] })[0];
    expect(neg?.flags.map((f) => [f.code, f.severity])).toEqual([["negative-discrimination", "medium"]]);
    // L12–L19 answer "1/2". Upper 27% = 6 learners: L15–L19 (rest 3/3) and L10 (first by id at 2/3, right on q).
    const broken = analyzeItems({ attempts: twenty((k) => k < 12, () => "1/2"), itemIds: ["q"] })[0];
    expect(broken?.flags.map((f) => f.code)).toEqual(["looks-broken"]);
    expect(broken?.flags[0]?.evidence).toMatchObject({ answer: "1/2", count: 5, upperWrong: 5, share: 1 });
  });

  it("sorts flagged items first, then ok, then not enough data", () => {
    const rows = [...twenty((k) => k < 10, (k) => `w${k}`), ...twenty((k) => k >= 10, (k) => `w${k % 5}`).map((a) => ({ ...a, itemId: a.itemId === "q" ? "good" : `${a.itemId}` }))];
    const order = analyzeItems({ attempts: rows, itemIds: ["good", "q", "unseen"] }).map((r) => [r.itemId, r.status]);
    expect(order).toEqual([["q", "flagged"], ["good", "ok"], ["unseen", "not-enough-data"]]);
  });

  it("keeps its statistics in range and ignores the order of the rows", () => {
    const rowArb = fc.record({ learner: fc.integer({ min: 0, max: 24 }), item: fc.integer({ min: 0, max: 5 }), correct: fc.boolean(), answer: fc.constantFrom("1", "2", "3/8", " 3 / 8"), hints: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 300 }), (rows) => {
        const attempts: AttemptRecord[] = rows.map((r, k) => ({ learnerId: `L${r.learner}`, itemId: `i${r.item}`, skillIds: ["s"], correct: r.correct, answer: r.answer, hintsUsed: r.hints, answeredAt: t0 + k * 1000, responseMs: 1000 + k }));
        const result = analyzeItems({ attempts, options: { minLearners: 8 } });
        expect(analyzeItems({ attempts: [...attempts].reverse(), options: { minLearners: 8 } })).toEqual(result);
        for (const r of result) {
          if (r.difficulty !== null) expect(r.difficulty).toBeGreaterThanOrEqual(0);
          if (r.difficulty !== null) expect(r.difficulty).toBeLessThanOrEqual(1);
          if (r.discrimination !== null) expect(Math.abs(r.discrimination)).toBeLessThanOrEqual(1 + 1e-9);
          if (r.upperLowerIndex !== null) expect(Math.abs(r.upperLowerIndex)).toBeLessThanOrEqual(1);
          const wrongWithText = attempts.filter((a) => a.itemId === r.itemId && !a.correct).length;
          expect(r.wrongAnswers.reduce((s, w) => s + w.count, 0) + r.otherWrongAnswers).toBe(wrongWithText);
          expect(r.status === "not-enough-data").toBe(r.learners < 8);
          if (r.status !== "flagged") expect(r.flags.length === 0 || r.status === "not-enough-data").toBe(true);
          expect(r.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 100 },
    );
  });
});
