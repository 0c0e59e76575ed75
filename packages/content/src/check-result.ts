// The shape every checker returns, and the learner's response.

/**
 * What a learner submitted: a choice id or typed text (string), a selection or an order of choice ids
 * (string[]), or the text of each blank of a fill-in item (record by blank id, or an array in blank order).
 */
export type AnswerResponse = string | readonly string[] | Readonly<Record<string, string>>;

export interface CheckResult {
  correct: boolean;
  /** Feedback to show: a misconception's or a wrong choice's feedback, or why the input could not be read. */
  feedback?: string;
  /** Set when the response matched a known misconception (or a wrong choice with feedback). */
  misconceptionId?: string;
  /**
   * A note about the written form: why an equivalent answer is not accepted ("equivalent, but the question asks
   * for lowest terms"), or a remark on an accepted one ("check the accents: café").
   */
  formNote?: string;
  /** The response in canonical form, for logs and analytics (`3/4`, `2 * (x + 3)`, `b,a,c`). */
  normalized: string;
  /** Fill-in items: the result of each blank. */
  blanks?: Record<string, CheckResult>;
}

/** Raised when an item itself is broken (its answer cannot be read); never for a learner's input. */
export class InvalidItemError extends Error {}

export function responseText(response: AnswerResponse): string | undefined {
  if (typeof response === "string") return response;
  if (Array.isArray(response) && response.length === 1 && typeof response[0] === "string") return response[0];
  return undefined;
}

export function responseList(response: AnswerResponse): string[] | undefined {
  if (typeof response === "string") {
    return response
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  }
  if (Array.isArray(response)) return response.filter((s): s is string => typeof s === "string");
  return undefined;
}
