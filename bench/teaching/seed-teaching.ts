import { createSeededRng, type Rng } from "@attune/engine";
import type { Insertable, Kysely } from "kysely";
import { importCourse } from "../../packages/server/src/courses/course-import.service.ts";
import type { DatabaseHandle } from "../../packages/server/src/db/database.ts";
import type { Database } from "../../packages/server/src/db/schema.ts";
import { bktParamsForCourse } from "../../packages/server/src/learning/bkt-params.ts";
import { CourseContentCache } from "../../packages/server/src/learning/course-content.ts";
import { hashAccountPassword } from "../../packages/server/src/services/passwords.ts";
import { dateForDialect, insertAccount } from "../../packages/server/src/services/users.service.ts";
import { ChoiceBook } from "./answer-loop-replica.ts";
import { DAY_MS, type LearnerTraits, ordinaryTraits, type SimulationCourse, simulateLearner, spread } from "./learner-history.ts";
import { BENCH_COURSE_ID, syntheticCourse } from "./synthetic-course.ts";

export const BENCH_PASSWORD = "bench-password-0001";

/** The sizes of issue #7's targets. */
export const SIZES = { classLearners: 35, classAttempts: 50_000, classWeeks: 8, schoolLearners: 2_000, schoolClasses: 60, schoolAttempts: 100_000, schoolWeeks: 2 };

export type TeachingFixture = {
  classId: string;
  /** The drill-down's learner: the class's busiest. */
  learnerId: string;
  teacherEmail: string;
  adminEmail: string;
  counts: Record<string, number>;
};

const FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Ebru", "Femi", "Grace", "Hugo", "Ines", "Jamal", "Kenji", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomás", "Uma", "Viktor", "Wen", "Yara", "Zoe"];
const LAST = ["Adeyemi", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ito", "Jovanović", "Kowalski", "López", "Moreau", "Nguyen", "Okafor", "Petrov", "Rossi", "Silva", "Tanaka", "Weber"];

type Table = keyof Database;

/** Rows buffered per table and written in multi-row inserts (1,000 rows: under both databases' parameter limits). */
class BulkWriter {
  private readonly buffers = new Map<Table, unknown[]>();
  readonly counts: Record<string, number> = {};

  constructor(private readonly db: Kysely<Database>) {}

  async add<T extends Table>(table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
    const buffer = this.buffers.get(table) ?? this.buffers.set(table, []).get(table)!;
    for (const row of rows) buffer.push(row);
    this.counts[table] = (this.counts[table] ?? 0) + rows.length;
    if (buffer.length >= 1000) await this.flush(table);
  }

  async flush(table: Table): Promise<void> {
    const buffer = this.buffers.get(table) ?? [];
    for (let i = 0; i < buffer.length; i += 1000) await this.db.insertInto(table).values(buffer.slice(i, i + 1000) as never).execute();
    this.buffers.set(table, []);
  }

  async flushAll(): Promise<void> {
    for (const table of this.buffers.keys()) await this.flush(table);
  }
}

/** A school's learners, as user rows (they never sign in here, so no credentials), with names as a school has them. */
function learnerRows(handle: DatabaseHandle, schoolId: string, count: number, tag: string, rng: Rng, now: Date) {
  const at = dateForDialect(handle, now);
  return Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `${FIRST[Math.floor(rng() * FIRST.length)]!} ${LAST[Math.floor(rng() * LAST.length)]!}`,
    email: `${tag}-${i}@bench.test`,
    email_verified: 0,
    image: null,
    created_at: at,
    updated_at: at,
    role: "learner" as const,
    school_id: schoolId,
    active: 1,
  }));
}

/** The class's mix: two strugglers, a hint clicker, a rapid guesser, two who stopped coming, the rest ordinary. */
function classTraits(index: number, rng: Rng): LearnerTraits {
  const base = ordinaryTraits(rng);
  if (index < 2) return { ...base, learnRate: 0.002 };
  if (index === 2) return { ...base, hintAbuse: true };
  if (index === 3) return { ...base, rapidGuessing: true };
  if (index < 6) return { ...base, stoppedDaysAgo: 10 + index * 2 };
  return base;
}

/** The school's mix: one learner in ten has not been seen this week. */
function schoolTraits(rng: Rng): LearnerTraits {
  const base = ordinaryTraits(rng);
  return rng() < 0.1 ? { ...base, stoppedDaysAgo: 7 + Math.floor(rng() * 4) } : base;
}

/**
 * Seeds a migrated database for the teaching benchmarks, all inserts in one transaction: the synthetic course;
 * school A with one class of 35 learners, its teacher and 50,000 attempts over 8 weeks (plus lesson views, knowledge
 * states and a few goals); school B with 2,000 learners in 60 classes, their teachers, an admin and 100,000 attempts
 * of the last 2 weeks.
 */
