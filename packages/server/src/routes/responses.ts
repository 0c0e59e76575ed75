import { ErrorBodySchema } from "@attune/contract";
import type { z } from "zod";

const errorContent = { "application/json": { schema: ErrorBodySchema } };

/** The success response plus the error responses every protected route can give. */
export function responses<T extends z.ZodType>(schema: T, description: string, status: 200 | 201 = 200) {
  return {
    [status]: { content: { "application/json": { schema } }, description },
    400: { content: errorContent, description: "Invalid input; `details` names each field" },
    401: { content: errorContent, description: "Not signed in" },
    403: { content: errorContent, description: "Signed in, but this role may not do this" },
    404: { content: errorContent, description: "Not found in your school" },
  } as const;
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { "application/json": { schema } }, required: true } };
}
