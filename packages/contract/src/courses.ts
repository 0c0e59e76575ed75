import { z } from "zod";

export const CourseSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    language: z.string(),
    level: z.string().nullable(),
    license: z.string().nullable(),
    skillCount: z.number().int(),
    lessonCount: z.number().int(),
    itemCount: z.number().int(),
  })
  .meta({ id: "CourseSummary" });
export type CourseSummary = z.infer<typeof CourseSummarySchema>;
export const CourseListSchema = z.object({ items: z.array(CourseSummarySchema) }).meta({ id: "CourseList" });
