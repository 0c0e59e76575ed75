import { bktParamsFor, createMemoryCard, reviewDueAt } from "@attune/engine";
import type { Kysely } from "kysely";
import type { Database, LearnerSkillStatesTable } from "../db/schema.ts";
import type { Actor, Deps } from "../http/app-env.ts";
import { badRequest, conflict, notFound } from "../http/errors.ts";
import { bktParamsForCourse } from "../learning/bkt-params.ts";
import { recordAudit } from "../services/audit.service.ts";
import { learnerOfTaughtClass } from "./teaching-access.ts";

type Override = {
  id: string;
  skill: { id: string; name: string };
  action: "mark-mastered" | "reset";
  reason: string;
  by: { id: string; name: string };
  createdAt: string;
  undoneAt: string | null;
};

/** A learner's overrides in a course, newest first: the evidence a teacher added by hand, with its reason. */
export async function learnerOverrides(deps: Deps, learnerId: string, courseId: string): Promise<Override[]> {
  const course = await deps.courses.get(courseId);
  const rows = await deps.db
    .selectFrom("mastery_overrides as o")
    .innerJoin("users as u", "u.id", "o.created_by")
    .select(["o.id", "o.skill_id", "o.action", "o.reason", "o.created_at", "o.undone_at", "u.id as by_id", "u.name as by_name"])
    .where("o.learner_id", "=", learnerId)
    .where("o.course_id", "=", courseId)
    .orderBy("o.created_at", "desc")
    .orderBy("o.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    skill: { id: r.skill_id, name: course.skillById.get(r.skill_id)?.name ?? r.skill_id },
    action: r.action as Override["action"],
    reason: r.reason,
    by: { id: r.by_id, name: r.by_name },
    createdAt: r.created_at,
    undoneAt: r.undone_at,
  }));
}

async function stateRow(db: Kysely<Database>, learnerId: string, courseId: string, skillId: string) {
  return db
    .selectFrom("learner_skill_states")
    .selectAll()
    .where("learner_id", "=", learnerId)
    .where("course_id", "=", courseId)
    .where("skill_id", "=", skillId)
    .executeTakeFirst();
}

/**
 * A teacher marks a skill mastered (seen in class, say) or resets it (mastery that was guessed). The change goes
 * into the learner's knowledge state the engine reads, and the override itself — with the state before, the reason
 * and who — stays in the log, so it can be explained and undone; it is never a silent edit.
 */
export async function createOverride(
  deps: Deps,
  actor: Actor,
  classId: string,
  learnerId: string,
  input: { skillId: string; action: "mark-mastered" | "reset"; reason: string },
): Promise<Override> {
  const { cls, learner } = await learnerOfTaughtClass(deps.db, actor, classId, learnerId);
  if (!cls.course_id) throw badRequest("This class follows no course.");
  const course = await deps.courses.get(cls.course_id);
  const skill = course.skillById.get(input.skillId);
  if (!skill) throw badRequest(`No skill "${input.skillId}" in ${course.title}.`, [{ path: "skillId", message: "not a skill of the class's course" }]);
  const params = await bktParamsForCourse(deps.db, course);
  const now = deps.now();
  const at = now.toISOString();
  const id = crypto.randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const before = await stateRow(trx, learnerId, course.id, skill.id);
    const base: LearnerSkillStatesTable = before ?? {
      learner_id: learnerId,
      course_id: course.id,
      skill_id: skill.id,
      school_id: learner.school_id,
      p_known: bktParamsFor(params, skill.id).prior,
      attempts: 0,
      correct: 0,
      hints_used: 0,
      recent: "[]",
      last_practiced_at: null,
      mastered_at: null,
      memory: null,
      review_due_at: null,
      updated_at: at,
    };
    let next: LearnerSkillStatesTable;
    if (input.action === "mark-mastered") {
      const card = base.memory && base.mastered_at ? JSON.parse(base.memory) : createMemoryCard(now.getTime());
      next = {
        ...base,
        p_known: Math.max(base.p_known, skill.masteryThreshold),
        mastered_at: base.mastered_at ?? at,
        memory: JSON.stringify(card),
        review_due_at: new Date(reviewDueAt(card)).toISOString(),
        updated_at: at,
      };
    } else {
      next = { ...base, p_known: bktParamsFor(params, skill.id).prior, mastered_at: null, memory: null, review_due_at: null, recent: "[]", updated_at: at };
    }
    if (before) {
      await trx.updateTable("learner_skill_states").set(next).where("learner_id", "=", learnerId).where("course_id", "=", course.id).where("skill_id", "=", skill.id).execute();
    } else await trx.insertInto("learner_skill_states").values(next).execute();
    await trx
      .insertInto("mastery_overrides")
      .values({
        id,
        school_id: actor.schoolId,
        learner_id: learnerId,
        course_id: course.id,
        skill_id: skill.id,
        action: input.action,
        reason: input.reason,
        state_before: before ? JSON.stringify(before) : null,
        created_by: actor.id,
        created_at: at,
        undone_at: null,
        undone_by: null,
      })
      .execute();
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: `mastery.${input.action}`,
      learnerId,
      targetType: "skill",
      targetId: skill.id,
      details: { courseId: course.id, reason: input.reason, overrideId: id },
    });
  });
  return (await learnerOverrides(deps, learnerId, course.id)).find((o) => o.id === id)!;
}

