import { describe, expect, it } from "vitest";
import { checkAnswer } from "./answer-checker.ts";
import { parseCourse } from "./course-parser.ts";

const COURSE = "id: tiny\ntitle: Tiny\nmastery_threshold: 0.9\n";
const SKILLS = "skills:\n  - id: s1\n    name: One\n    bkt: { prior: 0.2, learn: 0.1, guess: 0.25, slip: 0.1 }\n";

function parse(items: string) {
  return parseCourse(new Map([["course.yaml", COURSE], ["skills.yaml", SKILLS], ["items/a.yaml", items]]));
}

describe("parseCourse", () => {
  it("maps YAML names to the model and fills defaults", () => {
    const { course, problems } = parse(
      "items:\n  - id: w\n    skills: [s1]\n    type: short-text\n    prompt: P\n    answers: [Paris]\n    case_sensitive: true\n    hints: [h]\n    solution: S\n",
    );
    expect(problems).toEqual([]);
    expect(course.masteryThreshold).toBe(0.9);
    expect(course.skills[0]).toMatchObject({ id: "s1", prerequisites: [], bkt: { prior: 0.2, learn: 0.1, guess: 0.25, slip: 0.1 } });
    expect(course.items[0]).toMatchObject({ type: "short-text", caseSensitive: true, accents: "lenient", misconceptions: [], tags: [] });
  });

  it("reads scaffold hints with their own answer", () => {
    const { course, problems } = parse(
      [
        "items:",
        "  - id: n",
        "    skills: [s1]",
        "    type: numeric",
        "    prompt: 3 * 4 + 1?",
        "    answer: 13",
        "    hints:",
        "      - First multiply.",
        "      - text: What is 3 * 4?",
        "        answer: { type: numeric, answer: '12' }",
        "    solution: 12 + 1 = 13",
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    const hint = course.items[0]!.hints[1]!;
    expect(hint.text).toBe("What is 3 * 4?");
    expect(checkAnswer(hint.answer!, "12").correct).toBe(true);
  });

  it("gives fill-in blanks the item-level misconceptions that name them", () => {
    const { course, problems } = parse(
      [
        "items:",
        "  - id: f",
        "    skills: [s1]",
        "    type: fill-in",
        "    prompt: 1/7 + 3/7 = [[blank:b1]]/7",
        "    blanks: [{ id: b1, type: numeric, answer: '4' }]",
        "    misconceptions: [{ blank: b1, match: '8', feedback: Only the numerators are added. }]",
        "    hints: [h]",
        "    solution: s",
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    const result = checkAnswer(course.items[0]!, { b1: "8" });
    expect(result.blanks?.b1).toMatchObject({ correct: false, feedback: "Only the numerators are added.", misconceptionId: "m1" });
  });

  it("keeps the other items when one is broken, and says where", () => {
    const { course, problems } = parse(
      "items:\n  - id: Bad_Id\n    skills: [s1]\n    type: numeric\n    prompt: p\n    answer: 1\n    hints: [h]\n    solution: s\n  - id: good\n    skills: [s1]\n    type: numeric\n    prompt: p\n    answer: 1\n    hints: [h]\n    solution: s\n",
    );
    expect(course.items.map((i) => i.id)).toEqual(["good"]);
    expect(problems).toMatchObject([{ file: "items/a.yaml", line: 2, column: 9, field: "id" }]);
    expect(problems[0]!.message).toMatch(/kebab-case/);
  });

  it("reports missing files", () => {
    const { problems } = parseCourse(new Map());
    expect(problems.map((p) => p.message)).toEqual(["missing course.yaml", "missing skills.yaml"]);
  });
});
