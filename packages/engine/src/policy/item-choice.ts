import type { Rng } from "../knowledge/tracer.ts";
import type { ItemInfo, LessonInfo } from "./course-graph.ts";

/** The zone of proximal development as a band of predicted success (default 0.6–0.85). */
export interface Zone {
  readonly low: number;
  readonly high: number;
}

/** The default zone: items a learner answers right 60–85% of the time (Vygotsky's ZPD operationalised as in
 *  Metcalfe & Kornell 2005 "region of proximal learning" and the "85% rule", Wilson et al. 2019). */
export const DEFAULT_ZONE: Zone = { low: 0.6, high: 0.85 };

/**
 * How well a predicted success rate fits the zone: 1 inside it, falling off as a Gaussian of the distance outside
 * (width 0.15), never below 0.25 so a skill whose items are all too hard or too easy stays possible.
 */
export function zoneFit(p: number, zone: Zone): number {
  const d = p < zone.low ? zone.low - p : p > zone.high ? p - zone.high : 0;
  return Math.max(0.25, Math.exp(-((d / 0.15) ** 2)));
}

/** BKT's P(correct) from P(known) (Corbett & Anderson 1995, eq. 5) with generic guess and slip. */
export function predictFromMastery(mastery: number, guess = 0.2, slip = 0.1): number {
  return mastery * (1 - slip) + (1 - mastery) * guess;
}

/**
 * P(correct) of an item when the caller supplies no predictor: the skill-level prediction shifted by the item's
 * prior difficulty on the logit scale (a Rasch-style adjustment, half weight because the prior is an author's guess).
 */
export function predictItemDefault(skillPrediction: number, item: ItemInfo): number {
  if (item.difficulty === undefined) return skillPrediction;
  const p = Math.min(Math.max(skillPrediction, 1e-6), 1 - 1e-6);
  return 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) - 0.5 * item.difficulty)));
}

/** What item selection needs to know about the learner. */
export interface ItemChoiceContext {
  readonly zone: Zone;
  readonly rng: Rng;
  /** Last time each item was attempted. */
  readonly lastSeen: ReadonlyMap<string, number>;
  /** Items attempted after this time are too recent to repeat. */
  readonly repeatAfter: number;
  readonly interests: ReadonlySet<string>;
  readonly preferredMedia: ReadonlySet<string>;
  /** False when one of an item's other skills has unmastered prerequisites (such items are skipped). */
  readonly usable: (item: ItemInfo) => boolean;
  readonly predict: (item: ItemInfo) => number;
}

/** The item chosen for a skill, with what made it fit. */
export interface ItemChoice {
  readonly item: ItemInfo;
  readonly predictedSuccess: number;
  readonly interest?: string;
  readonly media?: string;
}

/** At most this many items of a skill are examined per decision (a window at a random offset), to bound the cost. */
export const ITEMS_EXAMINED = 24;

/**
 * Picks the item of a skill that best fits the zone, preferring the learner's interests and media, never one seen
 * within the repeat window unless every item was (then the least recently seen).
 */
export function chooseItem(items: readonly ItemInfo[], ctx: ItemChoiceContext): ItemChoice | undefined {
  if (items.length === 0) return undefined;
  const start = Math.floor(ctx.rng() * items.length);
  const count = Math.min(items.length, ITEMS_EXAMINED);
  let best: ItemChoice | undefined;
  let bestScore = -Infinity;
  let oldest: ItemInfo | undefined;
  let oldestTime = Infinity;
  for (let k = 0; k < count; k++) {
    const item = items[(start + k) % items.length] as ItemInfo;
    if (!ctx.usable(item)) continue;
    const seen = ctx.lastSeen.get(item.id);
    if (seen !== undefined && seen > ctx.repeatAfter) {
      if (seen < oldestTime) {
        oldestTime = seen;
        oldest = item;
      }
      continue;
    }
    const p = ctx.predict(item);
    const interest = item.tags?.find((t) => ctx.interests.has(t));
    const media = item.media?.find((m) => ctx.preferredMedia.has(m));
    const score = zoneFit(p, ctx.zone) + (interest ? 0.1 : 0) + (media ? 0.05 : 0) + (seen === undefined ? 0.02 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = { item, predictedSuccess: p, ...(interest ? { interest } : {}), ...(media ? { media } : {}) };
    }
  }
  if (best === undefined && oldest !== undefined) best = { item: oldest, predictedSuccess: ctx.predict(oldest) };
  return best;
}

/** The unseen lesson of a skill to show before practising it, and the variant matching the learner's media. */
export function chooseLesson(
  lessons: readonly LessonInfo[],
  seen: ReadonlySet<string>,
  preferredMedia: ReadonlySet<string>,
): { lesson: LessonInfo; media?: string } | undefined {
  let fallback: LessonInfo | undefined;
  for (const lesson of lessons) {
    if (seen.has(lesson.id)) continue;
    const media = lesson.media.find((m) => preferredMedia.has(m));
    if (media) return { lesson, media };
    fallback ??= lesson;
  }
  return fallback === undefined ? undefined : { lesson: fallback };
}
