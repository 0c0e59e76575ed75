import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { checkAnswer } from "./answer-checker.ts";
import type { Course, Item } from "./course-model.ts";
import { validateCourse } from "./course-validator.ts";
import { expandTemplates } from "./item-templates.ts";
import { formatProblem } from "./problems.ts";
import { convertOATutor, type OATutorImport } from "./oatutor-import.ts";
import { readOATutorDir } from "./oatutor-reader.ts";

// The real OATutor content, read in place (never copied into the repository).
const OATUTOR_DIR = "/work/shared/data/oatutor-solid-foundations-algebra";

function item(course: Course, id: string): Item {
  const found = course.items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id}`);
  return found;
}

describe.skipIf(!existsSync(OATUTOR_DIR))("OATutor import of Solid Foundations: Algebra", () => {
  let imported: OATutorImport;
  beforeAll(async () => {
    imported = convertOATutor(await readOATutorDir(OATUTOR_DIR));
  }, 60_000);

  it("imports every lesson, skill, problem and step", () => {
    const s = imported.summary;
    expect(imported.problems).toEqual([]);
    expect({ lessons: s.lessons, units: s.units, skills: s.skills, problems: s.problems, steps: s.steps }).toEqual({
      lessons: 27, units: 27, skills: 83, problems: 365, steps: 456,
    });
    // Every step is an item or a template (variabilized problems).
    expect(s.items + s.templates).toBe(456);
    expect(s.skillsWithBkt).toBe(83);
  });

  it("produces a course that passes validation, repairing and noting the source's defects", () => {
    const validation = validateCourse(imported.course, imported.sources);
    expect(validation.problems.map(formatProblem)).toEqual([]);
    expect(imported.summary.notes.filter((n) => n.includes("repeated choice"))).toHaveLength(5);
    expect(imported.summary.notes.filter((n) => n.includes("no hints"))).toHaveLength(2);
  });

  it("accepts every step's and every scaffold's own stated answer", () => {
    const { stepAnswers, scaffoldAnswers } = imported.summary;
    expect(stepAnswers.exceptions).toEqual([]);
    expect(stepAnswers.accepted).toBe(stepAnswers.checked);
    expect(stepAnswers.checked).toBeGreaterThanOrEqual(456);
    expect(scaffoldAnswers.exceptions).toEqual([]);
    expect(scaffoldAnswers.accepted).toBe(scaffoldAnswers.checked);
  });

  it("turns learning objectives into skills with BKT priors and thresholds", () => {
    const skill = imported.course.skills.find((s) => s.id === "solve-one-step-equations-add-subtract");
    expect(skill).toMatchObject({ name: "Solve one step equations add/subtract", masteryThreshold: 0.85, bkt: { prior: 0.1, learn: 0.1, guess: 0.1, slip: 0.1 } });
    const unit = imported.course.units[0]!;
    expect(unit.title).toBe("Lesson A1.1.1: Algebra Defined");
    expect(unit.skills).toEqual(["general-vs-specific-algebraic-equations", "methods-of-verification-of-algebraic-equations"]);
  });

  it("makes scaffolds ordered hints that keep their own checked answer", () => {
    const factor = item(imported.course, "ad51073factor10a");
    expect(factor.type).toBe("expression");
    expect(factor.hints.map((h) => h.answer?.type ?? "hint")).toEqual(["hint", "expression", "numeric", "expression", "numeric", "hint"]);
    expect(checkAnswer(factor.hints[1]!.answer!, "169x^2").correct).toBe(true);
  });

  it("checks converted answers by algebraic equivalence, as OATutor does", () => {
    const factor = item(imported.course, "ad51073factor10a");
    expect(checkAnswer(factor, "(13x-11)(13x+11)").correct).toBe(true);
    expect(checkAnswer(factor, "169x^2-121").correct).toBe(true);
    expect(checkAnswer(factor, "(13x-11)^2").correct).toBe(false);
  });

  it("maps multiple choice to single-choice with the stated answer as the correct choice", () => {
    const mc = item(imported.course, "aa167eba241-logsofproducts-p01b");
    expect(mc.type).toBe("single-choice");
    expect(checkAnswer(mc, "a").correct).toBe(true);
    expect(checkAnswer(mc, "b").correct).toBe(false);
  });

  it("turns variabilized problems into templates with one instance per row", () => {
    const { expansions } = expandTemplates(imported.course, imported.sources);
    const logs = expansions.find((e) => e.template.id === "a666a84a213-exploginverse-p02a")!;
    expect(logs.items.map((i) => i.prompt.match(/log_\{(\d+)\}/)?.[1])).toEqual(expect.arrayContaining(["2", "3", "4", "5"]));
    const k = [-4, -2, -3, -4]; // the problem's k column: log_b(b^k) = k
    for (const instance of logs.items) {
      const row = instance.template!.params.v!;
      expect(checkAnswer(instance, String(k[row])).correct).toBe(true);
      expect(checkAnswer(instance, String(k[row]! + 1)).correct).toBe(false);
    }
  });

  it("accepts more precise values for rounded decimal answers", () => {
    const approx = imported.course.items.find((i) => i.type === "numeric" && i.answer === "-0.737")!;
    expect(checkAnswer(approx, "-0.7370").correct).toBe(true);
    expect(checkAnswer(approx, "-0.73697").correct).toBe(true);
    expect(checkAnswer(approx, "-0.75").correct).toBe(false);
  });
});
