import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMemoryCard, isReviewDue, memoryRetrievability, reviewDueAt, reviewMemoryCard } from "./memory-card.ts";

const DAY = 86_400_000;
const t0 = Date.UTC(2025, 0, 6, 9);

describe("memory cards (ts-fsrs)", () => {
  it("gives a newly mastered skill FSRS-6's first stability for Good (w2 = 2.3065 days)", () => {
    const card = createMemoryCard(t0);
    expect(card.stability).toBeCloseTo(2.3065, 3);
    expect(card.lastReview).toBe(t0);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it("starts a skill known before any teaching with FSRS-6's first stability for Easy (w3 = 8.2956 days)", () => {
    const card = createMemoryCard(t0, { initialGrade: "easy" });
    expect(card.stability).toBeCloseTo(8.2956, 3);
    expect(reviewDueAt(card, { initialGrade: "easy" })).toBeGreaterThan(reviewDueAt(createMemoryCard(t0)));
  });

  it("is due exactly when retrievability falls below the target retention", () => {
    const card = createMemoryCard(t0);
    const due = reviewDueAt(card);
    // R(S) = 0.9 by FSRS's definition of stability, so the due time is S days after the review.
    expect((due - t0) / DAY).toBeCloseTo(card.stability, 6);
    expect(memoryRetrievability(card, due - 60_000)).toBeGreaterThan(0.9);
    expect(isReviewDue(card, due - 60_000)).toBe(false);
    expect(memoryRetrievability(card, due + 60_000)).toBeLessThan(0.9);
    expect(isReviewDue(card, due + 60_000)).toBe(true);
    expect(isReviewDue(card, due - 60_000, { targetRetention: 0.95 })).toBe(true);
  });

  it("never calls a review due within a day of the last one", () => {
    const failed = reviewMemoryCard(createMemoryCard(t0), t0 + 3 * DAY, { correct: false });
    expect(isReviewDue(failed, t0 + 3 * DAY + 3_600_000)).toBe(false);
  });

  it("lengthens the interval after a successful review and shortens it after a failed one", () => {
    const card = createMemoryCard(t0);
    const at = reviewDueAt(card);
    const good = reviewMemoryCard(card, at, { correct: true });
    const again = reviewMemoryCard(card, at, { correct: false });
    expect(good.stability).toBeGreaterThan(card.stability);
    expect(again.stability).toBeLessThan(card.stability);
    expect(again.lapses).toBe(1);
  });

  it("keeps retrievability in [0, 1] and never rising with time", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), (correct, a, b) => {
        const card = reviewMemoryCard(createMemoryCard(t0), t0 + 3 * DAY, { correct });
        const [early, late] = a < b ? [a, b] : [b, a];
        const r1 = memoryRetrievability(card, t0 + 3 * DAY + early * DAY);
        const r2 = memoryRetrievability(card, t0 + 3 * DAY + late * DAY);
        expect(r1).toBeGreaterThanOrEqual(0);
        expect(r1).toBeLessThanOrEqual(1);
        expect(r2).toBeLessThanOrEqual(r1 + 1e-12);
      }),
      { numRuns: 100 },
    );
  });
});
