import { bktParamsFor, bktStep, type BktParams, type BktSkillParams } from "../knowledge/bkt.ts";
import type { Rng } from "../knowledge/tracer.ts";
import { createMemoryCard, MIN_REVIEW_INTERVAL_MS, reviewDueAt, reviewMemoryCard, type MemoryCard, type MemoryOptions } from "../memory/memory-card.ts";
import { nextPlacementItem, recordPlacementResponse, startPlacement } from "../placement/placement.ts";
import type { PlacementOptions, PlacementState } from "../placement/placement-model.ts";
import type { CourseGraph } from "../policy/course-graph.ts";
import { nextActivity, type NextActivityOptions, type RecentAttempt } from "../policy/next-activity.ts";
import { itemSkills, type SimPolicy } from "./baseline-policies.ts";

/** Options of the Attune policy in simulation. */
export interface AttuneSimOptions {
  /** BKT parameters the policy believes (fitted from logged data — never the simulator's truth). */
  readonly bkt: BktParams;
  /** Run adaptive placement first and seed mastery with it (default true). */
  readonly placement?: boolean | PlacementOptions;
  readonly policy?: NextActivityOptions;
  /** First FSRS rating of a skill placement shows known (default "easy"). */
  readonly placementGrade?: "good" | "easy";
  readonly memory?: MemoryOptions;
  /** Update every skill of a multi-skill item as if it were alone (the former behaviour; default false: the
   *  conjunctive update of {@link bktStepConjunctive}). */
  readonly independentMultiSkill?: boolean;
  /** Count a right answer on a multi-skill item as a successful retrieval, for FSRS, of the item's other mastered
   *  skills (implicit review; default true). */
  readonly implicitReviews?: boolean;
  /** After every skill is mastered, keep doing the reviews that fall due for this many days before the course
   *  counts as finished (default {@link DEFAULT_REVIEW_PERIOD_DAYS}; 0: finished when every skill is mastered). */
  readonly reviewPeriodDays?: number;
  /** Target retention of the reviews in that period (default {@link DEFAULT_REVIEW_PERIOD_RETENTION}): a little
   *  above the course's, so the skills most likely forgotten are checked before the course counts as finished. */
  readonly reviewPeriodRetention?: number;
  /** Count a lesson as a chance to learn its skills (BKT's transition P ← P + (1 − P)·T; default true). */
  readonly lessonsTeach?: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Days of due reviews after the last skill is mastered. Skills learnt in the last days of a course leave it with a
 * few days of memory stability; a week of spaced reviews lifts their 30-day recall (measured on fractions, 200
 * learners: retention_30d 0.857 → 0.916 for +52 attempts, true mastery 0.959 → 0.956, false mastery 4.1% → 4.4%).
 */
export const DEFAULT_REVIEW_PERIOD_DAYS = 7;

/** Target retention during the review period (see {@link AttuneSimOptions.reviewPeriodRetention}). */
export const DEFAULT_REVIEW_PERIOD_RETENTION = 0.92;

/**
 * P(known) after a lesson on a skill: the lesson is one chance to learn it, as an attempt would give, without an
 * answer to learn from — BKT's transition alone, P + (1 − P)·T (Corbett & Anderson 1995, eq. 4). The fitted prior
 * of a skill already includes the lessons pilot learners saw before their first attempt, so the step is for
 * mastery that came from elsewhere (placement, earlier answers).
 */
export function masteryAfterLesson(pKnown: number, params: BktSkillParams): number {
  return pKnown + (1 - pKnown) * params.learn;
}

/**
 * BKT for an item that needs several skills (a conjunctive, noisy-AND item: right with P = 1 − slip only when every
 * skill is known, else with P = guess; Junker & Sijtsma 2001, "DINA"). Each skill's posterior marginalises the others
 * (treated as independent), so a wrong answer on an item that mixes a mastered skill with one being learnt mostly
 * blames the one being learnt instead of lowering both alike. Guess and slip of the item are the means of its skills';
 * each skill then learns (or forgets) with its own rates. With one skill it is exactly `bktStep`.
 */
export function bktStepConjunctive(masteries: readonly number[], correct: boolean, params: readonly BktSkillParams[]): number[] {
  if (masteries.length === 1) return [bktStep(masteries[0] as number, correct, params[0] as BktSkillParams)];
  let guess = 0;
  let slip = 0;
  for (const p of params) {
    guess += p.guess / params.length;
    slip += p.slip / params.length;
  }
  return masteries.map((m, j) => {
    let others = 1;
    masteries.forEach((o, i) => (i === j ? undefined : (others *= o)));
    const pCorrectIfKnown = others * (1 - slip) + (1 - others) * guess;
    const known = m * (correct ? pCorrectIfKnown : 1 - pCorrectIfKnown);
    const unknown = (1 - m) * (correct ? guess : 1 - guess);
    const posterior = known / (known + unknown);
    const p = params[j] as BktSkillParams;
    return posterior * (1 - p.forget) + (1 - posterior) * p.learn;
  });
}

/**
 * Attune as a learner would meet it: adaptive placement, then BKT mastery (Corbett & Anderson 1995) driving
 * `nextActivity`, with FSRS memory cards for mastered skills (a failed review lowers mastery through BKT and can
 * reopen practice). Mastery is P(known) ≥ the skill's threshold, never a count.
 */
export function createAttuneSimPolicy(graph: CourseGraph, rng: Rng, options: AttuneSimOptions): SimPolicy {
  const n = graph.skills.length;
  const mastery = new Float64Array(n);
  graph.skills.forEach((s, i) => (mastery[i] = bktParamsFor(options.bkt, s.id).prior));
  const cards = new Map<string, MemoryCard>();
  const masteredAt = new Map<string, number>();
  const recent: RecentAttempt[] = [];
  const seenLessons = new Set<string>();
  const placementOptions = typeof options.placement === "object" ? options.placement : {};
  let placement: PlacementState | undefined = options.placement === false ? undefined : startPlacement(rng);
  const targetRetention = options.memory?.targetRetention ?? options.policy?.targetRetention ?? 0.9;
  const memoryOptions: MemoryOptions = { ...options.memory, targetRetention };
  const reviewPeriod = (options.reviewPeriodDays ?? DEFAULT_REVIEW_PERIOD_DAYS) * DAY_MS;
  let completedAt: number | undefined;
  const masteryOf = (id: string): number => mastery[graph.skillIndex.get(id) ?? -1] ?? 0;
  const isMastered = (s: number): boolean => (mastery[s] as number) >= (graph.thresholds[s] as number);

  const finishPlacement = (pKnown: ReadonlyMap<string, number>, now: number): void => {
    graph.skills.forEach((s, i) => {
      // Placement answers are evidence like any other; clamp so one test never makes a skill certain.
      mastery[i] = Math.min(0.97, Math.max(0.01, pKnown.get(s.id) ?? (mastery[i] as number)));
      if (isMastered(i)) {
        // Known before any teaching: an older, firmer memory than a skill just learnt (FSRS "Easy" first rating).
        cards.set(s.id, createMemoryCard(now, options.placementGrade === "good" ? memoryOptions : { ...memoryOptions, initialGrade: "easy" }));
        masteredAt.set(s.id, now);
      }
    });
    placement = undefined;
  };

  return {
    decide(now) {
      if (placement !== undefined) {
        const step = nextPlacementItem(graph, placement, placementOptions);
        if (!step.done && step.item) {
          const item = graph.items.get(step.item.itemId);
          if (item) return { kind: "item", item, skills: itemSkills(graph, item), review: false, target: graph.skillIndex.get(step.item.skillId) ?? -1, placement: true };
        }
        finishPlacement(step.pKnown, now);
      }
      const allMastered = graph.skills.every((_, s) => isMastered(s) || (graph.itemsBySkill[s]?.length ?? 0) === 0);
      if (allMastered) completedAt ??= now;
      else completedAt = undefined;
      if (completedAt !== undefined && now >= completedAt + reviewPeriod) return { kind: "done" };
      const retention = completedAt === undefined ? targetRetention : (options.reviewPeriodRetention ?? DEFAULT_REVIEW_PERIOD_RETENTION);
      const decision = nextActivity({
        now,
        rng,
        course: graph,
        mastery: masteryOf,
        memory: cards,
        masteredAt,
        recentAttempts: recent,
        seenLessons,
        options: { ...options.policy, targetRetention: retention },
      });
      const activity = decision.activity;
      if (activity === null) {
        let nextDue = Infinity;
        for (const card of cards.values()) nextDue = Math.min(nextDue, reviewDueAt(card, { ...memoryOptions, targetRetention: retention }));
        if (nextDue === Infinity || (completedAt !== undefined && nextDue >= completedAt + reviewPeriod)) return { kind: "done" };
        return { kind: "wait", until: Math.max(nextDue + 60_000, now + 60_000) };
      }
      if (activity.kind === "lesson") {
        const lesson = graph.lessons.get(activity.lessonId);
        return { kind: "lesson", lessonId: activity.lessonId, minutes: lesson?.minutes ?? 5, skills: itemSkills(graph, { id: "", skillIds: lesson?.skillIds ?? [] }) };
      }
      const item = graph.items.get(activity.itemId);
      if (item === undefined) return { kind: "done" };
      return { kind: "item", item, skills: itemSkills(graph, item), review: activity.kind === "review", target: graph.skillIndex.get(activity.skillId) ?? -1 };
    },
    observe(decision, correct, now) {
      if (decision.kind === "lesson") {
        seenLessons.add(decision.lessonId);
        // A lesson is no evidence of knowing, but it is a chance to learn.
        if (options.lessonsTeach !== false) {
          for (const s of decision.skills) if (!isMastered(s)) mastery[s] = masteryAfterLesson(mastery[s] as number, bktParamsFor(options.bkt, graph.skills[s]?.id as string));
        }
        return;
      }
      if (decision.kind !== "item") return;
      if (placement !== undefined) {
        placement = recordPlacementResponse(placement, { itemId: decision.item.id, skillIds: decision.item.skillIds, correct });
        return;
      }
      recent.push({ itemId: decision.item.id, time: now, review: decision.review, correct });
      if (recent.length > 30) recent.shift();
      const skills = [...new Set(decision.skills)];
      const params = skills.map((s) => bktParamsFor(options.bkt, graph.skills[s]?.id as string));
      const updated = options.independentMultiSkill
        ? skills.map((s, k) => bktStep(mastery[s] as number, correct, params[k] as BktSkillParams))
        : bktStepConjunctive(skills.map((s) => mastery[s] as number), correct, params);
      if (correct && options.implicitReviews !== false) {
        // A right answer on a conjunctive item shows every skill it is tagged with was retrieved, so a mastered one
        // met on the way to another counts for FSRS as a successful review (at most one a day), and no separate
        // review is scheduled for a skill that practice keeps using. Untagged prerequisites are not credited: the
        // answer says nothing about them (crediting them, as "fractional implicit repetition" does, halved reviews
        // but raised false mastery to 5.9% on fractions).
        for (const s of skills) {
          if (s === decision.target || !isMastered(s)) continue;
          const id = graph.skills[s]?.id as string;
          const card = cards.get(id);
          if (card !== undefined && card.lastReview !== null && now - card.lastReview >= MIN_REVIEW_INTERVAL_MS) cards.set(id, reviewMemoryCard(card, now, { correct: true }, memoryOptions));
        }
      }
      skills.forEach((s, k) => {
        const id = graph.skills[s]?.id as string;
        const wasMastered = isMastered(s);
        mastery[s] = updated[k] as number;
        const card = cards.get(id);
        if (card === undefined) {
          if (isMastered(s)) {
            cards.set(id, createMemoryCard(now, memoryOptions));
            masteredAt.set(id, now);
          }
        } else if (decision.review && decision.target === s) {
          // FSRS hears only of reviews of this skill; an item that touches a mastered skill on the way to another,
          // and the practice that re-masters a reopened skill, are evidence for BKT, not reviews (FSRS schedules
          // from the failed review, in its relearning state).
          cards.set(id, reviewMemoryCard(card, now, { correct }, memoryOptions));
        }
        if (!wasMastered && isMastered(s)) masteredAt.set(id, now);
      });
    },
    declaredMastered() {
      return Uint8Array.from(mastery, (m, s) => (m >= (graph.thresholds[s] as number) ? 1 : 0));
    },
  };
}
