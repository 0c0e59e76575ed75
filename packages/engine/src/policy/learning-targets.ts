import type { CourseGraph } from "./course-graph.ts";

/** A teacher's assignment: skills, a lesson or specific items, with an optional due date. */
export interface Assignment {
  readonly id?: string;
  readonly skillIds?: readonly string[];
  readonly lessonId?: string;
  readonly itemIds?: readonly string[];
  readonly dueAt?: number;
  readonly assignedBy?: string;
}

/** A goal of the learner's plan, as the policy needs it. */
export interface GoalRef {
  readonly id?: string;
  readonly skillIds: readonly string[];
  readonly targetDate?: number;
}

/** Why a skill is a target: assigned or a plan goal, directly or as a prerequisite on the way to one. */
export interface TargetMark {
  readonly kind: "assignment" | "goal";
  /** The skill the assignment or goal names (this skill itself when direct). */
  readonly target: number;
  readonly direct: boolean;
  readonly dueAt?: number;
  readonly assignedBy?: string;
  readonly goalId?: string;
}

const DAY_MS = 86_400_000;

/**
 * Marks the skills a learner can practise now because of assignments and goals. A named skill that is not yet
 * practisable (prerequisites unmastered) passes its mark to the practisable, unmastered skills below it, so the
 * learner works towards it without ever practising a skill whose prerequisites are unmastered. The earliest due
 * date wins when several marks reach one skill.
 */
export function markTargets(
  graph: CourseGraph,
  mastered: Uint8Array,
  practisable: Uint8Array,
  assignments: readonly Assignment[],
  goals: readonly GoalRef[],
): Map<number, TargetMark> {
  const marks = new Map<number, TargetMark>();
  const put = (skill: number, mark: TargetMark): void => {
    const old = marks.get(skill);
    const better =
      old === undefined ||
      (old.kind === "goal" && mark.kind === "assignment") ||
      (old.kind === mark.kind && (mark.dueAt ?? Infinity) < (old.dueAt ?? Infinity)) ||
      (old.kind === mark.kind && !old.direct && mark.direct && (mark.dueAt ?? Infinity) === (old.dueAt ?? Infinity));
    if (better) marks.set(skill, mark);
  };
  const spread = (target: number, base: Omit<TargetMark, "target" | "direct">): void => {
    if (mastered[target]) return;
    if (practisable[target]) {
      put(target, { ...base, target, direct: true });
      return;
    }
    // Walk down through unmastered prerequisites to the practisable ones.
    const seen = new Set<number>([target]);
    const stack = [target];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      for (const p of graph.prerequisites[s] ?? []) {
        if (seen.has(p) || mastered[p]) continue;
        seen.add(p);
        if (practisable[p]) put(p, { ...base, target, direct: false });
        else stack.push(p);
      }
    }
  };
  for (const a of assignments) {
    const base = { kind: "assignment" as const, ...(a.dueAt === undefined ? {} : { dueAt: a.dueAt }), ...(a.assignedBy === undefined ? {} : { assignedBy: a.assignedBy }) };
    const skillIds = new Set(a.skillIds ?? []);
    for (const itemId of a.itemIds ?? []) for (const s of graph.items.get(itemId)?.skillIds ?? []) skillIds.add(s);
    if (a.lessonId !== undefined) for (const s of graph.lessons.get(a.lessonId)?.skillIds ?? []) skillIds.add(s);
    for (const id of skillIds) {
      const i = graph.skillIndex.get(id);
      if (i !== undefined) spread(i, base);
    }
  }
  for (const g of goals) {
    const base = { kind: "goal" as const, ...(g.targetDate === undefined ? {} : { dueAt: g.targetDate }), ...(g.id === undefined ? {} : { goalId: g.id }) };
    for (const id of g.skillIds) {
      const i = graph.skillIndex.get(id);
      if (i !== undefined) spread(i, base);
    }
  }
  return marks;
}

/**
 * The priority a target adds to a skill's score: an assignment 2 (+1.5 as its due date nears within a week,
 * overdue counts as due now), a goal 0.8 (+0.5 as its date nears within four weeks); a prerequisite on the way
 * to a target gets 80% of it.
 */
export function targetBonus(mark: TargetMark, now: number): number {
  const base = mark.kind === "assignment" ? 2 : 0.8;
  const horizon = mark.kind === "assignment" ? 7 * DAY_MS : 28 * DAY_MS;
  const urgency = mark.dueAt === undefined ? 0 : Math.min(1, Math.max(0, 1 - (mark.dueAt - now) / horizon));
  const bonus = base + (mark.kind === "assignment" ? 1.5 : 0.5) * urgency;
  return mark.direct ? bonus : 0.8 * bonus;
}
