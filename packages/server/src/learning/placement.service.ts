import { type AnswerResponse, checkAnswer } from "@attune/content";
import type { PlacementView } from "@attune/contract";
import {
  type PlacementState,
  type PlacementStep,
  bktParamsFor,
  createMemoryCard,
  createSeededRng,
  nextPlacementItem,
  placementResult,
  recordPlacementResponse,
  reviewDueAt,
  startPlacement,
} from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { badRequest, notFound } from "../http/errors.ts";
import { bktParamsForCourse } from "./bkt-params.ts";
import type { CourseContent } from "./course-content.ts";
import { courseGraphOf } from "./course-graph.ts";
import { appendToAttemptLog } from "./attempt-log.ts";
import { itemView } from "./item-view.ts";
import { assertLearnerInCourse } from "./learner-access.ts";

export const MAX_PLACEMENT_ITEMS = 25;
type Stop = NonNullable<PlacementView["result"]>["stop"];

async function loadPlacement(deps: Deps, actor: Actor, courseId: string) {
  return deps.db.selectFrom("placements").selectAll().where("learner_id", "=", actor.id).where("course_id", "=", courseId).executeTakeFirst();
}

function viewOf(course: CourseContent, status: "in-progress" | "finished", step: PlacementStep, stop: Stop | null): PlacementView {
  const item = status === "in-progress" && step.item ? course.itemById.get(step.item.itemId) : undefined;
  let result: PlacementView["result"] = null;
  if (status === "finished") {
    // The same rule as the seeded knowledge state: known when P(known) reaches the skill's mastery threshold.
    const known = (id: string) => (step.pKnown.get(id) ?? 0) >= (course.skillById.get(id)?.masteryThreshold ?? course.masteryThreshold);
    result = {
      mastered: course.skills.filter((s) => known(s.id)).map((s) => ({ skillId: s.id, name: s.name })),
      readyToLearn: course.skills
        .filter((s) => !known(s.id) && s.prerequisites.every(known))
        .map((s) => ({ skillId: s.id, name: s.name })),
      stop: stop ?? "confident",
    };
  }
  return { status, itemsAnswered: step.itemsUsed, maxItems: MAX_PLACEMENT_ITEMS, item: item ? itemView(item) : null, result };
}

/**
 * Seeds the knowledge state from a finished placement: each skill the learner has no practice evidence for yet
 * starts at the placement's P(known); a skill placed as known counts as mastered and gets its review schedule.
 */
async function seedKnowledgeState(deps: Deps, actor: Actor, course: CourseContent, pKnown: ReadonlyMap<string, number>) {
  const at = deps.now();
  const existing = await deps.db.selectFrom("learner_skill_states").select("skill_id").where("learner_id", "=", actor.id).where("course_id", "=", course.id).execute();
  const practised = new Set(existing.map((e) => e.skill_id));
  const params = await bktParamsForCourse(deps.db, course);
  const rows = course.skills
    .filter((s) => !practised.has(s.id))
    .map((s) => {
      const p = pKnown.get(s.id) ?? bktParamsFor(params, s.id).prior;
      const mastered = p >= s.masteryThreshold;
      const card = mastered ? createMemoryCard(at.getTime()) : null;
      return {
        learner_id: actor.id,
        course_id: course.id,
        skill_id: s.id,
        school_id: actor.schoolId,
        p_known: p,
        attempts: 0,
        correct: 0,
        hints_used: 0,
        recent: "[]",
        last_practiced_at: null,
        mastered_at: mastered ? at.toISOString() : null,
        memory: card ? JSON.stringify(card) : null,
        review_due_at: card ? new Date(reviewDueAt(card)).toISOString() : null,
        updated_at: at.toISOString(),
      };
    });
  if (rows.length > 0) await deps.db.insertInto("learner_skill_states").values(rows).execute();
}

async function finish(deps: Deps, actor: Actor, course: CourseContent, state: PlacementState, stop: Stop): Promise<PlacementView> {
  const graph = courseGraphOf(course);
  const result = placementResult(graph, state, { maxItems: MAX_PLACEMENT_ITEMS });
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("placements")
      .set({ status: "finished", state: JSON.stringify({ ...state, stop }), updated_at: deps.now().toISOString(), finished_at: deps.now().toISOString() })
      .where("learner_id", "=", actor.id)
      .where("course_id", "=", course.id)
      .execute();
  });
  await seedKnowledgeState(deps, actor, course, result.pKnown);
  return viewOf(course, "finished", { done: true, pKnown: result.pKnown, itemsUsed: result.itemsUsed }, stop);
}