/**
 * Undoes an override: mastery, memory and review date go back to what they were before it. Attempts answered since
 * stay counted (they are evidence of their own); only the hand-set estimate is withdrawn.
 */
export async function undoOverride(deps: Deps, actor: Actor, classId: string, learnerId: string, overrideId: string): Promise<Override> {
  const { cls } = await learnerOfTaughtClass(deps.db, actor, classId, learnerId);
  const now = deps.now();
  const at = now.toISOString();
  const row = await deps.db
    .selectFrom("mastery_overrides")
    .selectAll()
    .where("id", "=", overrideId)
    .where("learner_id", "=", learnerId)
    .where("school_id", "=", actor.schoolId)
    .executeTakeFirst();
  if (!row || row.course_id !== cls.course_id) throw notFound("Override");
  if (row.undone_at) throw conflict("This override was already undone.");
  await deps.db.transaction().execute(async (trx) => {
    const current = await stateRow(trx, learnerId, row.course_id, row.skill_id);
    const before = row.state_before ? (JSON.parse(row.state_before) as LearnerSkillStatesTable) : null;
    if (current) {
      await trx
        .updateTable("learner_skill_states")
        .set(
          before
            ? { p_known: before.p_known, mastered_at: before.mastered_at, memory: before.memory, review_due_at: before.review_due_at, recent: before.recent, updated_at: at }
            : current.attempts > 0
              ? { mastered_at: null, memory: null, review_due_at: null, updated_at: at }
              : { updated_at: at },
        )
        .where("learner_id", "=", learnerId)
        .where("course_id", "=", row.course_id)
        .where("skill_id", "=", row.skill_id)
        .execute();
      // No state existed and nothing was answered since: the row was the override's alone.
      if (!before && current.attempts === 0) {
        await trx.deleteFrom("learner_skill_states").where("learner_id", "=", learnerId).where("course_id", "=", row.course_id).where("skill_id", "=", row.skill_id).execute();
      }
    }
    await trx.updateTable("mastery_overrides").set({ undone_at: at, undone_by: actor.id }).where("id", "=", overrideId).execute();
    await recordAudit(trx, actor, actor.schoolId, now, {
      action: "mastery.override-undo",
      learnerId,
      targetType: "skill",
      targetId: row.skill_id,
      details: { courseId: row.course_id, overrideId },
    });
  });
  return (await learnerOverrides(deps, learnerId, row.course_id)).find((o) => o.id === overrideId)!;
}
