import { z } from "zod";

/** Limits every string a client can send, so no field can be used to push megabytes into a row. */
export const MAX_NAME = 120;
export const MAX_TEXT = 2000;

export const IdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "must be an id (letters, digits, - and _)");
export const NameSchema = z.string().trim().min(1).max(MAX_NAME);
export const EmailSchema = z.email().max(254).transform((e) => e.toLowerCase());
export const RoleSchema = z.enum(["admin", "teacher", "learner", "guardian"]);
export type Role = z.infer<typeof RoleSchema>;

export const PageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