/** Starts the learner's placement in a course, or resumes it where they paused. */
export async function startOrResumePlacement(deps: Deps, actor: Actor, courseId: string): Promise<PlacementView> {
  await assertLearnerInCourse(deps.db, actor, courseId);
  const course = await deps.courses.get(courseId);
  let row = await loadPlacement(deps, actor, courseId);
  if (!row) {
    const now = deps.now().toISOString();
    const state = startPlacement(createSeededRng(crypto.getRandomValues(new Uint32Array(1))[0]!));
    await deps.db
      .insertInto("placements")
      .values({ learner_id: actor.id, course_id: courseId, school_id: actor.schoolId, status: "in-progress", state: JSON.stringify(state), started_at: now, updated_at: now, finished_at: null })
      .onConflict((oc) => oc.columns(["learner_id", "course_id"]).doNothing())
      .execute();
    row = await loadPlacement(deps, actor, courseId);
  }
  const state = JSON.parse(row!.state) as PlacementState & { stop?: Stop };
  const graph = courseGraphOf(course);
  if (row!.status === "finished") {
    const result = placementResult(graph, state, { maxItems: MAX_PLACEMENT_ITEMS });
    return viewOf(course, "finished", { done: true, pKnown: result.pKnown, itemsUsed: result.itemsUsed }, state.stop ?? "confident");
  }
  const step = nextPlacementItem(graph, state, { maxItems: MAX_PLACEMENT_ITEMS });
  if (step.done) return finish(deps, actor, course, state, step.stop ?? "confident");
  return viewOf(course, "in-progress", step, null);
}

/** Answers the current placement question; returns the next one, or the result when the placement is done. */
export async function answerPlacement(deps: Deps, actor: Actor, courseId: string, input: { itemId: string; response: unknown; durationMs?: number }) {
  await assertLearnerInCourse(deps.db, actor, courseId);
  const course = await deps.courses.get(courseId);
  const row = await loadPlacement(deps, actor, courseId);
  if (!row || row.status === "finished") throw notFound("Placement in progress");
  const state = JSON.parse(row.state) as PlacementState;
  const graph = courseGraphOf(course);
  const current = nextPlacementItem(graph, state, { maxItems: MAX_PLACEMENT_ITEMS });
  if (current.done || current.item?.itemId !== input.itemId) {
    throw badRequest("That is not the current placement question.", [{ path: "itemId", message: "answer the current question" }]);
  }
  const item = course.itemById.get(input.itemId);
  if (!item) throw notFound("Item");
  const check = checkAnswer(item, input.response as AnswerResponse);
  const next = recordPlacementResponse(state, { itemId: item.id, skillIds: item.skills, correct: check.correct });
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable("placements").set({ state: JSON.stringify(next), updated_at: at }).where("learner_id", "=", actor.id).where("course_id", "=", courseId).execute();
    await appendToAttemptLog(trx, actor, {
      id: crypto.randomUUID(),
      courseId,
      item,
      response: input.response,
      check,
      result: { correct: check.correct },
      hintsUsed: 0,
      durationMs: input.durationMs,
      context: "placement",
      at,
    });
  });
  const step = nextPlacementItem(graph, next, { maxItems: MAX_PLACEMENT_ITEMS });
  if (step.done) return finish(deps, actor, course, next, step.stop ?? "confident");
  return viewOf(course, "in-progress", step, null);
}

/** The learner stops the placement early: what is known so far seeds the map. */
export async function finishPlacementEarly(deps: Deps, actor: Actor, courseId: string) {
  await assertLearnerInCourse(deps.db, actor, courseId);
  const course = await deps.courses.get(courseId);
  const row = await loadPlacement(deps, actor, courseId);
  if (!row) throw notFound("Placement");
  if (row.status === "finished") return startOrResumePlacement(deps, actor, courseId);
  return finish(deps, actor, course, JSON.parse(row.state) as PlacementState, "learner");
}
