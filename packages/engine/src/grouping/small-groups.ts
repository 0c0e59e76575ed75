/**
 * Small groups for differentiated instruction (issue #7): learners who are ready for the same next skill work on it
 * together with the teacher. Deterministic (no randomness: the same class gives the same groups, whatever the order
 * of the rows), every learner in exactly one group, sizes within [minSize, maxSize] whenever that is possible.
 */
import { ancestorsOf, type CourseGraph } from "../policy/course-graph.ts";
import { listText } from "../analytics/text.ts";
import { masteryProfiles, type Profile } from "./profiles.ts";

/** A learner to place; `frontier` (ready-to-learn skills) is derived from the states when absent. */
export interface GroupingLearner {
  readonly id: string;
  readonly name?: string;
  readonly frontier?: readonly string[];
}

/** A learner's state of a skill (rows of `learner_skill_states`). */
export interface GroupingState {
  readonly learnerId: string;
  readonly skillId: string;
  readonly mastery: number;
  /** Whether the skill counts as mastered; default mastery ≥ the skill's threshold. */
  readonly mastered?: boolean;
  readonly attempts?: number;
}

/** Inputs of {@link suggestSmallGroups}. */
export interface SmallGroupsInput {
  readonly course: CourseGraph;
  readonly learners: readonly GroupingLearner[];
  readonly states: readonly GroupingState[];
  /** Default 3. */
  readonly minSize?: number;
  /** Default 6. */
  readonly maxSize?: number;
  /** Mastery of a skill without a state (default 0). */
  readonly defaultMastery?: (skillId: string) => number;
}

/** The numbers behind a group. */
export interface SmallGroupEvidence {
  readonly size: number;
  /** Members ready for the focus skill (every prerequisite mastered, the skill not yet). */
  readonly ready: number;
  /** Members placed here without being ready: the closest group by mastery that had room. */
  readonly notReadyLearnerIds: readonly string[];
  readonly meanFocusMastery: number | null;
  /** Members who have practised the focus skill and are below 50% mastery of it. */
  readonly struggling: number;
}

/** A suggested group. */
export interface SmallGroup {
  /** The focus skill's name ("Extension" for learners who have mastered everything); numbered when repeated. */
  readonly name: string;
  readonly learnerIds: readonly string[];
  /** Skills to work on together: the focus first, then up to two more every member is ready for. */
  readonly skillIds: readonly string[];
  readonly focusSkillId: string | null;
  /** Why these learners are together, in plain English. */
  readonly reason: string;
  readonly evidence: SmallGroupEvidence;
}

/** The suggestion: groups, and notes explaining anything that could not be done (sizes out of range). */
export interface SmallGroupsResult {
  readonly groups: readonly SmallGroup[];
  readonly notes: readonly string[];
}

interface Draft {
  focus: number | null;
  members: Profile[];
}

const STRUGGLING_BELOW = 0.5;

/** Mean absolute mastery difference between a learner and a group's centroid (0 = the same profile). */
function distance(p: Profile, group: readonly Profile[], skills: number): number {
  if (group.length === 0) return 0;
  let sum = 0;
  for (let s = 0; s < skills; s++) {
    let c = 0;
    for (const m of group) c += m.mastery[s] as number;
    sum += Math.abs((p.mastery[s] as number) - c / group.length);
  }
  return sum / Math.max(skills, 1);
}

/** The number of groups for `n` learners that keeps every size in [min, max] (the fewest), or undefined. */
function feasibleCount(n: number, min: number, max: number): number | undefined {
  for (let k = Math.max(1, Math.ceil(n / max)); k * min <= n; k++) if (Math.ceil(n / k) <= max) return k;
  return undefined;
}

/** Splits sorted learners into k contiguous chunks whose sizes differ by at most one (larger first). */
function chunk<T>(list: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < k; i++) {
    const size = Math.floor(list.length / k) + (i < list.length % k ? 1 : 0);
    out.push(list.slice(at, at + size));
    at += size;
  }
  return out.filter((c) => c.length > 0);
}

/**
 * Suggests small groups. Algorithm (greedy by most-shared frontier skill, then repair; documented choice over
 * k-medoids because a shared next skill is what a teacher can teach to a group, and it needs no randomness):
 * 1. While some skill is in the frontier of at least `minSize` unplaced learners, take the skill most of them share
 *    (ties: earlier in the course) and make groups of its ready learners — split into the fewest groups within the
 *    size range, contiguous by mastery of the skill so levels stay close (or one group of `maxSize` when no split fits).
 * 2. Unplaced learners join a group with room whose focus they are ready for (the smallest).
 * 3. The rest form groups of their own, ordered by where their frontier is in the course; focus: their most shared
 *    frontier skill ("Extension" when they have mastered everything).
 * 4. Repair: a group below `minSize` is dissolved into the other groups with room (ready first, then the closest by
 *    mastery) when they have room for it, else it takes members from groups above `minSize` (ready first, then the
 *    closest). With N learners this reaches every size in range whenever some k has k·min ≤ N ≤ k·max; otherwise a
 *    note explains. `maxSize` is never exceeded.
 * Cost: O(groups · learners · (frontier + skills)); 200 learners × 40 skills take a few milliseconds.
 */
