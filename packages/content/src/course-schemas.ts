// zod schemas of the course files, as written in YAML (snake_case keys). Objects are strict so that unknown
// fields are reported (with a "did you mean"); discriminated types (items, variants, blanks) are dispatched by
// hand in the parser so an unknown `type` gets a precise message too.
import { z } from "zod";

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const id = z.string().regex(ID_PATTERN, { error: "ids are lowercase kebab-case, like add-unlike-denominators" });
/** Markdown text; YAML may read `3/4` as a string but `12` or `0.5` as numbers, so numbers are accepted. */
export const text = z.union([z.string(), z.number()]).transform(String);
const ids = z.array(id);
/** Choice ids are local to an item (`a`, `b`, `1`), so any short string or number will do. */
const choiceId = z.union([z.string().min(1), z.number()]).transform(String);

export const courseSchema = z.strictObject({
  id,
  title: text,
  description: text.default(""),
  language: z.string().default("en"),
  level: text.optional(),
  license: z.string().optional(),
  authors: z.array(text).default([]),
  mastery_threshold: z.number().min(0).max(1).default(0.95),
  units: z.array(z.strictObject({ id, title: text, skills: ids })).default([]),
});

export const skillSchema = z.strictObject({
  id,
  name: text,
  description: text.optional(),
  prerequisites: ids.default([]),
  tags: z.array(text).default([]),
  mastery_threshold: z.number().min(0).max(1).optional(),
  bkt: z
    .strictObject({ prior: z.number().min(0).max(1), learn: z.number().min(0).max(1), guess: z.number().min(0).max(1), slip: z.number().min(0).max(1) })
    .optional(),
});

// ---- lessons ---------------------------------------------------------------------------------

export const lessonFrontMatterShape = {
  id,
  title: text,
  skills: ids.default([]),
  minutes: z.number().positive(),
  variants: z.array(z.unknown()).default([]),
};
export const lessonFrontMatterSchema = z.strictObject(lessonFrontMatterShape);

const variantTitle = { title: text.optional() };
export const variantSchemas = {
  text: z.strictObject({ type: z.literal("text"), ...variantTitle, text }),
  "worked-example": z.strictObject({ type: z.literal("worked-example"), ...variantTitle, steps: z.array(text).min(1) }),
  video: z.strictObject({ type: z.literal("video"), ...variantTitle, url: z.string().optional(), captions: z.string().optional(), transcript: text.optional() }),
  audio: z.strictObject({ type: z.literal("audio"), ...variantTitle, url: z.string().optional(), transcript: text.optional() }),
  interactive: z.strictObject({ type: z.literal("interactive"), ...variantTitle, items: z.array(z.string()).min(1) }),
} as const;

// ---- items -----------------------------------------------------------------------------------

export const choiceSchema = z.strictObject({ id: choiceId, text, correct: z.boolean().optional(), feedback: text.optional() });
export const misconceptionSchema = z.strictObject({ id: id.optional(), blank: z.string().optional(), match: text, feedback: text });
const misconceptions = z.array(misconceptionSchema).default([]);

export const numericShape = {
  answer: text,
  tolerance: z.number().nonnegative().optional(),
  unit: z.string().optional(),
  units: z.array(z.string()).optional(),
  form: z.enum(["any", "lowest-terms", "mixed-number", "improper-fraction", "decimal"]).default("any"),
  misconceptions,
};
export const expressionShape = {
  answer: text,
  variables: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/)).default([]),
  form: z.enum(["any", "factored", "expanded", "simplified"]).default("any"),
  misconceptions,
};
export const shortTextShape = {
  answers: z.array(text).min(1),
  case_sensitive: z.boolean().default(false),
  accents: z.enum(["strict", "lenient"]).default("lenient"),
  pattern: z
    .string()
    .refine((p) => {
      try {
        new RegExp(p, "u");
        return true;
      } catch {
        return false;
      }
    }, { error: "not a valid regular expression" })
    .optional(),
  misconceptions,
};
export const choicesShape = { choices: z.array(choiceSchema).min(2) };
export const orderingShape = { choices: z.array(choiceSchema.omit({ correct: true, feedback: true })).min(2) };
export const fillInShape = { blanks: z.array(z.unknown()).min(1), misconceptions };

export const answerShapes = {
  "single-choice": choicesShape,
  "multiple-select": choicesShape,
  numeric: numericShape,
  expression: expressionShape,
  "short-text": shortTextShape,
  ordering: orderingShape,
  "fill-in": fillInShape,
} as const;

export const BLANK_TYPES = ["numeric", "expression", "short-text"] as const;

export const hintObjectSchema = z.strictObject({ text, title: text.optional(), answer: z.record(z.string(), z.unknown()).optional() });

export const itemCommonShape = {
  id,
  skills: ids.min(1, { error: "an item practises at least one skill" }),
  type: z.string(),
  prompt: text,
  hints: z.array(z.union([text, z.record(z.string(), z.unknown())])).default([]),
  solution: text.optional(),
  difficulty: z.number().min(-6).max(6).optional(),
  tags: z.array(text).default([]),
};

const paramSchema = z.union([
  z.strictObject({ min: z.number().int(), max: z.number().int() }),
  z.strictObject({ values: z.array(z.number()).min(1) }),
]);

export const templateOwnShape = {
  count: z.number().int().positive(),
  params: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), paramSchema),
  where: z.array(z.string()).default([]),
  let: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.union([z.string(), z.number()]).transform(String)).default({}),
};

export const projectSchema = z.strictObject({
  id,
  title: text,
  skills: ids.default([]),
  brief: text,
  deliverables: z.array(text).default([]),
  rubric: z
    .array(
      z.strictObject({
        criterion: text,
        skills: ids.default([]),
        levels: z.array(z.strictObject({ score: z.number(), descriptor: text })).min(1),
      }),
    )
    .default([]),
});
