// Turns one item's YAML data into an Item (also used for every template instance, whose problems then point
// at the template's fields). The `type` is dispatched by hand so an unknown type gets a "did you mean".
import { z } from "zod";
import type { AnswerSpec, Blank, Hint, Item, ItemType, Misconception } from "./course-model.ts";
import { ITEM_TYPES } from "./course-model.ts";
import { answerShapes, BLANK_TYPES, hintObjectSchema, itemCommonShape } from "./course-schemas.ts";
import { didYouMean, type Problem } from "./problems.ts";
import { parseWith } from "./schema-problems.ts";
import { problemAt, type SourceEntry } from "./yaml-source.ts";

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const itemSchemas = new Map<ItemType, z.ZodType<Raw>>();
function itemSchema(type: ItemType): z.ZodType<Raw> {
  let schema = itemSchemas.get(type);
  if (schema === undefined) {
    schema = z.strictObject({ ...itemCommonShape, ...answerShapes[type] }) as unknown as z.ZodType<Raw>;
    itemSchemas.set(type, schema);
  }
  return schema;
}

const answerSchemas = new Map<ItemType, z.ZodType<Raw>>();
function answerSchema(type: ItemType): z.ZodType<Raw> {
  let schema = answerSchemas.get(type);
  if (schema === undefined) {
    schema = z.strictObject({ type: z.string(), ...answerShapes[type] }) as unknown as z.ZodType<Raw>;
    answerSchemas.set(type, schema);
  }
  return schema;
}

/** Checks `raw.type` against the allowed types; reports and returns undefined when it is not one. */
function readType<T extends string>(raw: Raw, allowed: readonly T[], entry: SourceEntry, path: PropertyKey[], problems: Problem[]): T | undefined {
  const type = raw.type;
  if (typeof type === "string" && (allowed as readonly string[]).includes(type)) return type as T;
  if (type === undefined) {
    problems.push(problemAt(entry, path, `missing required field "type"`, { hint: `one of ${allowed.join(", ")}` }));
  } else {
    problems.push(
      problemAt(entry, [...path, "type"], `unknown type "${String(type)}"`, {
        hint: didYouMean(String(type), allowed) ?? `one of ${allowed.join(", ")}`,
      }),
    );
  }
  return undefined;
}

/** Converts validated YAML answer fields (snake_case) to the model's AnswerSpec. */
function toAnswerSpec(type: ItemType, data: Raw, entry: SourceEntry, path: PropertyKey[], problems: Problem[]): AnswerSpec | undefined {
  const misconceptions = (data.misconceptions as Misconception[] | undefined) ?? [];
  switch (type) {
    case "single-choice":
    case "multiple-select":
    case "ordering":
      return { type, choices: data.choices as never };
    case "numeric": {
      const units = [...(data.unit === undefined ? [] : [data.unit as string]), ...((data.units as string[] | undefined) ?? [])];
      return {
        type,
        answer: data.answer as string,
        ...(data.tolerance === undefined ? {} : { tolerance: data.tolerance as number }),
        units,
        form: data.form as never,
        misconceptions,
      };
    }
    case "expression":
      return { type, answer: data.answer as string, variables: data.variables as string[], form: data.form as never, misconceptions };
    case "short-text":
      return {
        type,
        answers: data.answers as string[],
        caseSensitive: data.case_sensitive as boolean,
        accents: data.accents as "strict" | "lenient",
        ...(data.pattern === undefined ? {} : { pattern: data.pattern as string }),
        misconceptions,
      };
    case "fill-in": {
      const blanks: Blank[] = [];
      (data.blanks as unknown[]).forEach((rawBlank, i) => {
        const blankPath = [...path, "blanks", i];
        if (!isRecord(rawBlank)) {
          problems.push(problemAt(entry, blankPath, "a blank is a mapping with id, type and the fields of that type"));
          return;
        }
        const blankType = readType(rawBlank, BLANK_TYPES, entry, blankPath, problems);
        if (blankType === undefined) return;
        const { id: blankId, ...rest } = rawBlank;
        if (typeof blankId !== "string" || blankId === "") {
          problems.push(problemAt(entry, blankPath, `missing required field "id"`));
          return;
        }
        const spec = parseAnswerSpec(rest, entry, blankPath, problems, BLANK_TYPES);
        if (spec === undefined || spec.type === "fill-in" || !("misconceptions" in spec)) return;
        const own = misconceptions.filter((m) => m.blank === blankId);
        blanks.push({ ...spec, id: blankId, misconceptions: [...spec.misconceptions, ...own] } as Blank);
      });
      return { type, blanks, misconceptions };
    }
  }
}

/** An answer spec on its own: a scaffold hint's `answer` or a fill-in blank. */
export function parseAnswerSpec(
  raw: Raw,
  entry: SourceEntry,
  path: PropertyKey[],
  problems: Problem[],
  allowed: readonly ItemType[] = ITEM_TYPES,
): AnswerSpec | undefined {
  const type = readType(raw, allowed, entry, path, problems);
  if (type === undefined) return undefined;
  const data = parseWith(answerSchema(type), raw, entry, path, problems);
  return data === undefined ? undefined : toAnswerSpec(type, data, entry, path, problems);
}

function toHints(raw: unknown[], entry: SourceEntry, problems: Problem[]): Hint[] {
  const hints: Hint[] = [];
  raw.forEach((h, i) => {
    if (typeof h === "string") {
      hints.push({ text: h });
      return;
    }
    const data = parseWith(hintObjectSchema, h, entry, ["hints", i], problems);
    if (data === undefined) return;
    const hint: Hint = { text: data.text, ...(data.title === undefined ? {} : { title: data.title }) };
    if (data.answer !== undefined) {
      const answer = parseAnswerSpec(data.answer, entry, ["hints", i, "answer"], problems);
      if (answer !== undefined) hint.answer = answer;
    }
    hints.push(hint);
  });
  return hints;
}

/** Parses one item; returns undefined (with problems) when it cannot be used at all. */
export function parseItem(raw: unknown, entry: SourceEntry, problems: Problem[]): Item | undefined {
  if (!isRecord(raw)) {
    problems.push(problemAt(entry, [], "an item is a mapping of fields (id, skills, type, prompt, ...)"));
    return undefined;
  }
  const type = readType(raw, ITEM_TYPES, entry, [], problems);
  if (type === undefined) return undefined;
  const before = problems.length;
  const data = parseWith(itemSchema(type), raw, entry, [], problems);
  if (data === undefined) return undefined;
  const spec = toAnswerSpec(type, data, entry, [], problems);
  if (spec === undefined || problems.length > before) return undefined;
  return {
    id: data.id as string,
    skills: data.skills as string[],
    prompt: data.prompt as string,
    hints: toHints(data.hints as unknown[], entry, problems),
    solution: (data.solution as string | undefined) ?? "",
    ...(data.difficulty === undefined ? {} : { difficulty: data.difficulty as number }),
    tags: data.tags as string[],
    ...spec,
  } as Item;
}