export function suggestSmallGroups(input: SmallGroupsInput): SmallGroupsResult {
  const minSize = input.minSize ?? 3;
  const maxSize = input.maxSize ?? 6;
  if (!(minSize >= 1 && maxSize >= minSize)) throw new Error(`Group sizes must satisfy 1 ≤ minSize ≤ maxSize (got ${minSize} and ${maxSize}).`);
  const { course } = input;
  const n = course.skills.length;
  const profiles = masteryProfiles(input);
  if (profiles.length === 0) return { groups: [], notes: ["No learners to group."] };
  const position = new Map<number, number>();
  course.order.forEach((skill, k) => position.set(skill, k));
  const pos = (skill: number | null) => (skill === null ? Infinity : (position.get(skill) ?? Infinity));

  const drafts: Draft[] = [];
  let unplaced = [...profiles];
  // 1. Seed groups by the most shared frontier skill.
  for (;;) {
    const counts = new Map<number, number>();
    for (const p of unplaced) for (const s of p.frontier) counts.set(s, (counts.get(s) ?? 0) + 1);
    let best: number | undefined;
    for (const [s, c] of counts) {
      if (c < minSize) continue;
      if (best === undefined || c > (counts.get(best) as number) || (c === counts.get(best) && pos(s) < pos(best))) best = s;
    }
    if (best === undefined) break;
    const skill = best;
    const ready = unplaced.filter((p) => p.frontier.has(skill)).sort((a, b) => (a.mastery[skill] as number) - (b.mastery[skill] as number) || a.order - b.order);
    const k = feasibleCount(ready.length, minSize, maxSize);
    const taken = k === undefined ? [ready.slice(0, maxSize)] : chunk(ready, k);
    for (const members of taken) drafts.push({ focus: skill, members });
    const placed = new Set(taken.flat());
    unplaced = unplaced.filter((p) => !placed.has(p));
  }
  // 2. Join a group with room whose focus the learner is ready for.
  const rest: Profile[] = [];
  for (const p of unplaced) {
    const open = drafts.filter((d) => d.focus !== null && d.members.length < maxSize && p.frontier.has(d.focus));
    const target = open.sort((a, b) => a.members.length - b.members.length)[0];
    if (target) target.members.push(p);
    else rest.push(p);
  }
  // 3. Groups of the rest, by where their frontier lies in the course.
  if (rest.length > 0) {
    const first = (p: Profile) => Math.min(...[...p.frontier].map(pos), Infinity);
    rest.sort((a, b) => first(a) - first(b) || a.order - b.order);
    const k = feasibleCount(rest.length, minSize, maxSize) ?? Math.ceil(rest.length / maxSize);
    for (const members of chunk(rest, k)) {
      const counts = new Map<number, number>();
      for (const p of members) for (const s of p.frontier) counts.set(s, (counts.get(s) ?? 0) + 1);
      const focus = [...counts].sort(([a, x], [b, y]) => y - x || pos(a) - pos(b))[0]?.[0] ?? null;
      drafts.push({ focus, members });
    }
  }
  // 4. Repair groups below the minimum.
  const notes: string[] = [];
  const total = profiles.length;
  const fit = (p: Profile, d: Draft) => (d.focus !== null && p.frontier.has(d.focus) ? 0 : 1) * 10 + distance(p, d.members, n);
  for (;;) {
    const small = drafts.filter((d) => d.members.length < minSize).sort((a, b) => a.members.length - b.members.length || drafts.indexOf(b) - drafts.indexOf(a))[0];
    if (small === undefined) break;
    const others = drafts.filter((d) => d !== small);
    if (others.length > 0 && others.length * maxSize >= total) {
      drafts.splice(drafts.indexOf(small), 1);
      for (const p of small.members) {
        const target = others.filter((d) => d.members.length < maxSize).sort((a, b) => fit(p, a) - fit(p, b) || drafts.indexOf(a) - drafts.indexOf(b))[0] as Draft;
        target.members.push(p);
      }
    } else if (total >= drafts.length * minSize) {
      while (small.members.length < minSize) {
        const candidates = others.filter((d) => d.members.length > minSize).flatMap((d) => d.members.map((p) => ({ p, d })));
        const pick = candidates.sort((a, b) => fit(a.p, small) - fit(b.p, small) || a.p.order - b.p.order)[0] as { p: Profile; d: Draft };
        pick.d.members.splice(pick.d.members.indexOf(pick.p), 1);
        small.members.push(pick.p);
      }
    } else {
      notes.push(
        total < minSize
          ? `There are only ${total} learners, fewer than the smallest group size (${minSize}): they form one group.`
          : `${total} learners cannot all be placed in groups of ${minSize} to ${maxSize}: one group has ${small.members.length}.`,
      );
      break;
    }
  }
  return { groups: describeGroups(drafts, course, pos), notes };
}

