import { z } from "zod";
import { IdSchema, NameSchema } from "./common.ts";

export const ClassSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    subject: z.string().nullable(),
    learnerCount: z.number().int(),
    course: z.object({ id: z.string(), title: z.string() }).nullable(),
    teachers: z.array(z.object({ id: z.string(), name: z.string() })),
    archived: z.boolean(),
  })
  .meta({ id: "ClassSummary" });
export type ClassSummary = z.infer<typeof ClassSummarySchema>;

export const ClassDetailSchema = ClassSummarySchema.extend({
  learners: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), active: z.boolean() })),
}).meta({ id: "ClassDetail" });
export type ClassDetail = z.infer<typeof ClassDetailSchema>;

export const ClassListSchema = z.object({ items: z.array(ClassSummarySchema) }).meta({ id: "ClassList" });

export const CreateClassInputSchema = z.strictObject({
  name: NameSchema,
  subject: z.string().trim().min(1).max(120).optional(),
  teacherIds: z.array(IdSchema).max(20).optional(),
  courseId: IdSchema.optional(),
});
export type CreateClassInput = z.infer<typeof CreateClassInputSchema>;

export const UpdateClassInputSchema = z
  .strictObject({
    name: NameSchema.optional(),
    subject: z.string().trim().min(1).max(120).nullable().optional(),
    archived: z.boolean().optional(),
    courseId: IdSchema.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateClassInput = z.infer<typeof UpdateClassInputSchema>;

export const ClassParamsSchema = z.strictObject({ classId: IdSchema });
export const ClassTeacherParamsSchema = z.strictObject({ classId: IdSchema, teacherId: IdSchema });
export const ClassLearnerParamsSchema = z.strictObject({ classId: IdSchema, learnerId: IdSchema });
export const AddTeacherInputSchema = z.strictObject({ teacherId: IdSchema });
export const EnrolInputSchema = z.strictObject({ learnerIds: z.array(IdSchema).min(1).max(500) });

export const ClassMasterySchema = z
  .object({
    classId: z.string(),
    course: z.object({ id: z.string(), title: z.string() }).nullable(),
    skills: z.array(z.object({ id: z.string(), name: z.string() })),
    /** The course's units with their skills, for showing one unit at a time. */
    units: z.array(z.object({ id: z.string(), title: z.string(), skillIds: z.array(z.string()) })),
    learners: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        /** One cell per skill, in the order of `skills`. */
        cells: z.array(z.object({ mastery: z.number().nullable(), status: z.enum(["mastered", "review-due", "in-progress", "not-started"]), attempts: z.number().int() })),
      }),
    ),
  })
  .meta({ id: "ClassMastery" });
export type ClassMastery = z.infer<typeof ClassMasterySchema>;
