// Expands item templates into items, deterministically: parameter combinations are visited in an order
// shuffled by a PRNG seeded with the course id and template id, and each instance's id is derived from its
// parameter values, so re-importing a course yields the same items with the same ids.
// Every expression (where, let, [[...]]) is compiled once per template, then evaluated per combination.
import type { EvalFunction } from "mathjs";
import type { Course, Item, ItemTemplate, TemplateParam } from "./course-model.ts";
import { parseItem } from "./item-parser.ts";
import type { Problem } from "./problems.ts";
import { seededRandom } from "./seeded-random.ts";
import { compileTemplateExpression, formatTemplateValue } from "./template-math.ts";
import { problemAt, type CourseSources, type SourceEntry } from "./yaml-source.ts";
import { LineCounter } from "yaml";

/** Combinations tried per template at least (more when count is large), before giving up on finding count. */
const MAX_VISITS = 200_000;

type Scope = Map<string, unknown>;

/** Whether a `where` constraint holds; one that fails to evaluate after a failed `let` counts as not holding. */
function passes(fn: EvalFunction, scope: Scope, afterLetError: boolean): boolean {
  try {
    return fn.evaluate(scope) === true;
  } catch (error) {
    if (afterLetError) return false;
    throw error;
  }
}
type Renderer = (scope: Scope) => unknown;

export interface TemplateExpansion {
  template: ItemTemplate;
  items: Item[];
  /** Instances dropped because they repeat another's prompt and answer. */
  duplicates: number;
  problems: Problem[];
}

function paramValues(param: TemplateParam): number[] {
  if ("values" in param) return param.values;
  const values: number[] = [];
  for (let v = param.min; v <= param.max; v++) values.push(v);
  return values;
}

/**
 * `[[expr]]`, but not a fill-in blank marker `[[blank:b1]]`, which is item text. In `[[[expr]]]` the placeholder
 * is the inner one (`\sqrt[[[n]]]{x}` is an n-th root with n interpolated).
 */
