import type { Actor, Deps } from "../http/app-env.ts";
import { recordAudit } from "../services/audit.service.ts";

const WEEK_MS = 7 * 86_400_000;

/**
 * The school at a glance for its admins: per class, learners, who was active in the last seven days and for how
 * long, and mastery so far. Five grouped queries whatever the school's size, then a join in memory.
 */
export async function schoolReport(deps: Deps, actor: Actor) {
  const now = deps.now();
  const since = new Date(now.getTime() - WEEK_MS).toISOString();
  const school = actor.schoolId;
  const [classes, enrolments, attempts, lessons, mastered] = await Promise.all([
    deps.db
      .selectFrom("classes as c")
      .leftJoin("courses as k", "k.id", "c.course_id")
      .select(["c.id", "c.name", "c.course_id", "k.title as course_title"])
      .where("c.school_id", "=", school)
      .where("c.archived_at", "is", null)
      .orderBy("c.name")
      .execute(),
    deps.db
      .selectFrom("enrolments as e")
      .innerJoin("classes as c", "c.id", "e.class_id")
      .innerJoin("users as u", "u.id", "e.learner_id")
      .select(["e.class_id", "e.learner_id"])
      .where("c.school_id", "=", school)
      .where("c.archived_at", "is", null)
      .where("u.active", "=", 1)
      .execute(),
    deps.db
      .selectFrom("attempts")
      .select(["learner_id", "course_id", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>("duration_ms").as("ms")])
      .where("school_id", "=", school)
      .where("answered_at", ">=", since)
      .groupBy(["learner_id", "course_id"])
      .execute(),
    deps.db
      .selectFrom("lesson_views")
      .select(["learner_id", "course_id", (eb) => eb.fn.sum<number>("seconds").as("s")])
      .where("school_id", "=", school)
      .where("viewed_at", ">=", since)
      .groupBy(["learner_id", "course_id"])
      .execute(),
    deps.db
      .selectFrom("learner_skill_states")
      .select(["learner_id", "course_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("school_id", "=", school)
      .where("mastered_at", "is not", null)
      .groupBy(["learner_id", "course_id"])
      .execute(),
  ]);
  const key = (learner: string, course: string | null) => `${learner}|${course ?? ""}`;
  const attemptsOf = new Map(attempts.map((a) => [key(a.learner_id, a.course_id), a]));
  const lessonsOf = new Map(lessons.map((l) => [key(l.learner_id, l.course_id), Number(l.s ?? 0)]));
  const masteredOf = new Map(mastered.map((m) => [key(m.learner_id, m.course_id), Number(m.n)]));
  const rosters = new Map<string, string[]>();
  for (const e of enrolments) (rosters.get(e.class_id) ?? rosters.set(e.class_id, []).get(e.class_id)!).push(e.learner_id);
  const activeLearners = new Set<string>();
  let minutesAll = 0;
  const counted = new Set<string>();
  const rows = classes.map((c) => {
    const roster = rosters.get(c.id) ?? [];
    let active = 0;
    let minutes = 0;
    let attemptsThisWeek = 0;
    let masteredSum = 0;
    for (const learner of roster) {
      const k = key(learner, c.course_id);
      const a = attemptsOf.get(k);
      const lessonSeconds = lessonsOf.get(k) ?? 0;
      const m = (Number(a?.ms ?? 0) / 1000 + lessonSeconds) / 60;
      if (a || lessonSeconds > 0) {
        active++;
        activeLearners.add(learner);
      }
      minutes += m;
      attemptsThisWeek += Number(a?.n ?? 0);
      masteredSum += masteredOf.get(k) ?? 0;
      // A learner in two classes of the same course counts once in the school's minutes.
      if (!counted.has(k)) {
        counted.add(k);
        minutesAll += m;
      }
    }
    return {
      id: c.id,
      name: c.name,
      course: c.course_id ? { id: c.course_id, name: c.course_title ?? c.course_id } : null,
      learners: roster.length,
      activeThisWeek: active,
      minutesThisWeek: Math.round(minutes),
      meanSkillsMastered: roster.length === 0 ? 0 : Math.round((10 * masteredSum) / roster.length) / 10,
      attemptsThisWeek,
    };
  });
  await recordAudit(deps.db, actor, school, now, { action: "school.report.read", targetType: "school", targetId: school });
  return {
    learners: new Set(enrolments.map((e) => e.learner_id)).size,
    activeThisWeek: activeLearners.size,
    minutesThisWeek: Math.round(minutesAll),
    classes: rows,
  };
}
