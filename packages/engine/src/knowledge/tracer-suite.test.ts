// The one suite every knowledge tracer must pass (run against each model of the registry).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BktSkillParams } from "./bkt.ts";
import { fitTracer, KNOWLEDGE_MODELS, loadTracer } from "./registry.ts";
import { createSeededRng } from "./seeded-rng.ts";
import { simulateBktLearners } from "./simulate-learners.ts";
import type { KnowledgeTracer, Observation } from "./tracer.ts";

const truth: Record<string, BktSkillParams> = {
  add: { prior: 0.3, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0.02 },
  sub: { prior: 0.5, learn: 0.1, guess: 0.25, slip: 0.08, forget: 0.02 },
  mul: { prior: 0.2, learn: 0.15, guess: 0.15, slip: 0.1, forget: 0.02 },
};
// Timed attempts (so time-window features are exercised) with some items tagged with two skills.
const training = simulateBktLearners(truth, {
  learners: 120,
  attemptsPerLearner: 30,
  multiSkillRate: 0.2,
  startTime: Date.UTC(2026, 0, 5),
  gapMs: 90_000,
  rng: createSeededRng(42),
});
const itemPool: Observation[] = [
  { itemId: "add/0", skillIds: ["add"], correct: true },
  { itemId: "sub/1", skillIds: ["sub"], correct: true },
  { itemId: "mul/2", skillIds: ["mul"], correct: true },
  { itemId: "add/3+sub", skillIds: ["add", "sub"], correct: true },
  { itemId: "new-item", skillIds: ["new-skill"], correct: true },
];
const anObservation = fc
  .record({ k: fc.integer({ min: 0, max: itemPool.length - 1 }), correct: fc.boolean(), gap: fc.integer({ min: 1, max: 10_000 }) })
  .map(({ k, correct, gap }) => ({ ...(itemPool[k] as Observation), correct, gap }));
const aHistory = fc.array(anObservation, { maxLength: 25 });

/** Replays a generated history, giving each attempt a time after the training data. */
function replay(tracer: KnowledgeTracer, history: readonly (Observation & { gap: number })[]): unknown[] {
  let time = Date.UTC(2026, 1, 1);
  let state = tracer.initialState();
  const states = [state];
  for (const { gap, ...o } of history) {
    time += gap * 1000;
    state = tracer.update(state, { ...o, time });
    states.push(state);
  }
  return states;
}

describe.each(KNOWLEDGE_MODELS.map((m) => [m]))("knowledge tracer %s", (model) => {
  const tracer = fitTracer(model, training, { rng: createSeededRng(1) });
  const skills = ["add", "sub", "mul", "new-skill"];

  it("keeps predictions and mastery within [0, 1]", () => {
    fc.assert(
      fc.property(aHistory, (history) => {
        for (const state of replay(tracer, history)) {
          for (const item of itemPool) {
            const p = tracer.predict(state, item);
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
          for (const s of skills) {
            const m = tracer.mastery(state, s);
            expect(m).toBeGreaterThanOrEqual(0);
            expect(m).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it("never lowers mastery after a correct answer (and ranks right above wrong when the model forgets)", () => {
    fc.assert(
      fc.property(aHistory, fc.integer({ min: 0, max: itemPool.length - 1 }), (history, k) => {
        const states = replay(tracer, history);
        const state = states[states.length - 1];
        const item = itemPool[k] as Observation;
        const right = tracer.update(state, { ...item, correct: true });
        const wrong = tracer.update(state, { ...item, correct: false });
        for (const s of item.skillIds) {
          if (!tracer.forgets) expect(tracer.mastery(right, s)).toBeGreaterThanOrEqual(tracer.mastery(state, s) - 1e-12);
          // A forgetting model may end lower after any answer (an opportunity to forget passed), but a right answer
          // still leaves it higher than a wrong one would have.
          else expect(tracer.mastery(right, s)).toBeGreaterThanOrEqual(tracer.mastery(wrong, s) - 1e-12);
        }
      }),
      { numRuns: 40, seed: 8 },
    );
  });

  it("updates every skill of a multi-skill item", () => {
    const before = tracer.initialState();
    const after = tracer.update(before, { itemId: "add/3+sub", skillIds: ["add", "sub"], correct: false });
    for (const s of ["add", "sub"]) {
      const e = tracer.explain(after, s);
      expect(e.incorrect).toBe(1);
      expect(e.summary).toContain("1 wrong");
      expect(tracer.mastery(after, s)).not.toBe(tracer.mastery(before, s));
    }
    expect(tracer.explain(after, "mul").incorrect).toBe(0);
  });

  it("is pure: update leaves its input state unchanged", () => {
    fc.assert(
      fc.property(aHistory, anObservation, (history, next) => {
        const states = replay(tracer, history);
        const state = states[states.length - 1];
        const snapshot = structuredClone(state);
        const { gap: _gap, ...observation } = next;
        tracer.update(state, observation);
        expect(state).toEqual(snapshot);
      }),
      { numRuns: 30, seed: 9 },
    );
  });

  it("explains mastery in plain terms", () => {
    let state = tracer.initialState();
    expect(tracer.explain(state, "add").summary).toContain("no attempts");
    for (const correct of [true, true, false]) state = tracer.update(state, { itemId: "add/0", skillIds: ["add"], correct });
    const e = tracer.explain(state, "add");
    expect(e).toMatchObject({ correct: 2, incorrect: 1, recent: [true, true, false], attemptsSinceLastPractice: 0 });
    expect(e.mastery).toBeCloseTo(tracer.mastery(state, "add"), 12);
    expect(e.summary).toMatch(/2 right and 1 wrong/);
  });

  it("serializes to versioned JSON and loads back with identical predictions", () => {
    const json = JSON.parse(JSON.stringify(tracer.serialize("2026-01-01T00:00:00.000Z")));
    expect(json).toMatchObject({ version: 1, model, fittedAt: "2026-01-01T00:00:00.000Z" });
    const loaded = loadTracer(json);
    let a = tracer.initialState();
    let b = loaded.initialState();
    for (const o of itemPool) {
      expect(loaded.predict(b, o)).toBe(tracer.predict(a, o));
      a = tracer.update(a, { ...o, correct: false });
      b = loaded.update(b, { ...o, correct: false });
    }
    expect(() => loadTracer({ ...json, version: 99 })).toThrow(/version/);
  });
});
