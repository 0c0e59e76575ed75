// YAML documents with positions: every parsed entity remembers its YAML node so that any later problem
// (from the parser or the validator) can point at the exact line and column of a field.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { formatField, type Problem } from "./problems.ts";

export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

/** A YAML node of one entity (a skill, an item, a lesson's front matter...) in its file. */
export interface SourceEntry {
  file: string;
  node: Node | null;
  lineCounter: LineCounter;
  /** Lines before the YAML text in its file (the `---` opening a lesson's front matter). */
  lineOffset: number;
}

export interface YamlFile {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  lineOffset: number;
  problems: Problem[];
}

export function parseYaml(file: string, text: string, lineOffset = 0): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const [list, severity] of [[doc.errors, "error"], [doc.warnings, "warning"]] as const) {
    for (const error of list) {
      const pos = lineCounter.linePos(error.pos[0]);
      problems.push({
        file,
        line: pos.line + lineOffset,
        column: pos.col,
        field: "",
        message: `YAML: ${error.message.split("\n")[0]}`,
        hint: error.code === "DUPLICATE_KEY" ? "each field may appear once" : "check indentation and quoting",
        severity,
      });
    }
  }
  return { file, doc, lineCounter, lineOffset, problems };
}

export function entryFor(yaml: YamlFile, node: Node | null | undefined): SourceEntry {
  return { file: yaml.file, node: node ?? (yaml.doc.contents as Node | null), lineCounter: yaml.lineCounter, lineOffset: yaml.lineOffset };
}

/** The child of a map (value, or key when `key` is set) or of a sequence. */
export function childNode(node: Node | null | undefined, part: PropertyKey, key = false): Node | undefined {
  if (node === null || node === undefined) return undefined;
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
    if (pair === undefined) return undefined;
    return (key ? pair.key : (pair.value ?? pair.key)) as Node | undefined;
  }
  if (isSeq(node) && typeof part === "number") return node.items[part] as Node | undefined;
  return undefined;
}

/**
 * Where a field is. Walks the path as far as it exists in the YAML, so a missing field points at its parent.
 * With `key`, points at the field's name rather than its value (for unknown fields).
 */
export function locate(entry: SourceEntry, path: readonly PropertyKey[] = [], key = false): SourcePos {
  let node: Node | null | undefined = entry.node;
  for (let i = 0; i < path.length; i++) {
    const next = childNode(node, path[i]!, key && i === path.length - 1);
    if (next === undefined) break;
    node = next;
  }
  const offset = node?.range?.[0] ?? 0;
  const pos = entry.lineCounter.linePos(offset);
  // An entity without YAML (built in code, or imported from JSON) points at the start of its file.
  return { file: entry.file, line: Math.max(1, pos.line) + entry.lineOffset, column: Math.max(1, pos.col) };
}

/** A problem located at a field of an entity. */
export function problemAt(
  entry: SourceEntry,
  path: readonly PropertyKey[],
  message: string,
  options: { hint?: string; severity?: "error" | "warning"; key?: boolean } = {},
): Problem {
  const pos = locate(entry, path, options.key ?? false);
  return {
    ...pos,
    field: formatField(path),
    message,
    ...(options.hint === undefined ? {} : { hint: options.hint }),
    severity: options.severity ?? "error",
  };
}

/** Remembers which YAML node each parsed model object came from (objects, not ids: ids may be duplicated). */
export class CourseSources {
  private readonly entries = new WeakMap<object, SourceEntry>();
  private readonly fallback: SourceEntry;

  constructor(fallbackFile = "course.yaml") {
    this.fallback = { file: fallbackFile, node: null, lineCounter: new LineCounter(), lineOffset: 0 };
  }

  set(object: object, entry: SourceEntry): void {
    this.entries.set(object, entry);
  }

  entry(object: object): SourceEntry {
    return this.entries.get(object) ?? this.fallback;
  }

  problem(
    object: object,
    path: readonly PropertyKey[],
    message: string,
    options: { hint?: string; severity?: "error" | "warning"; key?: boolean } = {},
  ): Problem {
    return problemAt(this.entry(object), path, message, options);
  }
}
