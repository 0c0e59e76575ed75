import { createHash } from "node:crypto";
import type { Actor, Deps } from "../http/app-env.ts";
import { badRequest } from "../http/errors.ts";
import { recordAudit } from "../services/audit.service.ts";
import { classMastery } from "../services/class-mastery.service.ts";
import { answerText } from "./class-records.ts";
import { toCsv } from "./csv.ts";
import { classLearners, parseList, taughtClass } from "./teaching-access.ts";

/**
 * A learner's pseudonym in one class's exports: stable (the same learner gets the same code in every export of the
 * class, so files can be joined) but not the account id, so a file shared for analysis names nobody.
 */
export function pseudonym(classId: string, learnerId: string): string {
  return "L-" + createHash("sha256").update(`${classId}:${learnerId}`).digest("hex").slice(0, 10);
}

export type ExportKind = "heatmap" | "attempts" | "gradebook";

/** A class export as CSV. Learners are pseudonymous unless the teacher asks for names; either way it is audited. */
export async function classExport(deps: Deps, actor: Actor, classId: string, kind: ExportKind, names: "pseudonymous" | "named") {
  const cls = await taughtClass(deps.db, actor, classId);
  if (!cls.course_id) throw badRequest("This class follows no course yet: there is nothing to export.");
  const course = await deps.courses.get(cls.course_id);
  const learners = await classLearners(deps.db, classId);
  const who = (l: { id: string; name: string }) => (names === "named" ? l.name : pseudonym(classId, l.id));
  let csv: string;
  if (kind === "heatmap") {
    const map = await classMastery(deps, actor, classId);
    csv = toCsv(
      ["learner", ...map.skills.map((s) => s.name)],
      map.learners.map((l) => [who(l), ...l.cells.map((c) => (c.mastery === null ? "" : Math.round(c.mastery * 1000) / 1000))]),
    );
  } else if (kind === "attempts") {
    const byId = new Map(learners.map((l) => [l.id, l]));
    const rows = learners.length === 0 ? [] : await deps.db
      .selectFrom("attempts")
      .select(["learner_id", "item_id", "skill_ids", "correct", "response", "hints_used", "duration_ms", "context", "answered_at"])
      .where("course_id", "=", course.id)
      .where("learner_id", "in", learners.map((l) => l.id))
      .orderBy("answered_at")
      .orderBy("id")
      .execute();
    csv = toCsv(
      ["learner", "answered_at", "item_id", "skill_ids", "correct", "answer", "hints_used", "seconds", "context"],
      rows.map((r) => [
        who(byId.get(r.learner_id)!),
        r.answered_at,
        r.item_id,
        parseList(r.skill_ids).join(" "),
        r.correct,
        answerText(r.response, course.itemById.get(r.item_id)),
        r.hints_used,
        r.duration_ms === null ? null : Math.round(r.duration_ms / 100) / 10,
        r.context,
      ]),
    );
  } else {
    const ids = learners.map((l) => l.id);
    const [minutes, assigned] = await Promise.all([
      ids.length === 0
        ? []
        : deps.db
            .selectFrom("attempts")
            .select(["learner_id", (eb) => eb.fn.sum<number>("duration_ms").as("ms"), (eb) => eb.fn.countAll<number>().as("n")])
            .where("course_id", "=", course.id)
            .where("learner_id", "in", ids)
            .where("context", "!=", "placement")
            .groupBy("learner_id")
            .execute(),
      deps.db
        .selectFrom("assignments as a")
        .innerJoin("assignment_recipients as r", "r.assignment_id", "a.id")
        .select(["r.learner_id", "a.skill_ids"])
        .where("a.class_id", "=", classId)
        .where("a.archived_at", "is", null)
        .execute(),
    ]);
    const masteredSkills = new Map<string, Set<string>>();
    const skillRows = ids.length === 0 ? [] : await deps.db.selectFrom("learner_skill_states").select(["learner_id", "skill_id"]).where("course_id", "=", course.id).where("learner_id", "in", ids).where("mastered_at", "is not", null).execute();
    for (const s of skillRows) (masteredSkills.get(s.learner_id) ?? masteredSkills.set(s.learner_id, new Set()).get(s.learner_id)!).add(s.skill_id);
    const time = new Map(minutes.map((m) => [m.learner_id, m]));
    csv = toCsv(
      ["learner", "skills_mastered", "skills_in_course", "percent_mastered", "assignments_done", "assignments_given", "practice_attempts", "practice_minutes"],
      learners.map((l) => {
        const done = masteredSkills.get(l.id) ?? new Set<string>();
        const mine = assigned.filter((a) => a.learner_id === l.id);
        const finished = mine.filter((a) => {
          const skills = parseList(a.skill_ids);
          return skills.length > 0 && skills.every((s) => done.has(s));
        }).length;
        const t = time.get(l.id);
        return [
          who(l),
          done.size,
          course.skills.length,
          course.skills.length === 0 ? 0 : Math.round((1000 * done.size) / course.skills.length) / 10,
          finished,
          mine.length,
          Number(t?.n ?? 0),
          Math.round(Number(t?.ms ?? 0) / 600) / 100,
        ];
      }),
    );
  }
  await recordAudit(deps.db, actor, actor.schoolId, deps.now(), {
    action: `export.${kind}`,
    targetType: "class",
    targetId: classId,
    details: { names, learnerIds: learners.map((l) => l.id) },
  });
  return { csv, filename: `${cls.name.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}-${kind}.csv` };
}
