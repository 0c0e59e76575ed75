import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCourse } from "./course-parser.ts";
import { readCourseDir, readCourseFiles } from "./course-reader.ts";
import { validateCourse } from "./course-validator.ts";
import { formatProblem, type Problem } from "./problems.ts";

const FIXTURE = fileURLToPath(new URL("../fixtures/mini-course", import.meta.url));
let files: Map<string, string>;

beforeAll(async () => {
  files = await readCourseFiles(FIXTURE);
});

/** The fixture with one file edited; fails loudly if the text to replace is not there. */
function edited(file: string, from: string, to: string): Map<string, string> {
  const text = files.get(file);
  if (text === undefined || !text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  return new Map(files).set(file, text.replace(from, to));
}

function allProblems(input: Map<string, string>): Problem[] {
  const parsed = parseCourse(input);
  return [...parsed.problems, ...validateCourse(parsed.course, parsed.sources).problems];
}

/** Line (1-based) of the first occurrence of `needle` in a fixture file, and its column. */
function positionOf(input: Map<string, string>, file: string, needle: string): { line: number; column: number } {
  const lines = input.get(file)!.split("\n");
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
}

describe("a valid course", () => {
  it("reads the folder with no problems and expands its templates", async () => {
    const { course, problems, sources } = await readCourseDir(FIXTURE);
    expect(problems).toEqual([]);
    const validation = validateCourse(course, sources);
    expect(validation.problems.map(formatProblem)).toEqual([]);
    expect(course.skills.map((s) => s.id)).toEqual(["fraction-meaning", "add-like-denominators", "add-unlike-denominators"]);
    expect(course.lessons[0]!.variants.map((v) => v.type)).toEqual(["text", "worked-example", "video", "interactive"]);
    expect(validation.itemCount).toBe(5);
    expect(validation.expandedItemCount).toBe(20);
    expect(course.mediaFiles).toContain("media/adding.vtt");
  });
});

describe("problems point at the exact line and column", () => {
  it("reports an unknown field with a did-you-mean hint", () => {
    const input = edited("items/adding.yaml", "    solution: 1 of 4", "    soluton: 1 of 4");
    const problem = allProblems(input).find((p) => p.message.includes("unknown field"));
    expect(problem).toMatchObject({ file: "items/adding.yaml", ...positionOf(input, "items/adding.yaml", "soluton"), hint: 'did you mean "solution"?' });
  });

  it("reports an unknown skill reference where it is written", () => {
    const input = edited("items/adding.yaml", "skills: [fraction-meaning]\n    type: single-choice", "skills: [fraction-meanings]\n    type: single-choice");
    const problem = allProblems(input).find((p) => p.message.includes("unknown skill"))!;
    expect(problem).toMatchObject({ ...positionOf(input, "items/adding.yaml", "fraction-meanings"), field: "skills[0]", hint: 'did you mean "fraction-meaning"?' });
  });

  it("offsets lesson front matter lines by the opening ---", () => {
    const input = edited("lessons/adding-like.md", "minutes: 5", "minutes: 12");
    const problem = allProblems(input).find((p) => p.message.includes("minutes"))!;
    expect(problem).toMatchObject({ file: "lessons/adding-like.md", ...positionOf(input, "lessons/adding-like.md", "12") });
  });

  it("locates YAML syntax errors", () => {
    const input = new Map(files).set("skills.yaml", "skills:\n  - id: a\n    name: [unclosed\n");
    const problem = allProblems(input).find((p) => p.message.startsWith("YAML"));
    expect(problem?.file).toBe("skills.yaml");
    expect(problem?.line).toBeGreaterThanOrEqual(3);
  });

  it("formats a problem as file:line:col  message  (hint)", () => {
    const text = formatProblem({ file: "a.yaml", line: 3, column: 5, field: "x", message: "bad", hint: "fix it", severity: "error" });
    expect(text).toBe("a.yaml:3:5  bad  (fix it)");
  });
});

describe("course-wide checks", () => {
  it("prints a prerequisite cycle as its path", () => {
    const input = edited("skills.yaml", "  - id: fraction-meaning\n", "  - id: fraction-meaning\n    prerequisites: [add-unlike-denominators]\n");
    const messages = allProblems(input).map((p) => p.message);
    expect(messages).toContain("prerequisite cycle: fraction-meaning -> add-unlike-denominators -> add-like-denominators -> fraction-meaning");
  });

  it("reports duplicate ids with the first definition", () => {
    const input = edited("items/adding.yaml", "id: word-1", "id: meaning-1");
    const problem = allProblems(input).find((p) => p.message.includes("duplicate"))!;
    expect(problem.message).toBe('duplicate item or template id "meaning-1"');
    expect(problem.hint).toMatch(/items\/adding\.yaml:\d+/);
  });

  it("reports unknown items in interactive variants", () => {
    const input = edited("lessons/adding-like.md", "items: [add-like-1, add-unlike]", "items: [add-like-2, add-unlike]");
    const problem = allProblems(input).find((p) => p.message.includes("unknown item"))!;
    expect(problem).toMatchObject({ ...positionOf(input, "lessons/adding-like.md", "add-like-2"), hint: 'did you mean "add-like-1"?' });
  });

  it("rejects an item whose own answer its checker rejects", () => {
    const input = edited("items/adding.yaml", 'answer: "3/5"', 'answer: "6/10"');
    const problem = allProblems(input).find((p) => p.message.includes("own answer"))!;
    expect(problem.message).toMatch(/lowest terms/);
    expect(problem).toMatchObject(positionOf(input, "items/adding.yaml", '"6/10"'));
  });

  it("requires exactly one correct choice in a single-choice item", () => {
    const input = edited("items/adding.yaml", '"$\\\\frac{1}{3}$", feedback', '"$\\\\frac{1}{3}$", correct: true, feedback');
    expect(allProblems(input).map((p) => p.message)).toContain("a single-choice item needs exactly one correct choice, found 2");
  });

  it("requires hints and a solution", () => {
    const input = edited("items/adding.yaml", "    hints: [It names the size of the pieces.]\n    solution: The denominator.\n", "");
    const messages = allProblems(input).map((p) => p.message);
    expect(messages).toContain('item "word-1" has no hints');
    expect(messages).toContain('item "word-1" has no solution');
  });

  it("requires alt text on images", () => {
    const input = edited("lessons/adding-like.md", "![three fifths of a bar shaded]", "![]");
    const problem = allProblems(input).find((p) => p.message.includes("alt text"))!;
    expect(problem.line).toBe(positionOf(input, "lessons/adding-like.md", "When the pieces").line);
  });

  it("requires at most 10 minutes and at least two variants", () => {
    const text = "---\nid: tiny\ntitle: Tiny\nskills: [fraction-meaning]\nminutes: 11\n---\n";
    const messages = allProblems(new Map(files).set("lessons/tiny.md", text)).map((p) => p.message);
    expect(messages).toContain('lesson "tiny" takes 11 minutes, more than 10');
    expect(messages).toContain('lesson "tiny" has 0 variant(s), fewer than two');
  });

  it("requires captions and a transcript on videos", () => {
    const input = edited("lessons/adding-like.md", "    captions: media/adding.vtt\n", "");
    expect(allProblems(input).map((p) => p.message)).toContain('video in lesson "adding-like" has no captions');
    const missingFile = edited("lessons/adding-like.md", "captions: media/adding.vtt", "captions: media/missing.vtt");
    expect(allProblems(missingFile).map((p) => p.message)).toContain('captions file "media/missing.vtt" does not exist');
  });

  it("warns when a template yields fewer instances than its count", () => {
    const input = edited("items/adding.yaml", "count: 20", "count: 5000");
    const problem = allProblems(input).find((p) => p.message.includes("fewer than count"))!;
    expect(problem.severity).toBe("warning");
    expect(problem.message).toMatch(/yields \d+ distinct instances, fewer than count 5000/);
  });

  it("rejects template instances whose own answer is wrong", () => {
    const input = edited("items/adding.yaml", 'answer: "[[frac(num, den)]]"', 'answer: "[[num]]/[[den]]"');
    const problem = allProblems(input).find((p) => p.message.includes('template "add-unlike"') && p.severity === "error")!;
    expect(problem.message).toMatch(/own answer/);
  });

  it("reports an unknown item type with a did-you-mean", () => {
    const input = edited("items/adding.yaml", "type: short-text", "type: shorttext");
    const problem = allProblems(input).find((p) => p.message.includes("unknown type"))!;
    expect(problem).toMatchObject({ hint: 'did you mean "short-text"?', ...positionOf(input, "items/adding.yaml", "shorttext") });
  });
});
