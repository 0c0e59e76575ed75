import type { CourseGraph } from "../policy/course-graph.ts";
import type { GroupingLearner, GroupingState } from "./small-groups.ts";

/** A learner as the grouping sees them: mastery per skill index and the ready-to-learn (frontier) skills. */
export interface Profile {
  readonly id: string;
  readonly name: string;
  /** Position after sorting by id: the tie-break that makes results independent of the input order. */
  readonly order: number;
  readonly mastery: Float64Array;
  readonly mastered: Uint8Array;
  readonly attempts: Int32Array;
  readonly frontier: ReadonlySet<number>;
}

/**
 * Frontier skills of a learner: not mastered, every prerequisite mastered (the policy's practice candidates), as
 * skill indices in course order.
 */
export function frontierOf(course: CourseGraph, mastered: Uint8Array): number[] {
  const out: number[] = [];
  for (const s of course.order) if (!mastered[s] && (course.prerequisites[s] ?? []).every((p) => mastered[p])) out.push(s);
  return out;
}

/** Mastery profiles of the learners (sorted by id; each id once), from their states and the course. */
export function masteryProfiles(input: { readonly course: CourseGraph; readonly learners: readonly GroupingLearner[]; readonly states: readonly GroupingState[]; readonly defaultMastery?: (skillId: string) => number }): Profile[] {
  const { course } = input;
  const n = course.skills.length;
  const byLearner = new Map<string, GroupingState[]>();
  for (const s of input.states) {
    let list = byLearner.get(s.learnerId);
    if (list === undefined) byLearner.set(s.learnerId, (list = []));
    list.push(s);
  }
  const unique = new Map<string, GroupingLearner>();
  for (const l of input.learners) if (!unique.has(l.id)) unique.set(l.id, l);
  const learners = [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return learners.map((l, order) => {
    const mastery = new Float64Array(n);
    const mastered = new Uint8Array(n);
    const attempts = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      const m = input.defaultMastery?.(course.skills[s]?.id as string) ?? 0;
      mastery[s] = m;
      mastered[s] = m >= (course.thresholds[s] as number) ? 1 : 0;
    }
    for (const st of byLearner.get(l.id) ?? []) {
      const s = course.skillIndex.get(st.skillId);
      if (s === undefined) continue;
      mastery[s] = st.mastery;
      mastered[s] = (st.mastered ?? st.mastery >= (course.thresholds[s] as number)) ? 1 : 0;
      attempts[s] = st.attempts ?? 0;
    }
    const given = l.frontier?.map((id) => course.skillIndex.get(id)).filter((s): s is number => s !== undefined);
    return { id: l.id, name: l.name ?? l.id, order, mastery, mastered, attempts, frontier: new Set(given ?? frontierOf(course, mastered)) };
  });
}
