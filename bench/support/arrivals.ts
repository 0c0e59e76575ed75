import { createSeededRng } from "../../packages/engine/src/knowledge/seeded-rng.ts";

/**
 * When each of `count` requests is due, in ms from the start: every 1/rate s (even), or with exponential gaps of mean
 * 1/rate s (poisson; seeded, so every run sends the same arrival pattern).
 */
export function arrivalTimes(pacing: "even" | "poisson", rate: number, count: number, seed = 1): Float64Array {
  const due = new Float64Array(count);
  const rng = createSeededRng(seed);
  let t = 0;
  for (let k = 0; k < count; k++) {
    due[k] = pacing === "even" ? (k * 1000) / rate : t;
    t += (-Math.log(1 - rng()) * 1000) / rate;
  }
  return due;
}
