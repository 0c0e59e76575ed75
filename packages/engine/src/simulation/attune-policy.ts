import { bktParamsFor, bktStep, type BktParams } from "../knowledge/bkt.ts";
import type { Rng } from "../knowledge/tracer.ts";
import { createMemoryCard, reviewDueAt, reviewMemoryCard, type MemoryCard, type MemoryOptions } from "../memory/memory-card.ts";
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
  readonly memory?: MemoryOptions;
  /** After every skill is mastered, keep doing the reviews that fall due for this many days before the course
   *  counts as finished (default 0: finished when every skill is mastered). */
  readonly reviewPeriodDays?: number;
}

const DAY_MS = 86_400_000;

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
  const reviewPeriod = (options.reviewPeriodDays ?? 0) * DAY_MS;
  let completedAt: number | undefined;
  const masteryOf = (id: string): number => mastery[graph.skillIndex.get(id) ?? -1] ?? 0;
  const isMastered = (s: number): boolean => (mastery[s] as number) >= (graph.thresholds[s] as number);

  const finishPlacement = (pKnown: ReadonlyMap<string, number>, now: number): void => {
    graph.skills.forEach((s, i) => {
      // Placement answers are evidence like any other; clamp so one test never makes a skill certain.
      mastery[i] = Math.min(0.97, Math.max(0.01, pKnown.get(s.id) ?? (mastery[i] as number)));
      if (isMastered(i)) {
        cards.set(s.id, createMemoryCard(now, memoryOptions));
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
          if (item) return { kind: "item", item, skills: itemSkills(graph, item), review: false };
        }
        finishPlacement(step.pKnown, now);
      }
      const decision = nextActivity({
        now,
        rng,
        course: graph,
        mastery: masteryOf,
        memory: cards,
        masteredAt,
        recentAttempts: recent,
        seenLessons,
        ...(options.policy ? { options: { ...options.policy, targetRetention } } : { options: { targetRetention } }),
      });
      const activity = decision.activity;
      const allMastered = graph.skills.every((_, s) => isMastered(s) || (graph.itemsBySkill[s]?.length ?? 0) === 0);
      if (allMastered) completedAt ??= now;
      else completedAt = undefined;
      if (completedAt !== undefined && now >= completedAt + reviewPeriod) return { kind: "done" };
      if (activity === null) {
        let nextDue = Infinity;
        for (const card of cards.values()) nextDue = Math.min(nextDue, reviewDueAt(card, memoryOptions));
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
        seenLessons.add(decision.lessonId); // a lesson is no evidence of knowing
        return;
      }
      if (decision.kind !== "item") return;
      if (placement !== undefined) {
        placement = recordPlacementResponse(placement, { itemId: decision.item.id, skillIds: decision.item.skillIds, correct });
        return;
      }
      recent.push({ itemId: decision.item.id, time: now, review: decision.review });
      if (recent.length > 30) recent.shift();
      for (const s of new Set(decision.skills)) {
        const id = graph.skills[s]?.id as string;
        const wasMastered = isMastered(s);
        mastery[s] = bktStep(mastery[s] as number, correct, bktParamsFor(options.bkt, id));
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
      }
    },
    declaredMastered() {
      return Uint8Array.from(mastery, (m, s) => (m >= (graph.thresholds[s] as number) ? 1 : 0));
    },
  };
}
