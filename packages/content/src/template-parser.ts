// An item template's own fields (id, skills, type, count, params, where, let) are checked here; the remaining
// item fields stay as written and are checked on every instance after `[[expr]]` interpolation.
import { z } from "zod";
import type { ItemTemplate, ItemType } from "./course-model.ts";
import { ITEM_TYPES } from "./course-model.ts";
import { answerShapes, id, itemCommonShape, templateOwnShape } from "./course-schemas.ts";
import { didYouMean, type Problem } from "./problems.ts";
import { KNOWN_FIELDS, parseWith } from "./schema-problems.ts";
import { problemAt, type SourceEntry } from "./yaml-source.ts";

const templateSchema = z.object({
  id,
  skills: z.array(id).min(1, { error: "a template practises at least one skill" }),
  type: z.string(),
  ...templateOwnShape,
});

const TEMPLATE_ONLY = new Set(["id", "skills", "count", "params", "where", "let"]);

export function parseTemplate(raw: unknown, entry: SourceEntry, problems: Problem[]): ItemTemplate | undefined {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problems.push(problemAt(entry, [], "a template is a mapping of fields (id, skills, type, count, params, ...)"));
    return undefined;
  }
  const record = raw as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== "string" || !(ITEM_TYPES as readonly string[]).includes(type)) {
    problems.push(
      problemAt(entry, type === undefined ? [] : ["type"], type === undefined ? `missing required field "type"` : `unknown type "${String(type)}"`, {
        hint: (typeof type === "string" ? didYouMean(type, ITEM_TYPES) : undefined) ?? `one of ${ITEM_TYPES.join(", ")}`,
      }),
    );
    return undefined;
  }
  const allowed = new Set([...Object.keys(itemCommonShape), ...Object.keys(answerShapes[type as ItemType]), ...TEMPLATE_ONLY]);
  const before = problems.length;
  for (const key of Object.keys(record)) {
    if (allowed.has(key)) continue;
    const hint = didYouMean(key, [...allowed].filter((k) => KNOWN_FIELDS.includes(k)));
    problems.push(problemAt(entry, [key], `unknown field "${key}"`, { key: true, ...(hint === undefined ? {} : { hint }) }));
  }
  const data = parseWith(templateSchema, record, entry, [], problems);
  if (data === undefined || problems.length > before) return undefined;
  const paramNames = Object.keys(data.params);
  for (const name of paramNames) {
    const p = data.params[name]!;
    if ("min" in p && p.min > p.max) problems.push(problemAt(entry, ["params", name], `param "${name}" has min greater than max`));
  }
  const body = Object.fromEntries(Object.entries(record).filter(([key]) => !TEMPLATE_ONLY.has(key)));
  return {
    id: data.id,
    skills: data.skills,
    type: type as ItemType,
    count: data.count,
    params: data.params,
    where: data.where,
    let: data.let,
    body,
  };
}
