import { type BktParams, type BktSkillParams, loadTracer } from "@attune/engine";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { CourseContent } from "./course-content.ts";

/**
 * Priors for a skill nobody has fitted yet: a learner probably does not know it (0.2), learns it with some
 * practice (0.2 per attempt), guesses a typed answer rarely (0.15) and slips sometimes (0.1). With these, three
 * or four right answers in a row take a new skill past the 0.95 mastery threshold.
 */
export const DEFAULT_BKT: BktSkillParams = { prior: 0.2, learn: 0.2, guess: 0.15, slip: 0.1, forget: 0 };

/**
 * The BKT parameters the answer loop uses for a course: fitted ones (`attune model fit`) when stored, else the
 * course's own per-skill priors (e.g. OATutor's), else the defaults.
 */
export async function bktParamsForCourse(db: Kysely<Database>, course: CourseContent): Promise<BktParams> {
  const cached = cache.get(course);
  if (cached && cached.until > Date.now()) return cached.params;
  const params = await loadBktParams(db, course);
  cache.set(course, { params, until: Date.now() + PARAMS_TTL_MS });
  return params;
}

// Fitted parameters change only when an operator runs `attune model fit` (another process): a minute's delay
// before the server picks them up is fine, a query on every answer is not.
const PARAMS_TTL_MS = 60_000;
const cache = new WeakMap<CourseContent, { params: BktParams; until: number }>();

async function loadBktParams(db: Kysely<Database>, course: CourseContent): Promise<BktParams> {
  const fitted = await db
    .selectFrom("fitted_models")
    .select("params")
    .where("course_id", "=", course.id)
    .where("model", "in", ["bkt", "bkt-forget"])
    .orderBy("fitted_at", "desc")
    .executeTakeFirst();
  if (fitted) {
    const serialized = JSON.parse(fitted.params) as { model: string; params: BktParams };
    loadTracer(serialized as never); // validates the version before we trust the numbers
    return serialized.params;
  }
  const skills: Record<string, BktSkillParams> = {};
  for (const skill of course.skills) {
    if (skill.bkt) skills[skill.id] = { ...skill.bkt, forget: 0 };
  }
  return { forgetting: false, skills, fallback: DEFAULT_BKT };
}
