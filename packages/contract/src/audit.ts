import { z } from "zod";
import { IdSchema, PageQuerySchema, pageOf } from "./common.ts";

export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string().nullable(),
    action: z.string(),
    learnerId: z.string().nullable(),
    learnerName: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditQuerySchema = PageQuerySchema.extend({
  learnerId: IdSchema.optional(),
  actorId: IdSchema.optional(),
  action: z.string().max(64).regex(/^[a-z.-]+$/).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
export const AuditPageSchema = pageOf(AuditEventSchema).meta({ id: "AuditPage" });
