import { z } from "zod";
import { IdSchema, MAX_NAME, MAX_TEXT, NameSchema } from "./common.ts";
import { PlanSchema } from "./learning.ts";

const Ref = z.object({ id: z.string(), name: z.string() });
const DateTimeSchema = z.iso.datetime({ offset: true });
const DateOrDateTimeSchema = z.union([z.iso.date(), DateTimeSchema]);

export const ClassLearnerSkillParamsSchema = z.strictObject({ classId: IdSchema, learnerId: IdSchema });

/** Per skill: how the class stands; per learner: activity this week. */
export const ClassOverviewSchema = z
  .object({
    classId: z.string(),
    course: Ref.nullable(),
    weekStart: z.string(),
    skills: z.array(
      z.object({ id: z.string(), name: z.string(), mastered: z.number().int(), reviewDue: z.number().int(), inProgress: z.number().int(), notStarted: z.number().int(), meanMastery: z.number().nullable() }),
    ),
    learners: z.array(
      z.object({ id: z.string(), name: z.string(), activeDays: z.number().int(), minutes: z.number(), attempts: z.number().int(), lastActiveAt: z.string().nullable() }),
    ),
  })
  .meta({ id: "ClassOverview" });
export type ClassOverview = z.infer<typeof ClassOverviewSchema>;

export const ALERT_KINDS = ["wheel-spinning", "inactive", "falling-mastery", "rapid-guessing", "hint-abuse", "plan-behind"] as const;

/** An alert is always explained: what was seen (evidence), in words, and what the teacher could do. */
export const AlertSchema = z
  .object({
    key: z.string(),
    kind: z.enum(ALERT_KINDS),
    severity: z.enum(["high", "medium", "low"]),
    learner: Ref,
    skill: Ref.nullable(),
    message: z.string(),
    suggestedAction: z.string(),
    evidence: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Alert" });
export type Alert = z.infer<typeof AlertSchema>;
export const AlertListSchema = z.object({ items: z.array(AlertSchema), dismissed: z.number().int() }).meta({ id: "AlertList" });

export const DismissAlertInputSchema = z.strictObject({
  learnerId: IdSchema,
  alertKey: z.string().min(1).max(200),
  note: z.string().trim().max(MAX_TEXT).optional(),
});

export const NoteSchema = z
  .object({ id: z.string(), body: z.string(), author: Ref, sharedWithFamily: z.boolean(), createdAt: z.string() })
  .meta({ id: "LearnerNote" });
export const CreateNoteInputSchema = z.strictObject({ body: z.string().trim().min(1).max(MAX_TEXT), sharedWithFamily: z.boolean().default(false) });

export const CheckInSchema = z
  .object({
    id: z.string(),
    learner: Ref,
    mentor: Ref,
    scheduledAt: z.string(),
    agenda: z.array(z.string()),
    notes: z.string().nullable(),
    nextSteps: z.array(z.string()),
    status: z.enum(["scheduled", "done", "cancelled"]),
    completedAt: z.string().nullable(),
  })
  .meta({ id: "CheckIn" });
export type CheckIn = z.infer<typeof CheckInSchema>;
export const CreateCheckInInputSchema = z.strictObject({
  scheduledAt: DateOrDateTimeSchema,
  agenda: z.array(z.string().trim().min(1).max(300)).max(20).optional(),
});
export const UpdateCheckInInputSchema = z
  .strictObject({
    notes: z.string().trim().max(MAX_TEXT).nullable().optional(),
    nextSteps: z.array(z.string().trim().min(1).max(300)).max(20).optional(),
    status: z.enum(["scheduled", "done", "cancelled"]).optional(),
    scheduledAt: DateOrDateTimeSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export const CheckInParamsSchema = z.strictObject({ checkInId: IdSchema });

export const OverrideSchema = z
  .object({
    id: z.string(),
    skill: Ref,
    action: z.enum(["mark-mastered", "reset"]),
    reason: z.string(),
    by: Ref,
    createdAt: z.string(),
    undoneAt: z.string().nullable(),
  })
  .meta({ id: "MasteryOverride" });
export const CreateOverrideInputSchema = z.strictObject({
  skillId: IdSchema,
  action: z.enum(["mark-mastered", "reset"]),
  reason: z.string().trim().min(3).max(MAX_TEXT),
});
export const OverrideParamsSchema = z.strictObject({ classId: IdSchema, learnerId: IdSchema, overrideId: IdSchema });

const AudienceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("class") }),
  z.strictObject({ kind: z.literal("group"), groupId: IdSchema }),
  z.strictObject({ kind: z.literal("learners"), learnerIds: z.array(IdSchema).min(1).max(500) }),
]);

export const CreateAssignmentInputSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(MAX_NAME).optional(),
    skillIds: z.array(IdSchema).max(50).default([]),
    lessonId: IdSchema.optional(),
    itemIds: z.array(z.string().min(1).max(200)).max(200).default([]),
    audience: AudienceSchema,
    dueAt: DateOrDateTimeSchema.optional(),
    note: z.string().trim().max(MAX_TEXT).optional(),
  })
  .refine((v) => v.skillIds.length > 0 || v.lessonId !== undefined || v.itemIds.length > 0, "name at least one skill, a lesson or items");
export type CreateAssignmentInput = z.infer<typeof CreateAssignmentInputSchema>;

export const AssignmentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    skills: z.array(Ref),
    lesson: z.object({ id: z.string(), title: z.string() }).nullable(),
    itemIds: z.array(z.string()),
    audience: z.object({ kind: z.enum(["class", "group", "learners"]), group: Ref.nullable() }),
    recipients: z.array(z.object({ id: z.string(), name: z.string(), done: z.boolean() })),
    dueAt: z.string().nullable(),
    note: z.string().nullable(),
    createdBy: Ref,
    createdAt: z.string(),
  })
  .meta({ id: "Assignment" });
