/**
 * Runs of practice: consecutive attempts at the same skill(s). Mastery-learning problem sets ("skill builders" in
 * ASSISTments: a learner works a set until three right in a row, Heffernan & Heffernan 2014) make a run's shape — how
 * long it has gone, how many right, the current streak of rights — predictive beyond the skill's overall counts,
 * and whether the learner comes back to a skill after leaving it tells apart review from a first pass.
 */
export interface PracticeRun {
  /** The skills of the run (sorted, joined), compared with the next attempt's. */
  readonly key: string;
  readonly length: number;
  readonly right: number;
  /** Rights in a row at the end of the run. */
  readonly streak: number;
}

/** What a learner's runs left at one skill. */
export interface SkillRuns {
  /** Runs started at this skill, the current one included. */
  readonly runs: number;
  /** Longest streak of rights within any run at this skill. */
  readonly bestStreak: number;
}

/** Columns of the run features (see {@link encodeRunFeatures}). */
export const RUN_FEATURES = 10;
/** Longest streak told apart (a one-hot of 0, 1, 2, ≥ 3 rights in a row in the run). */
const STREAK_CAP = 3;

/** The run key of an attempt's skills. */
export function runKey(skillIds: readonly string[]): string {
  return skillIds.length === 1 ? (skillIds[0] as string) : [...new Set(skillIds)].sort().join("\u0001");
}

/** The run after one more attempt with run key `key`: the same run continued, or a new one. */
export function nextRun(run: PracticeRun | undefined, key: string, correct: boolean): PracticeRun {
  const on = run !== undefined && run.key === key;
  const length = on ? run.length : 0;
  const right = on ? run.right : 0;
  const streak = on ? run.streak : 0;
  return { key, length: length + 1, right: right + (correct ? 1 : 0), streak: correct ? streak + 1 : 0 };
}

/** A skill's runs after one more attempt at it; `run` is the run after that attempt ({@link nextRun}). */
export function nextSkillRuns(previous: SkillRuns | undefined, run: PracticeRun): SkillRuns {
  const runs = (previous?.runs ?? 0) + (run.length === 1 ? 1 : 0);
  return { runs, bestStreak: Math.max(previous?.bestStreak ?? 0, run.streak) };
}

/**
 * The run features of the next attempt with run key `key` (`skill`: the runs at its first skill), written to
 * `push(k, value)` for columns k < {@link RUN_FEATURES} (zeros are skipped):
 *   0 the attempt continues the run · 1–3 log(1 + attempts, rights, wrongs in the run so far) ·
 *   4–7 one-hot of the streak of rights in the run (0, 1, 2, ≥ 3; only within a run) ·
 *   8 log(1 + earlier runs at the skill) · 9 longest streak at the skill so far, capped at 3, divided by 3.
 */
export function encodeRunFeatures(
  run: PracticeRun | undefined,
  skill: SkillRuns | undefined,
  key: string,
  push: (k: number, value: number) => void,
): void {
  const on = run !== undefined && run.key === key;
  if (on) {
    push(0, 1);
    push(1, Math.log1p(run.length));
    if (run.right > 0) push(2, Math.log1p(run.right));
    if (run.length > run.right) push(3, Math.log1p(run.length - run.right));
    push(4 + Math.min(run.streak, STREAK_CAP), 1);
  }
  const earlier = (skill?.runs ?? 0) - (on ? 1 : 0);
  if (earlier > 0) push(8, Math.log1p(earlier));
  const best = Math.min(skill?.bestStreak ?? 0, STREAK_CAP);
  if (best > 0) push(9, best / STREAK_CAP);
}
