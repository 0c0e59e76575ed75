import type { Kysely } from "kysely";
import type { Dialect } from "../db/database.ts";
import type { Database, Role } from "../db/schema.ts";
import { hashAccountPassword } from "../services/passwords.ts";
import { importDemoCourses } from "./demo-courses.ts";
import { insertAccount } from "../services/users.service.ts";
import { DAY_MS } from "./demo-calendar.ts";
import { FRESH_LEARNER_COUNT, type HistoryClass, seedDemoHistories } from "./demo-histories.ts";
import type { DemoProfile } from "./demo-profiles.ts";
import { syntheticName } from "./synthetic-names.ts";

export const DEMO_PASSWORD = "attune-demo";
export const DEMO_SCHOOL_NAME = "Riverside Demo School";

export type DemoAccount = { id: string; role: Role; name: string; email: string };
export type DemoSummary = {
  schoolId: string;
  accounts: DemoAccount[];
  classes: number;
  /** Emails of the learners kept new (no history): learner01 … learner05. */
  freshLearners: string[];
  /** The behaviour each learner with a history was simulated with, by learner id. */
  profiles: Record<string, DemoProfile>;
};

/**
 * Classes, with the lessons (weekdays, start in minutes after midnight UTC) in which learners use Attune, and how
 * much of the course their learners knew before (Math 6A more than the fifth grades; Spanish 1 are beginners), and
 * how many weeks ago they started with Attune.
 */
const DEMO_CLASSES = [
  {
    name: "Math 5A", subject: "Mathematics", course: "fractions", teacher: 0, learners: [0, 20],
    timetable: { weekdays: [1, 3, 5], startMinute: 9 * 60 + 10 }, priorKnowledge: [0.1, 0.5], weeks: [4, 4.5],
  },
  {
    name: "Math 5B", subject: "Mathematics", course: "fractions", teacher: 0, learners: [20, 40],
    timetable: { weekdays: [2, 4, 5], startMinute: 10 * 60 + 40 }, priorKnowledge: [0.1, 0.5], weeks: [4, 4.5],
  },
  {
    name: "Math 6A", subject: "Mathematics", course: "fractions", teacher: 1, learners: [40, 60],
    timetable: { weekdays: [1, 2, 4], startMinute: 13 * 60 + 15 }, priorKnowledge: [0.2, 0.7], weeks: [4.5, 5.5],
  },
  {
    name: "Spanish 1", subject: "Spanish", course: "spanish-a1", teacher: 2, learners: [60, 80],
    timetable: { weekdays: [1, 3, 4], startMinute: 11 * 60 + 20, minutes: [8, 14] }, priorKnowledge: [0.02, 0.15], weeks: [3, 3.5],
  },
] as const;

/** The demo school opened seven weeks before the demo starts, so its learners' histories come after it. */
const OPENED_DAYS_AGO = 49;

/**
 * Seeds the synthetic demo school: 1 admin, 3 teachers, 4 classes, 80 learners and 40 guardians (each linked to
 * two learners, as siblings). Everyone shares the demo password, hashed once (a demo has nothing to protect).
 * With the courses, every learner but learner01 … learner05 gets weeks of simulated history (`demo-histories.ts`).
 * Returns null when a school already exists: the demo never touches a database that is in use.
 */
