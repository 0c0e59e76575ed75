/** Descriptive statistics the analytics share. */

/** The median (mean of the two middle values for an even count); undefined for no values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The arithmetic mean; undefined for no values. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Point-biserial correlation between a 0/1 outcome and a score: r = (M₁ − M₀)/s · √(p·q), with s the population
 * standard deviation of the scores, p the share of 1s and q = 1 − p (equal to Pearson's r on the 0/1 coding).
 * Undefined when either group is empty or the scores do not vary.
 */
export function pointBiserial(outcomes: readonly boolean[], scores: readonly number[]): number | undefined {
  const n = outcomes.length;
  if (n === 0 || scores.length !== n) return undefined;
  let n1 = 0;
  let sum1 = 0;
  let sum0 = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    sum += s;
    if (outcomes[i]) {
      n1++;
      sum1 += s;
    } else sum0 += s;
  }
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return undefined;
  const m = sum / n;
  let ss = 0;
  for (const s of scores) ss += (s - m) * (s - m);
  const sd = Math.sqrt(ss / n);
  if (sd < 1e-12) return undefined;
  const p = n1 / n;
  return ((sum1 / n1 - sum0 / n0) / sd) * Math.sqrt(p * (1 - p));
}
