import { type LearnerHistory, type Observation, createSeededRng, fitTracer } from "@attune/engine";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export type ModelFitSummary = { courseId: string; model: string; attempts: number; learners: number; seconds: number };

/** Every learner's attempts at a course, in time order: the evidence a model is fitted on. */
export async function courseHistories(db: Kysely<Database>, courseId: string): Promise<LearnerHistory[]> {
  const rows = await db
    .selectFrom("attempts")
    .select(["learner_id", "item_id", "skill_ids", "correct", "hints_used", "answered_at"])
    .where("course_id", "=", courseId)
    .where("context", "!=", "placement")
    .orderBy("learner_id")
    .orderBy("answered_at")
    .orderBy("id")
    .execute();
  const histories = new Map<string, Observation[]>();
  for (const row of rows) {
    const observations = histories.get(row.learner_id) ?? [];
    observations.push({
      itemId: row.item_id,
      skillIds: JSON.parse(row.skill_ids) as string[],
      correct: row.correct === 1,
      time: Date.parse(row.answered_at),
      hintsUsed: row.hints_used,
    });
    histories.set(row.learner_id, observations);
  }
  return [...histories].map(([learnerId, observations]) => ({ learnerId, observations }));
}

/**
 * Fits a knowledge tracing model on a course's attempt log and stores its parameters (versioned JSON) for the
 * server to use in place of the course's priors. Deterministic for a seed.
 */
export async function fitCourseModel(
  db: Kysely<Database>,
  courseId: string,
  model: string,
  now: Date,
  seed = 42,
  onProgress: (message: string) => void = () => {},
): Promise<ModelFitSummary> {
  const course = await db.selectFrom("courses").select("id").where("id", "=", courseId).executeTakeFirst();
  if (!course) throw new Error(`No course "${courseId}" in the database.`);
  const histories = await courseHistories(db, courseId);
  const attempts = histories.reduce((n, h) => n + h.observations.length, 0);
  if (attempts === 0) throw new Error(`Course "${courseId}" has no attempts yet: nothing to fit.`);
  onProgress(`fitting ${model} on ${attempts} attempts of ${histories.length} learners...`);
  const started = performance.now();
  const tracer = fitTracer(model, histories, { rng: createSeededRng(seed) });
  const seconds = (performance.now() - started) / 1000;
  const row = {
    course_id: courseId,
    model,
    params: JSON.stringify(tracer.serialize(now.toISOString())),
    attempts_used: attempts,
    learners_used: histories.length,
    fitted_at: now.toISOString(),
  };
  await db
    .insertInto("fitted_models")
    .values(row)
    .onConflict((oc) => oc.columns(["course_id", "model"]).doUpdateSet({ params: row.params, attempts_used: attempts, learners_used: histories.length, fitted_at: row.fitted_at }))
    .execute();
  return { courseId, model, attempts, learners: histories.length, seconds };
}