function describeGroups(drafts: readonly Draft[], course: CourseGraph, pos: (s: number | null) => number): SmallGroup[] {
  const sorted = [...drafts].sort((a, b) => pos(a.focus) - pos(b.focus) || Math.min(...a.members.map((m) => m.order)) - Math.min(...b.members.map((m) => m.order)));
  const name = (s: number) => course.skills[s]?.name ?? "";
  const repeats = new Map<number | null, number>();
  for (const d of sorted) repeats.set(d.focus, (repeats.get(d.focus) ?? 0) + 1);
  const seen = new Map<number | null, number>();
  return sorted.map((d): SmallGroup => {
    const members = [...d.members].sort((a, b) => a.order - b.order);
    const size = members.length;
    const k = (seen.get(d.focus) ?? 0) + 1;
    seen.set(d.focus, k);
    const base = d.focus === null ? "Extension" : name(d.focus);
    const groupName = (repeats.get(d.focus) ?? 0) > 1 ? `${base} (${k})` : base;
    if (d.focus === null) {
      const done = members.filter((m) => m.frontier.size === 0).length;
      return {
        name: groupName,
        learnerIds: members.map((m) => m.id),
        skillIds: [],
        focusSkillId: null,
        reason: `${done === size ? (size === 1 ? "This learner has" : size === 2 ? "Both have" : `All ${size} have`) : `${done} of ${size} have`} mastered every skill of the course: an extension group for projects, reviews or helping others.`,
        evidence: { size, ready: 0, notReadyLearnerIds: [], meanFocusMastery: null, struggling: 0 },
      };
    }
    const focus = d.focus;
    const ready = members.filter((m) => m.frontier.has(focus));
    const notReady = members.filter((m) => !m.frontier.has(focus));
    const also = course.order.filter((s) => s !== focus && members.every((m) => m.frontier.has(s))).slice(0, 2);
    const struggling = members.filter((m) => (m.attempts[focus] as number) > 0 && !m.mastered[focus] && (m.mastery[focus] as number) < STRUGGLING_BELOW).length;
    const meanFocusMastery = members.reduce((s, m) => s + (m.mastery[focus] as number), 0) / size;
    const sentences: string[] = [];
    const all = size === 1 ? "This learner is" : size === 2 ? "Both are" : `All ${size} are`;
    sentences.push(`${ready.length === size ? all : `${ready.length} of ${size} ${ready.length === 1 ? "is" : "are"}`} ready for ${name(focus)}.`);
    if (also.length > 0) sentences.push(`${size === 1 ? "This learner is" : size === 2 ? "Both are" : "All of them are"} also ready for ${listText(also.map(name))}.`);
    if (notReady.length > 0) {
      // Say why each member who is not ready is here, members with the same reason together.
      const why = new Map<string, string[]>();
      for (const m of notReady) {
        const gap = ancestorsOf(course, focus).filter((a) => !m.mastered[a]).sort((a, b) => pos(a) - pos(b))[0];
        const key = m.mastered[focus] ? "mastered" : gap === undefined ? "closest" : `needs:${gap}`;
        why.set(key, [...(why.get(key) ?? []), m.name]);
      }
      const parts = [...why].map(([key, names]) => {
        const one = names.length === 1;
        if (key === "mastered") return `${listText(names)} ${one ? "has" : "have"} mastered it already and can lead a worked example`;
        if (key === "closest") return `${listText(names)} ${one ? "is" : "are"} not ready for it yet`;
        return `${listText(names)} ${one ? "needs" : "need"} ${name(Number(key.slice(6)))} first`;
      });
      sentences.push(`${parts.join("; ")}; placed here as the closest match by mastery.`);
    }
    if (struggling >= 2 && struggling * 2 >= size) sentences.push(`${struggling} of ${size} have started it and are below ${Math.round(STRUGGLING_BELOW * 100)}% mastery: start with a worked example.`);
    return {
      name: groupName,
      learnerIds: members.map((m) => m.id),
      skillIds: [course.skills[focus]?.id as string, ...also.map((s) => course.skills[s]?.id as string)],
      focusSkillId: course.skills[focus]?.id as string,
      reason: sentences.join(" "),
      evidence: { size, ready: ready.length, notReadyLearnerIds: notReady.map((m) => m.id), meanFocusMastery, struggling },
    };
  });
}