export async function seedDemoSchool(
  db: Kysely<Database>,
  dialect: Dialect,
  now: Date,
  onProgress: (message: string) => void = () => {},
  options: { courses?: boolean; histories?: boolean } = {},
): Promise<DemoSummary | null> {
  const existing = await db.selectFrom("schools").select("id").limit(1).executeTakeFirst();
  if (existing) return null;
  const opened = new Date(now.getTime() - OPENED_DAYS_AGO * DAY_MS);
  // The shipped courses come first: the demo classes follow them.
  const courses = options.courses === false ? [] : await importDemoCourses(db, opened, onProgress);
  const courseIds = new Set(courses.map((c) => c.courseId));
  const passwordHash = await hashAccountPassword(DEMO_PASSWORD);
  const schoolId = crypto.randomUUID();
  const accounts: DemoAccount[] = [];
  const historyClasses: HistoryClass[] = [];
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("schools").values({ id: schoolId, name: DEMO_SCHOOL_NAME, created_at: opened.toISOString() }).execute();
    const add = async (role: Role, index: number, emailLocal: string, familyOf?: number) => {
      const { given, family } = syntheticName(index);
      const name = `${given} ${familyOf === undefined ? family : syntheticName(familyOf).family}`;
      const email = `${emailLocal}@demo.attune.test`;
      const row = await insertAccount(trx, dialect, schoolId, { name, email, role, passwordHash }, opened);
      accounts.push({ id: row.id, role, name, email });
      return row.id;
    };
    await add("admin", 101, "admin");
    const teachers = [];
    for (let t = 1; t <= 3; t++) teachers.push(await add("teacher", 200 + t, `teacher${t}`));
    const learners = [];
        // Siblings share their guardian's family name: learners 2g-1 and 2g belong to guardian g.
    for (let l = 1; l <= 80; l++) {
      learners.push(await add("learner", l, `learner${String(l).padStart(2, "0")}`, 300 + Math.ceil(l / 2)));
    }
    onProgress("demo: 84 accounts created");
    for (let g = 1; g <= 40; g++) {
      const guardianId = await add("guardian", 300 + g, `guardian${String(g).padStart(2, "0")}`);
      for (const learnerId of [learners[2 * g - 2]!, learners[2 * g - 1]!]) {
        await trx.insertInto("guardian_links").values({ guardian_id: guardianId, learner_id: learnerId, created_at: opened.toISOString() }).execute();
      }
    }
    onProgress("demo: 40 guardians linked");
    for (const demoClass of DEMO_CLASSES) {
      const classId = crypto.randomUUID();
      await trx
        .insertInto("classes")
        .values({
          id: classId,
          school_id: schoolId,
          name: demoClass.name,
          subject: demoClass.subject,
          course_id: courseIds.has(demoClass.course) ? demoClass.course : null,
          created_at: opened.toISOString(),
          archived_at: null,
        })
        .execute();
      await trx
        .insertInto("class_teachers")
        .values({ class_id: classId, teacher_id: teachers[demoClass.teacher]!, created_at: opened.toISOString() })
        .execute();
      const [from, to] = demoClass.learners;
      await trx
        .insertInto("enrolments")
        .values(learners.slice(from, to).map((learnerId) => ({ class_id: classId, learner_id: learnerId, created_at: opened.toISOString() })))
        .execute();
      historyClasses.push({
        name: demoClass.name,
        courseId: courseIds.has(demoClass.course) ? demoClass.course : null,
        timetable: demoClass.timetable,
        priorKnowledge: demoClass.priorKnowledge,
        weeks: demoClass.weeks,
        learners: learners.slice(from, to).map((id, k) => ({ id, number: from + k + 1 })),
      });
    }
    onProgress("demo: 4 classes with teachers and learners");
  });
  const freshLearners = accounts.filter((a) => a.role === "learner").slice(0, FRESH_LEARNER_COUNT).map((a) => a.email);
  const profiles: Record<string, DemoProfile> = {};
  if (options.histories !== false && courseIds.size > 0) {
    const history = await seedDemoHistories(db, schoolId, historyClasses, now);
    for (const [id, profile] of history.byLearner) profiles[id] = profile;
    const counts = Object.entries(history.profiles).map(([profile, n]) => `${n} ${profile}`).join(", ");
    onProgress(`demo: ${history.learners} learners given weeks of simulated history (${history.attempts} answers; ${counts})`);
    onProgress(`demo: ${freshLearners.map((e) => e.split("@")[0]).join(", ")} are new learners with no history yet`);
  }
  return { schoolId, accounts, classes: DEMO_CLASSES.length, freshLearners, profiles };
}
