// Runs a zod schema on YAML data and turns its issues into located problems with friendly messages.
import type { z } from "zod";
import { didYouMean, formatField, type Problem } from "./problems.ts";
import { problemAt, type SourceEntry } from "./yaml-source.ts";

/** Every field name of the format, for "did you mean" hints on unknown fields. */
export const KNOWN_FIELDS = [
  "id", "title", "description", "language", "level", "license", "authors", "mastery_threshold", "units", "skills",
  "name", "prerequisites", "tags", "bkt", "prior", "learn", "guess", "slip", "minutes", "variants", "type", "steps",
  "url", "captions", "transcript", "items", "text", "prompt", "choices", "correct", "feedback", "hints", "solution",
  "difficulty", "answer", "answers", "tolerance", "unit", "form", "variables", "case_sensitive", "accents", "pattern",
  "blanks", "misconceptions", "match", "blank", "count", "params", "min", "max", "values", "where", "let",
  "templates", "brief", "deliverables", "rubric", "criterion", "levels", "score", "descriptor",
];

function describeExpected(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    const expected = String(issue.expected);
    return expected === "array" ? "a list" : expected === "object" ? "a mapping of fields" : `a ${expected}`;
  }
  return "";
}

export function issueToProblems(issue: z.core.$ZodIssue, entry: SourceEntry, base: readonly PropertyKey[], input: unknown): Problem[] {
  const path = [...base, ...issue.path];
  const field = formatField(issue.path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        const hint = didYouMean(key, KNOWN_FIELDS.filter((k) => k !== key));
        return problemAt(entry, [...path, key], `unknown field "${key}"`, { key: true, ...(hint === undefined ? {} : { hint }) });
      });
    case "invalid_type": {
      const value = valueAt(input, issue.path);
      if (value === undefined) {
        return [problemAt(entry, path, `missing required field "${String(issue.path[issue.path.length - 1] ?? "")}"`, { hint: `add ${field}: ...` })];
      }
      return [problemAt(entry, path, `"${field}" should be ${describeExpected(issue)}`)];
    }
    case "invalid_value":
      return [problemAt(entry, path, `"${field}" must be one of ${issue.values.map((v) => String(v)).join(", ")}`, {
        ...(typeof valueAt(input, issue.path) === "string"
          ? { hint: didYouMean(String(valueAt(input, issue.path)), issue.values.map(String)) ?? "check the spelling" }
          : {}),
      })];
    case "too_small":
      if (issue.origin === "array") {
        return [problemAt(entry, path, `"${field}" needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? "y" : "ies"}`)];
      }
      return [problemAt(entry, path, `"${field}" is too small: ${issue.message}`)];
    default:
      return [problemAt(entry, path, field === "" ? issue.message : `"${field}": ${issue.message}`)];
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** Parses `input` with `schema`; problems are located relative to `base` inside `entry`. */
export function parseWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  entry: SourceEntry,
  base: readonly PropertyKey[],
  problems: Problem[],
): T | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(...issueToProblems(issue, entry, base, input));
  return undefined;
}
