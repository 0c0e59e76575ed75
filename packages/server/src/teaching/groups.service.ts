import type { Group } from "@attune/contract";
import { bktParamsFor, suggestSmallGroups } from "@attune/engine";
import type { Actor, Deps } from "../http/app-env.ts";
import { badRequest } from "../http/errors.ts";
import { bktParamsForCourse } from "../learning/bkt-params.ts";
import { courseGraphOf } from "../learning/course-graph.ts";
import { recordAudit, recordLearnerDataRead } from "../services/audit.service.ts";
import { classLearners, parseList, taughtClass } from "./teaching-access.ts";

/** The class's saved groups with their members and skills. */
export async function savedGroups(deps: Deps, actor: Actor, classId: string): Promise<{ items: Group[]; notes: string[] }> {
  const cls = await taughtClass(deps.db, actor, classId);
  const course = cls.course_id ? await deps.courses.get(cls.course_id) : null;
  const groups = await deps.db.selectFrom("learner_groups").selectAll().where("class_id", "=", classId).where("archived_at", "is", null).orderBy("name").orderBy("id").execute();
  const members =
    groups.length === 0
      ? []
      : await deps.db
          .selectFrom("learner_group_members as m")
          .innerJoin("users as u", "u.id", "m.learner_id")
          .select(["m.group_id", "u.id", "u.name"])
          .where("m.group_id", "in", groups.map((g) => g.id))
          .orderBy("u.name")
          .execute();
  return {
    items: groups.map((g) => ({
      id: g.id,
      name: g.name,
      learners: members.filter((m) => m.group_id === g.id).map((m) => ({ id: m.id, name: m.name })),
      skills: parseList(g.skill_ids).map((id) => ({ id, name: course?.skillById.get(id)?.name ?? id })),
      reason: g.reason,
    })),
    notes: [],
  };
}

/**
 * Suggested small groups from the class's mastery profiles and ready-to-learn skills (the engine's grouping),
 * each with the skills to work on together and why. Nothing is saved until the teacher saves.
 */
export async function suggestGroups(deps: Deps, actor: Actor, classId: string, size: { minSize: number; maxSize: number }): Promise<{ items: Group[]; notes: string[] }> {
  if (size.minSize > size.maxSize) throw badRequest("The smallest group size is larger than the largest.", [{ path: "minSize", message: "must not exceed maxSize" }]);
  const cls = await taughtClass(deps.db, actor, classId);
  if (!cls.course_id) throw badRequest("This class follows no course yet.");
  const course = await deps.courses.get(cls.course_id);
  const learners = await classLearners(deps.db, classId);
  const params = await bktParamsForCourse(deps.db, course);
  const states =
    learners.length === 0
      ? []
      : await deps.db
          .selectFrom("learner_skill_states")
          .select(["learner_id", "skill_id", "p_known", "mastered_at", "attempts"])
          .where("course_id", "=", course.id)
          .where("learner_id", "in", learners.map((l) => l.id))
          .execute();
  const result = suggestSmallGroups({
    course: courseGraphOf(course),
    learners: learners.map((l) => ({ id: l.id, name: l.name })),
    states: states.map((s) => ({ learnerId: s.learner_id, skillId: s.skill_id, mastery: s.p_known, mastered: s.mastered_at !== null, attempts: s.attempts })),
    minSize: size.minSize,
    maxSize: size.maxSize,
    defaultMastery: (id) => bktParamsFor(params, id).prior,
  });
  await recordLearnerDataRead(deps.db, actor, deps.now(), "class.groups.suggest", learners.map((l) => l.id), { type: "class", id: classId });
  const names = new Map(learners.map((l) => [l.id, l.name]));
  return {
    items: result.groups.map((g, i) => ({
      id: null,
      name: g.name || `Group ${i + 1}`,
      learners: g.learnerIds.map((id) => ({ id, name: names.get(id) ?? id })),
      skills: g.skillIds.map((id) => ({ id, name: course.skillById.get(id)?.name ?? id })),
      reason: g.reason,
    })),
    notes: [...result.notes],
  };
}

/** Saves the class's groups, replacing the previous set (kept, archived); every learner must be in the class. */
export async function saveGroups(
  deps: Deps,
  actor: Actor,
  classId: string,
  input: { groups: { name: string; learnerIds: string[]; skillIds: string[]; reason: string }[] },
): Promise<{ items: Group[]; notes: string[] }> {
  const cls = await taughtClass(deps.db, actor, classId);
  const roster = new Set((await classLearners(deps.db, classId)).map((l) => l.id));
  const course = cls.course_id ? await deps.courses.get(cls.course_id) : null;
  const details: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  input.groups.forEach((g, i) => {
    g.learnerIds.forEach((id, j) => {
      if (!roster.has(id)) details.push({ path: `groups.${i}.learnerIds.${j}`, message: "not a learner of this class" });
      else if (seen.has(id)) details.push({ path: `groups.${i}.learnerIds.${j}`, message: "already in another group" });
      seen.add(id);
    });
    g.skillIds.forEach((id, j) => {
      if (!course?.skillById.has(id)) details.push({ path: `groups.${i}.skillIds.${j}`, message: "not a skill of the class's course" });
    });
  });
  if (details.length > 0) throw badRequest("Some groups cannot be saved.", details);
  const now = deps.now();
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable("learner_groups").set({ archived_at: at }).where("class_id", "=", classId).where("archived_at", "is", null).execute();
    for (const g of input.groups) {
      const id = crypto.randomUUID();
      await trx
        .insertInto("learner_groups")
        .values({ id, school_id: actor.schoolId, class_id: classId, name: g.name, skill_ids: JSON.stringify(g.skillIds), reason: g.reason, created_by: actor.id, created_at: at, archived_at: null })
        .execute();
      await trx.insertInto("learner_group_members").values(g.learnerIds.map((learner_id) => ({ group_id: id, learner_id }))).execute();
    }
    await recordAudit(trx, actor, actor.schoolId, now, { action: "class.groups.save", targetType: "class", targetId: classId, details: { groups: input.groups.length } });
  });
  return savedGroups(deps, actor, classId);
}