export async function seedTeaching(handle: DatabaseHandle, now: Date, log: (line: string) => void): Promise<TeachingFixture> {
  const { db } = handle;
  const rng = createSeededRng(7);
  const { course, items } = syntheticCourse();
  await importCourse(db, course, items, "folder", now);
  const content = await new CourseContentCache(db).get(BENCH_COURSE_ID);
  const sim: SimulationCourse = { content, params: await bktParamsForCourse(db, content), book: new ChoiceBook() };
  const hash = await hashAccountPassword(BENCH_PASSWORD);
  const at = now.toISOString();
  const until = now.getTime();
  const newId = () => crypto.randomUUID();
  const schoolA = newId();
  const schoolB = newId();
  const classId = newId();
  const teacherEmail = "teacher@a.bench.test";
  const adminEmail = "admin@b.bench.test";
  let learnerId = "";

  const counts = await db.transaction().execute(async (trx) => {
    const out = new BulkWriter(trx);
    await trx.insertInto("schools").values([{ id: schoolA, name: "Bench school A", created_at: at }, { id: schoolB, name: "Bench school B", created_at: at }]).execute();
    const teacher = await insertAccount(trx, handle.dialect, schoolA, { name: "Tess Teacher", email: teacherEmail, role: "teacher", passwordHash: hash }, now);
    await insertAccount(trx, handle.dialect, schoolB, { name: "Ada Admin", email: adminEmail, role: "admin", passwordHash: hash }, now);

    // School A: the class of 35 and eight weeks of work.
    const started = Date.now();
    await trx.insertInto("classes").values({ id: classId, school_id: schoolA, name: "7B Maths", subject: "Maths", course_id: BENCH_COURSE_ID, created_at: at, archived_at: null }).execute();
    await trx.insertInto("class_teachers").values({ class_id: classId, teacher_id: teacher.id, created_at: at }).execute();
    const classLearners = learnerRows(handle, schoolA, SIZES.classLearners, "a", rng, now);
    await out.add("users", classLearners);
    await out.flush("users");
    await out.add("enrolments", classLearners.map((l) => ({ class_id: classId, learner_id: l.id, created_at: at })));
    const targets = spread(SIZES.classAttempts, SIZES.classLearners, rng);
    let busiest = 0;
    for (const [i, learner] of classLearners.entries()) {
      const history = simulateLearner(sim, { id: learner.id, schoolId: schoolA }, classTraits(i, rng), { from: until - SIZES.classWeeks * 7 * DAY_MS, until }, targets[i]!, rng, newId);
      await out.add("attempts", history.attempts);
      await out.add("learner_skill_states", history.states);
      await out.add("lesson_views", history.lessonViews);
      if (history.attempts.length > busiest) [busiest, learnerId] = [history.attempts.length, learner.id];
      if (i >= 6 && i < 12) {
        await out.add("goals", [
          {
            id: newId(),
            learner_id: learner.id,
            school_id: schoolA,
            course_id: BENCH_COURSE_ID,
            title: i % 2 === 0 ? "Finish multiplication" : "Division before the holidays",
            skill_ids: "[]",
            unit_id: i % 2 === 0 ? "multiplication" : "division",
            target_date: new Date(until + (14 + i) * DAY_MS).toISOString().slice(0, 10),
            minutes_per_week: 60 + 10 * i,
            set_by: teacher.id,
            created_at: new Date(until - 20 * DAY_MS).toISOString(),
            archived_at: null,
          },
        ]);
      }
    }
    const classAttempts = out.counts.attempts ?? 0;
    log(`  school A: ${SIZES.classLearners} learners, ${classAttempts} attempts (${((Date.now() - started) / 1000).toFixed(1)} s)`);

    // School B: 2,000 learners in 60 classes, each class with its teacher; two weeks of work.
    const startedB = Date.now();
    const schoolLearners = learnerRows(handle, schoolB, SIZES.schoolLearners, "b", rng, now);
    await out.add("users", schoolLearners);
    const classes = Array.from({ length: SIZES.schoolClasses }, (_, i) => ({
      id: newId(),
      school_id: schoolB,
      name: `${7 + (i % 5)}${String.fromCharCode(65 + Math.floor(i / 5))} ${["Maths", "Numeracy"][i % 2]!}`,
      subject: "Maths",
      course_id: BENCH_COURSE_ID,
      created_at: at,
      archived_at: null,
    }));
    const teachers = learnerRows(handle, schoolB, SIZES.schoolClasses, "bt", rng, now).map((t) => ({ ...t, role: "teacher" as const }));
    await out.add("users", teachers);
    await out.flush("users");
    await out.add("classes", classes);
    await out.flush("classes");
    await out.add("class_teachers", classes.map((c, i) => ({ class_id: c.id, teacher_id: teachers[i]!.id, created_at: at })));
    await out.add("enrolments", schoolLearners.map((l, i) => ({ class_id: classes[i % classes.length]!.id, learner_id: l.id, created_at: at })));
    const schoolTargets = spread(SIZES.schoolAttempts, SIZES.schoolLearners, rng);
    for (const [i, learner] of schoolLearners.entries()) {
      const history = simulateLearner(sim, { id: learner.id, schoolId: schoolB }, schoolTraits(rng), { from: until - SIZES.schoolWeeks * 7 * DAY_MS, until }, schoolTargets[i]!, rng, newId);
      await out.add("attempts", history.attempts);
      await out.add("learner_skill_states", history.states);
      await out.add("lesson_views", history.lessonViews);
    }
    await out.flushAll();
    log(`  school B: ${SIZES.schoolLearners} learners in ${SIZES.schoolClasses} classes, ${(out.counts.attempts ?? 0) - classAttempts} attempts (${((Date.now() - startedB) / 1000).toFixed(1)} s)`);
    return { ...out.counts, classAttempts, schoolAttempts: (out.counts.attempts ?? 0) - classAttempts };
  });
  return { classId, learnerId, teacherEmail, adminEmail, counts };
}
