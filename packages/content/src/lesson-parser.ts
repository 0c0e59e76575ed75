// A lesson file: YAML front matter between `---` lines, then the Markdown body (the `text` variant).
// The front matter is parsed on its own, with line numbers shifted by the opening `---` line.
import type { z } from "zod";
import { isMap, isSeq, type Node } from "yaml";
import type { Lesson, LessonVariant } from "./course-model.ts";
import { lessonFrontMatterSchema, variantSchemas } from "./course-schemas.ts";
import { didYouMean, type Problem } from "./problems.ts";
import { parseWith } from "./schema-problems.ts";
import { entryFor, parseYaml, problemAt, type CourseSources } from "./yaml-source.ts";

const VARIANT_TYPES = Object.keys(variantSchemas) as (keyof typeof variantSchemas)[];

export function splitFrontMatter(text: string): { frontMatter: string; body: string; bodyLine: number } | undefined {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return undefined;
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (end < 0) return undefined;
  return { frontMatter: lines.slice(1, end).join("\n"), body: lines.slice(end + 1).join("\n").trim(), bodyLine: end + 2 };
}

export function parseLesson(file: string, text: string, sources: CourseSources, problems: Problem[]): Lesson | undefined {
  const parts = splitFrontMatter(text);
  if (parts === undefined) {
    problems.push({
      file, line: 1, column: 1, field: "", severity: "error",
      message: "a lesson starts with YAML front matter between two --- lines",
      hint: "begin the file with ---, then id, title, skills, minutes, variants, then ---",
    });
    return undefined;
  }
  // The front matter starts on line 2 (after the opening ---).
  const yaml = parseYaml(file, parts.frontMatter, 1);
  problems.push(...yaml.problems);
  const entry = entryFor(yaml, null);
  const data = parseWith(lessonFrontMatterSchema, yaml.doc.toJS() ?? {}, entry, [], problems);
  if (data === undefined) return undefined;
  const variantNodes = isMap(yaml.doc.contents) ? yaml.doc.contents.get("variants", true) : undefined;
  const variants: LessonVariant[] = [];
  if (parts.body !== "") {
    const bodyVariant: LessonVariant = { type: "text", text: parts.body };
    sources.set(bodyVariant, { ...entry, node: null, lineOffset: parts.bodyLine - 1 });
    variants.push(bodyVariant);
  }
  data.variants.forEach((raw, i) => {
    const node = isSeq(variantNodes) ? (variantNodes.items[i] as Node | undefined) : undefined;
    const variantEntry = entryFor(yaml, node);
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== "string" || !(VARIANT_TYPES as string[]).includes(type)) {
      problems.push(
        problemAt(variantEntry, type === undefined ? [] : ["type"], type === undefined ? `a variant needs a type` : `unknown variant type "${String(type)}"`, {
          hint: (typeof type === "string" ? didYouMean(type, VARIANT_TYPES) : undefined) ?? `one of ${VARIANT_TYPES.join(", ")}`,
        }),
      );
      return;
    }
    const schema = variantSchemas[type as keyof typeof variantSchemas] as unknown as z.ZodType<LessonVariant>;
    const variant = parseWith(schema, raw, variantEntry, [], problems);
    if (variant === undefined) return;
    sources.set(variant, variantEntry);
    variants.push(variant);
  });
  const lesson: Lesson = { id: data.id, title: data.title, skills: data.skills, minutes: data.minutes, body: parts.body, variants };
  sources.set(lesson, entry);
  return lesson;
}
