import type { Rng } from "../knowledge/tracer.ts";
import type { CourseGraph, ItemInfo } from "../policy/course-graph.ts";
import { knowsSkill, type SyntheticLearner } from "./synthetic-learner.ts";

/** What a simulated policy asks the learner to do next. */
export type SimDecision =
  | {
      readonly kind: "item";
      readonly item: ItemInfo;
      readonly skills: readonly number[];
      readonly review: boolean;
      /** The skill the item is meant to practise, review or test. */
      readonly target?: number;
      /** True for a placement question. */
      readonly placement?: boolean;
    }
  | { readonly kind: "lesson"; readonly skills: readonly number[]; readonly minutes: number; readonly lessonId: string }
  | { readonly kind: "wait"; readonly until: number }
  | { readonly kind: "done" };

/** A teaching policy as the simulator drives it: one instance per learner, mutable inside the simulation. */
export interface SimPolicy {
  decide(now: number): SimDecision;
  observe(decision: SimDecision, correct: boolean, now: number): void;
  /** Skills the policy declares mastered at `now`. */
  declaredMastered(now: number): Uint8Array;
}

/** Maps an item's skill ids to skill indices. */
export function itemSkills(graph: CourseGraph, item: ItemInfo): number[] {
  return item.skillIds.map((s) => graph.skillIndex.get(s)).filter((i): i is number => i !== undefined);
}

/**
 * Items of a skill for a course-order policy: those whose other skills all come earlier in the order (so a linear
 * course never shows an item that needs a later skill); all of the skill's items if none qualify.
 */
function itemsInOrder(graph: CourseGraph, skill: number): readonly ItemInfo[] {
  const position = new Map<number, number>();
  graph.order.forEach((s, k) => position.set(s, k));
  const own = position.get(skill) ?? 0;
  const items = graph.itemsBySkill[skill] ?? [];
  const fitting = items.filter((item) => itemSkills(graph, item).every((s) => (position.get(s) ?? 0) <= own));
  return fitting.length > 0 ? fitting : items;
}

/** Cycles through a skill's items from a random start, so repeats come as late as possible. */
class ItemCycle {
  private readonly cursors = new Map<number, number>();
  private readonly pools = new Map<number, readonly ItemInfo[]>();
  constructor(
    private readonly graph: CourseGraph,
    private readonly rng: Rng,
  ) {}
  next(skill: number): ItemInfo | undefined {
    let pool = this.pools.get(skill);
    if (pool === undefined) {
      pool = itemsInOrder(this.graph, skill);
      this.pools.set(skill, pool);
    }
    if (pool.length === 0) return undefined;
    const k = this.cursors.get(skill) ?? Math.floor(this.rng() * pool.length);
    this.cursors.set(skill, k + 1);
    return pool[k % pool.length];
  }
}

/** Every policy shows a skill's lessons once, before its first practice (all policies get the same teaching). */
class LessonQueue {
  private readonly seen = new Set<string>();
  constructor(private readonly graph: CourseGraph) {}
  next(skill: number): SimDecision | undefined {
    for (const lesson of this.graph.lessonsBySkill[skill] ?? []) {
      if (this.seen.has(lesson.id)) continue;
      this.seen.add(lesson.id);
      return { kind: "lesson", lessonId: lesson.id, minutes: lesson.minutes, skills: itemSkills(this.graph, { id: lesson.id, skillIds: lesson.skillIds }) };
    }
    return undefined;
  }
}

/** Shared shape of the two course-order baselines: the current skill advances when `passed` says so. */
function courseOrderPolicy(graph: CourseGraph, rng: Rng, passed: (correctInRow: number, attempts: number) => boolean): SimPolicy {
  const order = graph.order.filter((s) => (graph.itemsBySkill[s]?.length ?? 0) > 0);
  const declared = new Uint8Array(graph.skills.length);
  const items = new ItemCycle(graph, rng);
  const lessons = new LessonQueue(graph);
  let position = 0;
  let streak = 0;
  let attempts = 0;
  return {
    decide() {
      const skill = order[position];
      if (skill === undefined) return { kind: "done" };
      const lesson = lessons.next(skill);
      if (lesson) return lesson;
      const item = items.next(skill) as ItemInfo;
      return { kind: "item", item, skills: itemSkills(graph, item), review: false, target: skill };
    },
    observe(decision, correct) {
      if (decision.kind !== "item") return;
      attempts++;
      streak = correct ? streak + 1 : 0;
      if (passed(streak, attempts)) {
        declared[order[position] as number] = 1;
        position++;
        streak = 0;
        attempts = 0;
      }
    },
    declaredMastered: () => declared,
  };
}

/** Course order; a skill is passed after three correct answers in a row ("3-CCR", as in ASSISTments skill builders). */
export function createLinearCcrPolicy(graph: CourseGraph, rng: Rng, inARow = 3): SimPolicy {
  return courseOrderPolicy(graph, rng, (streak) => streak >= inARow);
}

/** Course order; a fixed number of items per skill, then the skill is declared done. */
export function createFixedCountPolicy(graph: CourseGraph, rng: Rng, perSkill = 5): SimPolicy {
  return courseOrderPolicy(graph, rng, (_streak, attempts) => attempts >= perSkill);
}

/**
 * The oracle sees the learner's true state: it practises the first skill (in course order) the learner does not
 * know whose prerequisites they know, declares exactly the known skills mastered, and stops when all are known.
 * It needs no evidence, so its attempts are a lower bound for any policy that must infer the state.
 */
export function createOraclePolicy(graph: CourseGraph, learner: SyntheticLearner, rng: Rng, truthRng: Rng): SimPolicy {
  const items = new ItemCycle(graph, rng);
  const lessons = new LessonQueue(graph);
  const order = graph.order.filter((s) => (graph.itemsBySkill[s]?.length ?? 0) > 0);
  return {
    decide(now) {
      let target: number | undefined;
      let fallback: number | undefined;
      for (const s of order) {
        if (knowsSkill(learner, s, now, truthRng)) continue;
        fallback ??= s;
        if ((graph.prerequisites[s] ?? []).every((p) => knowsSkill(learner, p, now, truthRng))) {
          target = s;
          break;
        }
      }
      const skill = target ?? fallback;
      if (skill === undefined) return { kind: "done" };
      const lesson = lessons.next(skill);
      if (lesson) return lesson;
      const item = items.next(skill) as ItemInfo;
      return { kind: "item", item, skills: itemSkills(graph, item), review: false, target: skill };
    },
    observe() {},
    declaredMastered(now) {
      return Uint8Array.from(graph.skills, (_, s) => (knowsSkill(learner, s, now, truthRng) ? 1 : 0));
    },
  };
}