export type Assignment = z.infer<typeof AssignmentSchema>;
export const AssignmentListSchema = z.object({ items: z.array(AssignmentSchema) }).meta({ id: "AssignmentList" });
export const AssignmentParamsSchema = z.strictObject({ classId: IdSchema, assignmentId: IdSchema });

export const GroupSchema = z
  .object({ id: z.string().nullable(), name: z.string(), learners: z.array(Ref), skills: z.array(Ref), reason: z.string() })
  .meta({ id: "LearnerGroup" });
export type Group = z.infer<typeof GroupSchema>;
export const GroupListSchema = z.object({ items: z.array(GroupSchema), notes: z.array(z.string()) }).meta({ id: "GroupList" });
export const GroupSuggestionQuerySchema = z.strictObject({
  minSize: z.coerce.number().int().min(1).max(50).default(3),
  maxSize: z.coerce.number().int().min(1).max(50).default(6),
});
export const SaveGroupsInputSchema = z.strictObject({
  groups: z
    .array(
      z.strictObject({
        name: NameSchema,
        learnerIds: z.array(IdSchema).min(1).max(200),
        skillIds: z.array(IdSchema).max(20),
        reason: z.string().trim().max(MAX_TEXT).default(""),
      }),
    )
    .max(50),
});

export const ItemAnalysisSchema = z
  .object({
    classId: z.string(),
    items: z.array(
      z.object({
        itemId: z.string(),
        prompt: z.string(),
        skills: z.array(Ref),
        responses: z.number().int(),
        learners: z.number().int(),
        difficulty: z.number().nullable(),
        discrimination: z.number().nullable(),
        medianSeconds: z.number().nullable(),
        hintShare: z.number().nullable(),
        wrongAnswers: z.array(z.object({ answer: z.string(), count: z.number().int() })),
        flags: z.array(z.object({ code: z.string(), message: z.string() })),
      }),
    ),
  })
  .meta({ id: "ItemAnalysis" });

export const LearnerTimelineSchema = z.object({
  sessions: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      minutes: z.number(),
      attempts: z.array(
        z.object({
          id: z.string(),
          itemId: z.string(),
          skills: z.array(z.string()),
          correct: z.boolean(),
          response: z.string(),
          hintsUsed: z.number().int(),
          seconds: z.number().nullable(),
          context: z.string(),
          at: z.string(),
        }),
      ),
      lessons: z.array(z.object({ title: z.string(), seconds: z.number(), at: z.string() })),
    }),
  ),
  troubleItems: z.array(z.object({ itemId: z.string(), prompt: z.string(), wrong: z.number().int(), attempts: z.number().int() })),
});

export const LearnerDetailSchema = z
  .object({
    classId: z.string(),
    learner: Ref,
    course: Ref.nullable(),
    skills: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        prerequisites: z.array(z.string()),
        mastery: z.number(),
        status: z.enum(["mastered", "review-due", "in-progress", "ready", "locked"]),
        attempts: z.number().int(),
        correct: z.number().int(),
        hintsUsed: z.number().int(),
        lastPracticedAt: z.string().nullable(),
      }),
    ),
    plan: PlanSchema.nullable(),
    timeline: LearnerTimelineSchema,
    alerts: z.array(AlertSchema),
    notes: z.array(NoteSchema),
    checkIns: z.array(CheckInSchema),
    overrides: z.array(OverrideSchema),
    assignments: z.array(AssignmentSchema),
  })
  .meta({ id: "LearnerDetail" });
export type LearnerDetail = z.infer<typeof LearnerDetailSchema>;

export const ExportQuerySchema = z.strictObject({ names: z.enum(["pseudonymous", "named"]).default("pseudonymous") });
export const ExportParamsSchema = z.strictObject({ classId: IdSchema, kind: z.enum(["heatmap", "attempts", "gradebook"]) });

/** What a guardian sees of one learner: plain language, only what the learner and school share. */
export const GuardianProgressSchema = z
  .object({
    learner: Ref,
    weekStart: z.string(),
    sharesProgress: z.boolean(),
    courses: z.array(
      z.object({
        course: Ref,
        summary: z.string(),
        workingOn: z.array(Ref),
        masteredThisWeek: z.array(Ref),
        skillsMastered: z.number().int(),
        skillsTotal: z.number().int(),
        minutesThisWeek: z.number(),
        minutesLastWeek: z.number(),
        activeDaysThisWeek: z.number().int(),
        goals: z.array(z.object({ title: z.string(), status: z.enum(["ahead", "on-track", "behind"]), projectedCompletion: z.string(), targetDate: z.string() })),
      }),
    ),
    notes: z.array(NoteSchema),
  })
  .meta({ id: "GuardianProgress" });
export type GuardianProgress = z.infer<typeof GuardianProgressSchema>;
export const GuardianLearnerParamsSchema = z.strictObject({ learnerId: IdSchema });

export const SchoolReportSchema = z
  .object({
    learners: z.number().int(),
    activeThisWeek: z.number().int(),
    minutesThisWeek: z.number(),
    classes: z.array(
      z.object({ id: z.string(), name: z.string(), course: Ref.nullable(), learners: z.number().int(), activeThisWeek: z.number().int(), minutesThisWeek: z.number(), meanSkillsMastered: z.number(), attemptsThisWeek: z.number().int() }),
    ),
  })
  .meta({ id: "SchoolReport" });
