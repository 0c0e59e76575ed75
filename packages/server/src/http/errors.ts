import type { ErrorBody } from "@attune/contract";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";

/** A failure the client can act on. Services throw these; the app turns them into the error envelope. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found.`);
export const forbidden = (message = "You are not allowed to do this.") => new AppError(403, "forbidden", message);
export const conflict = (message: string) => new AppError(409, "conflict", message);
export const badRequest = (message: string, details?: { path: string; message: string }[]) =>
  new AppError(400, "invalid_request", message, details);

export function zodDetails(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    // Unknown keys carry their names in `keys`, not in the path: name them so the client sees which field.
    if (issue.code === "unrecognized_keys") {
      return { path: [path, ...issue.keys].filter(Boolean).join("."), message: `unknown field` };
    }
    return { path: path || "(body)", message: issue.message };
  });
}

export function errorBody(code: string, message: string, details?: { path: string; message: string }[]): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

export function errorResponse(c: Context, error: unknown, onUnexpected: (error: unknown) => void): Response {
  if (error instanceof AppError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return c.json(errorBody("payload_too_large", "The request body is larger than 1 MB."), 413);
    const message = /json/i.test(error.message) ? "The request body is not valid JSON." : error.message || "Bad request.";
    return c.json(errorBody(status === 400 ? "invalid_request" : "http_error", message), status as ContentfulStatusCode);
  }
  onUnexpected(error);
  return c.json(errorBody("internal", "Something went wrong on the server. It has been logged."), 500);
}
