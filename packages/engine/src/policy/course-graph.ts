/**
 * The course as the policy sees it: plain data in (skills, items, lessons), and an index built once per course so a
 * decision for a learner touches each skill a constant number of times (the 500-skill, ≤ 1 ms target).
 */

/** A skill and its prerequisite edges. */
export interface SkillNode {
  readonly id: string;
  readonly name: string;
  readonly prerequisites: readonly string[];
  /** P(known) at or above which the skill counts as mastered (default: the course's, else 0.95). */
  readonly masteryThreshold?: number;
  readonly tags?: readonly string[];
}

/** An item (question) the policy may pick. */
export interface ItemInfo {
  readonly id: string;
  readonly skillIds: readonly string[];
  /** Prior difficulty on the logit scale (about −3 easy … 3 hard), when the course gives one. */
  readonly difficulty?: number;
  /** Topics for matching a learner's interests (item tags, template contexts). */
  readonly tags?: readonly string[];
  /** Media the item uses ("image", "audio", …); empty or absent for text-only items. */
  readonly media?: readonly string[];
}

/** A lesson (microlearning unit) and the media types of its variants. */
export interface LessonInfo {
  readonly id: string;
  readonly title?: string;
  readonly skillIds: readonly string[];
  readonly minutes: number;
  /** Variant types offered: "text", "worked-example", "video", "audio", "interactive". */
  readonly media: readonly string[];
  readonly tags?: readonly string[];
}

/** A named group of skills (a unit), used by plans. */
export interface UnitInfo {
  readonly id: string;
  readonly title: string;
  readonly skillIds: readonly string[];
}

/** The plain course data the index is built from. */
export interface CourseGraphInput {
  readonly skills: readonly SkillNode[];
  readonly items: readonly ItemInfo[];
  readonly lessons?: readonly LessonInfo[];
  readonly units?: readonly UnitInfo[];
  /** The course's mastery threshold (default 0.95). */
  readonly masteryThreshold?: number;
}

/** Index of a course for fast decisions; build it once with {@link buildCourseGraph} and reuse it for every learner. */
export interface CourseGraph {
  readonly skills: readonly SkillNode[];
  readonly skillIndex: ReadonlyMap<string, number>;
  /** prerequisites[i]: indices of skill i's prerequisites (unknown ids are dropped). */
  readonly prerequisites: readonly (readonly number[])[];
  /** dependents[i]: indices of the skills that list skill i as a prerequisite. */
  readonly dependents: readonly (readonly number[])[];
  readonly thresholds: Float64Array;
  /** Skill indices in a topological order (prerequisites first; ties keep the course's order). */
  readonly order: readonly number[];
  /** Longest prerequisite chain below each skill (0 for skills without prerequisites). */
  readonly depth: Int32Array;
  readonly itemsBySkill: readonly (readonly ItemInfo[])[];
  readonly lessonsBySkill: readonly (readonly LessonInfo[])[];
  readonly items: ReadonlyMap<string, ItemInfo>;
  readonly lessons: ReadonlyMap<string, LessonInfo>;
  readonly units: readonly UnitInfo[];
}

/** The default mastery threshold: P(known) ≥ 0.95 (Corbett & Anderson 1995 used 0.95 for the cognitive tutors). */
export const DEFAULT_MASTERY_THRESHOLD = 0.95;

/**
 * Builds the index of a course: id → index, prerequisite and dependent lists, a topological order (Kahn's algorithm,
 * stable in the course's order), depths, items and lessons per skill. Throws on a prerequisite cycle.
 */
export function buildCourseGraph(input: CourseGraphInput): CourseGraph {
  const skills = input.skills;
  const n = skills.length;
  const skillIndex = new Map<string, number>();
  skills.forEach((s, i) => skillIndex.set(s.id, i));
  const prerequisites: number[][] = skills.map((s) => s.prerequisites.map((p) => skillIndex.get(p)).filter((i): i is number => i !== undefined));
  const dependents: number[][] = skills.map(() => []);
  prerequisites.forEach((pre, i) => pre.forEach((p) => dependents[p]?.push(i)));
  const courseThreshold = input.masteryThreshold ?? DEFAULT_MASTERY_THRESHOLD;
  const thresholds = Float64Array.from(skills, (s) => s.masteryThreshold ?? courseThreshold);

  // Kahn's algorithm, always taking the earliest-listed ready skill, so course order is kept where the graph allows.
  const indegree = prerequisites.map((p) => p.length);
  const order: number[] = [];
  const depth = new Int32Array(n);
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) ready.push(i);
  while (ready.length > 0) {
    ready.sort((a, b) => b - a);
    const i = ready.pop() as number;
    order.push(i);
    for (const d of dependents[i] ?? []) {
      depth[d] = Math.max(depth[d] ?? 0, (depth[i] ?? 0) + 1);
      indegree[d] = (indegree[d] ?? 0) - 1;
      if (indegree[d] === 0) ready.push(d);
    }
  }
  if (order.length !== n) throw new Error("The prerequisite graph has a cycle.");

  const itemsBySkill: ItemInfo[][] = skills.map(() => []);
  const items = new Map<string, ItemInfo>();
  for (const item of input.items) {
    items.set(item.id, item);
    for (const s of new Set(item.skillIds)) {
      const i = skillIndex.get(s);
      if (i !== undefined) itemsBySkill[i]?.push(item);
    }
  }
  const lessonsBySkill: LessonInfo[][] = skills.map(() => []);
  const lessons = new Map<string, LessonInfo>();
  for (const lesson of input.lessons ?? []) {
    lessons.set(lesson.id, lesson);
    for (const s of new Set(lesson.skillIds)) {
      const i = skillIndex.get(s);
      if (i !== undefined) lessonsBySkill[i]?.push(lesson);
    }
  }
  return { skills, skillIndex, prerequisites, dependents, thresholds, order, depth, itemsBySkill, lessonsBySkill, items, lessons, units: input.units ?? [] };
}

/** Indices of every skill `skill` depends on, directly or transitively (its ancestors), nearest first. */
export function ancestorsOf(graph: CourseGraph, skill: number): number[] {
  const seen = new Set<number>();
  const queue = [...(graph.prerequisites[skill] ?? [])];
  for (let k = 0; k < queue.length; k++) {
    const p = queue[k] as number;
    if (seen.has(p)) continue;
    seen.add(p);
    queue.push(...(graph.prerequisites[p] ?? []));
  }
  return [...seen];
}
