import type { Rng } from "./tracer.ts";

/**
 * A small, fast, seeded pseudo-random generator (Mulberry32 by Tommy Ettinger, public domain) for callers that need
 * reproducible fits, splits and simulations. The engine never seeds one itself: callers pass the `rng` in.
 */
export function createSeededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
