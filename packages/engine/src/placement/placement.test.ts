import { describe, expect, it } from "vitest";
import { createSeededRng } from "../knowledge/seeded-rng.ts";
import { smallCourse } from "../policy/test-course.ts";
import { nextPlacementItem, placementResult, recordPlacementResponse, startPlacement } from "./placement.ts";

const course = smallCourse();
const options = { particles: 800 };

describe("adaptive placement", () => {
  it("stops at the item limit when answers stay ambiguous", () => {
    let state = startPlacement(createSeededRng(1));
    let flip = false;
    for (;;) {
      const step = nextPlacementItem(course, state, { ...options, maxItems: 4, confidence: 0.999 });
      if (step.done) {
        expect(step.stop).toBe("limit");
        expect(step.itemsUsed).toBe(4);
        break;
      }
      flip = !flip;
      state = recordPlacementResponse(state, { itemId: step.item!.itemId, skillIds: step.item!.skillIds, correct: flip });
    }
  });

  it("propagates a right answer on an advanced skill down to its prerequisites", () => {
    const state0 = startPlacement(createSeededRng(2));
    const before = placementResult(course, state0, options).pKnown;
    let state = state0;
    for (const k of [0, 1]) state = recordPlacementResponse(state, { itemId: `mixed-${k}`, skillIds: ["mixed"], correct: true });
    const after = placementResult(course, state, options).pKnown;
    for (const id of ["unlike", "like", "equivalent", "meaning"]) expect(after.get(id)!).toBeGreaterThan(before.get(id)!);
    expect(after.get("meaning")!).toBeGreaterThan(0.8);
  });

  it("propagates a wrong answer on a basic skill up to what builds on it", () => {
    const state0 = startPlacement(createSeededRng(3));
    const before = placementResult(course, state0, options).pKnown;
    let state = state0;
    for (const k of [0, 1]) state = recordPlacementResponse(state, { itemId: `meaning-${k}`, skillIds: ["meaning"], correct: false });
    const after = placementResult(course, state, options).pKnown;
    for (const id of ["like", "unlike", "mixed"]) expect(after.get(id)!).toBeLessThan(before.get(id)!);
    expect(Math.abs(after.get("decimals")! - before.get("decimals")!)).toBeLessThan(0.15); // an unrelated branch barely moves
  });

  it("is resumable: a saved state (JSON) continues with the same next item", () => {
    let state = startPlacement(createSeededRng(4));
    state = recordPlacementResponse(state, { itemId: "like-0", skillIds: ["like"], correct: true });
    const saved = JSON.parse(JSON.stringify(state));
    expect(nextPlacementItem(course, saved, options)).toEqual(nextPlacementItem(course, state, options));
  });

  it("classifies a learner who answers by a known state within the limit", () => {
    const known = new Set(["meaning", "like", "equivalent"]);
    let state = startPlacement(createSeededRng(6));
    for (;;) {
      const step = nextPlacementItem(course, state, options);
      if (step.done) {
        for (const s of course.skills) expect(step.pKnown.get(s.id)! >= 0.5).toBe(known.has(s.id));
        expect(step.itemsUsed).toBeLessThanOrEqual(25);
        break;
      }
      state = recordPlacementResponse(state, { itemId: step.item!.itemId, skillIds: step.item!.skillIds, correct: step.item!.skillIds.every((id) => known.has(id)) });
    }
  });
});
