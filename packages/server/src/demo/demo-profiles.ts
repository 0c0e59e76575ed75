import type { Rng } from "@attune/engine";

/**
 * How a demo learner behaved over the weeks before the demo starts. Each profile is there so a teacher's view has
 * something true to show: struggling learners spin their wheels on a skill, stopped ones fall behind their plan,
 * rapid guessers and hint abusers game some sessions, fast ones race ahead; most are steady.
 */
export type DemoProfile = "steady" | "fast" | "struggling" | "rapid-guesser" | "hint-abuser" | "stopped";

export const DEMO_PROFILES: readonly DemoProfile[] = ["steady", "fast", "struggling", "rapid-guesser", "hint-abuser", "stopped"];

export type Range = readonly [number, number];

export interface ProfileTraits {
  /** Multiplies the synthetic learner's learn rates (its hidden truth). */
  readonly speed: number;
  /** Of three learners drawn, keep the least able, the most able, or the first. */
  readonly ability: "low" | "high" | "any";
  /** Median seconds on a question (before the question's own difficulty and noise). */
  readonly secondsPerAnswer: Range;
  /** Chance of using Attune in a timetabled class lesson, and of a session at home on a school day. */
  readonly attendance: number;
  readonly homeSessions: number;
  readonly classMinutes: Range;
  readonly homeMinutes: Range;
  /** Chance of opening a hint on a question the learner does not know. */
  readonly hints: number;
  /** Chance that a session of the last two weeks is spent gaming the system (earlier ones: a quarter of it). */
  readonly gaming: number;
  /** Chance of taking the placement first, and of setting a plan goal. */
  readonly placement: number;
  readonly goal: number;
  /** Days since the last session (stopped learners). */
  readonly stoppedDaysAgo?: Range;
}

export const PROFILE_TRAITS: Record<DemoProfile, ProfileTraits> = {
  steady: { speed: 1, ability: "any", secondsPerAnswer: [30, 55], attendance: 0.92, homeSessions: 0.2, classMinutes: [12, 22], homeMinutes: [8, 18], hints: 0.25, gaming: 0, placement: 0.6, goal: 0.35 },
  fast: { speed: 1.6, ability: "any", secondsPerAnswer: [18, 32], attendance: 0.95, homeSessions: 0.25, classMinutes: [15, 25], homeMinutes: [10, 22], hints: 0.1, gaming: 0, placement: 0.8, goal: 0.5 },
  struggling: { speed: 0.3, ability: "low", secondsPerAnswer: [45, 80], attendance: 0.85, homeSessions: 0.12, classMinutes: [12, 22], homeMinutes: [8, 15], hints: 0.45, gaming: 0, placement: 0.5, goal: 0.4 },
  "rapid-guesser": { speed: 0.9, ability: "any", secondsPerAnswer: [25, 45], attendance: 0.9, homeSessions: 0.25, classMinutes: [12, 22], homeMinutes: [8, 15], hints: 0.15, gaming: 0.75, placement: 0.6, goal: 0.3 },
  "hint-abuser": { speed: 0.8, ability: "any", secondsPerAnswer: [30, 55], attendance: 0.9, homeSessions: 0.2, classMinutes: [12, 22], homeMinutes: [8, 15], hints: 0.5, gaming: 0.65, placement: 0.6, goal: 0.3 },
  stopped: { speed: 0.9, ability: "any", secondsPerAnswer: [30, 60], attendance: 0.85, homeSessions: 0.15, classMinutes: [12, 22], homeMinutes: [8, 15], hints: 0.25, gaming: 0, placement: 0.7, goal: 1, stoppedDaysAgo: [11, 17] },
};

/** Profiles per class: a fixed mix (so every teacher's class shows each kind), dealt in a seeded order. */
export function dealProfiles(count: number, rng: Rng): DemoProfile[] {
  const deck: DemoProfile[] = [];
  const add = (profile: DemoProfile, n: number) => {
    for (let i = 0; i < n && deck.length < count; i++) deck.push(profile);
  };
  add("stopped", 2);
  add("rapid-guesser", 1);
  add("hint-abuser", 1);
  add("struggling", 3);
  add("fast", 2);
  add("steady", count);
  // Fisher–Yates with the seeded rng.
  for (let i = deck.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [deck[i], deck[j]] = [deck[j]!, deck[i]!];
  }
  return deck;
}