const PLACEHOLDER = /\[\[(?!\[)(?!blank:)([\s\S]+?)\]\]/g;

/** Compiles the `[[expr]]` placeholders of every string in the template body into a renderer. */
function compileBody(value: unknown, path: PropertyKey[], entry: SourceEntry, problems: Problem[]): Renderer {
  if (typeof value === "string") {
    const parts: (string | EvalFunction)[] = [];
    let last = 0;
    for (const match of value.matchAll(PLACEHOLDER)) {
      parts.push(value.slice(last, match.index));
      try {
        parts.push(compileTemplateExpression(match[1]!));
      } catch (error) {
        problems.push(problemAt(entry, path, `cannot read [[${match[1]}]]: ${(error as Error).message}`));
        parts.push("");
      }
      last = match.index + match[0].length;
    }
    if (parts.length === 0) return () => value;
    parts.push(value.slice(last));
    // A field that is exactly one placeholder keeps the value's type (`correct: "[[a > b]]"` gives a boolean).
    if (parts.length === 3 && parts[0] === "" && parts[2] === "" && typeof parts[1] !== "string") {
      const fn = parts[1]!;
      return (scope) => {
        const v: unknown = fn.evaluate(scope);
        return typeof v === "boolean" ? v : formatTemplateValue(v);
      };
    }
    return (scope) => parts.map((p) => (typeof p === "string" ? p : formatTemplateValue(p.evaluate(scope)))).join("");
  }
  if (Array.isArray(value)) {
    const items = value.map((v, i) => compileBody(v, [...path, i], entry, problems));
    return (scope) => items.map((render) => render(scope));
  }
  if (value !== null && typeof value === "object") {
    const fields = Object.entries(value).map(([k, v]) => [k, compileBody(v, [...path, k], entry, problems)] as const);
    return (scope) => Object.fromEntries(fields.map(([k, render]) => [k, render(scope)]));
  }
  return () => value;
}

/** `add-unlike~a1-b2-c1-d3-who0`; a minus sign is written `m` and a decimal point `p` to keep ids URL-safe. */
export function instanceId(templateId: string, params: Record<string, number>): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}${String(v).replace(/-/g, "m").replace(/\./g, "p")}`);
  return `${templateId}~${parts.join("-")}`;
}

const emptyEntry: SourceEntry = { file: "items", node: null, lineCounter: new LineCounter(), lineOffset: 0 };

export function expandTemplate(template: ItemTemplate, courseId: string, entry: SourceEntry = emptyEntry): TemplateExpansion {
  const problems: Problem[] = [];
  const names = Object.keys(template.params);
  const values = names.map((n) => paramValues(template.params[n]!));
  const compile = (expression: string, path: PropertyKey[]): EvalFunction | undefined => {
    try {
      return compileTemplateExpression(expression);
    } catch (error) {
      problems.push(problemAt(entry, path, `cannot read "${expression}": ${(error as Error).message}`));
      return undefined;
    }
  };
  const where = template.where.map((w, i) => compile(w, ["where", i]));
  const lets = Object.entries(template.let).map(([name, expr]) => [name, compile(expr, ["let", name])] as const);
  const render = compileBody(template.body, [], entry, problems);
  if (problems.length > 0) return { template, items: [], duplicates: 0, problems };

  const total = values.reduce((n, v) => n * v.length, 1);
  const random = seededRandom(`${courseId}/${template.id}`);
  const combos = combinationOrder(total, random, Math.max(template.count * 1000, MAX_VISITS));
  const items: Item[] = [];
  const scope: Scope = new Map();
  const seen = new Set<string>();
  let duplicates = 0;
  let invalid = 0;
  for (const index of combos) {
    if (items.length >= template.count) break;
    const params: Record<string, number> = {};
    let rest = index;
    names.forEach((name, i) => {
      const options = values[i]!;
      params[name] = options[rest % options.length]!;
      rest = Math.floor(rest / options.length);
    });
    // One Map reused as the scope: mathjs wraps plain-object scopes in a new Map on every evaluate.
    scope.clear();
    for (const name of names) scope.set(name, params[name]);
    let raw: unknown;
    try {
      // A let may fail for combinations that `where` rules out (frac(a, b - d) when b == d): that is not an error.
      let letError: unknown;
      for (const [name, fn] of lets) {
        try {
          scope.set(name, fn!.evaluate(scope));
        } catch (error) {
          letError ??= error;
        }
      }
      if (!where.every((fn) => passes(fn!, scope, letError !== undefined))) continue;
      if (letError !== undefined) throw letError;
      raw = render(scope);
    } catch (error) {
      invalid++;
      if (invalid <= 3) problems.push(problemAt(entry, [], `instance ${instanceId(template.id, params)}: ${(error as Error).message}`));
      continue;
    }
    const instanceProblems: Problem[] = [];
    const item = parseItem({ ...(raw as object), id: template.id, skills: template.skills }, entry, instanceProblems);
    if (item === undefined) {
      invalid++;
      if (invalid <= 3) for (const p of instanceProblems) problems.push({ ...p, message: `instance ${instanceId(template.id, params)}: ${p.message}` });
      continue;
    }
    const signature = `${item.prompt}\u0000${JSON.stringify(answerOf(item))}`;
    if (seen.has(signature)) {
      duplicates++;
      continue;
    }
    seen.add(signature);
    items.push({ ...item, id: instanceId(template.id, params), template: { id: template.id, params } });
  }
  if (invalid > 3) problems.push(problemAt(entry, [], `${invalid} instances of template "${template.id}" are invalid (first 3 shown)`));
  return { template, items, duplicates, problems };
}

/** The answer part of an item, to detect instances that repeat another's prompt and answer. */
function answerOf(item: Item): unknown {
  const { id: _id, prompt: _prompt, hints: _hints, solution: _solution, template: _template, ...answer } = item;
  return answer;
}

/**
 * Combination indexes in a seeded random order: a lazy Fisher-Yates shuffle (only the swapped positions are
 * stored), so a template with millions of combinations costs only the combinations actually visited.
 * At most `limit` combinations are visited, so over-constrained templates end with a warning, not a hang.
 */
function* combinationOrder(total: number, random: () => number, limit: number): Generator<number> {
  const swapped = new Map<number, number>();
  const visits = Math.min(total, limit);
  for (let i = 0; i < visits; i++) {
    const j = i + Math.floor(random() * (total - i));
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    yield atJ;
  }
}

/** Expands every template of a course (seed: the course id). Problems are located at the templates' fields. */
export function expandTemplates(course: Course, sources?: CourseSources): { items: Item[]; expansions: TemplateExpansion[]; problems: Problem[] } {
  const expansions = course.templates.map((t) => expandTemplate(t, course.id, sources?.entry(t)));
  return { items: expansions.flatMap((e) => e.items), expansions, problems: expansions.flatMap((e) => e.problems) };
}
