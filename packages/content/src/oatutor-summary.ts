// The import summary: what came in, and whether our checker accepts every step's (and scaffold's) own stated
// answer — the test that the conversion kept every answer meaning what the author meant.
import { checkAnswer } from "./answer-checker.ts";
import { InvalidItemError } from "./check-result.ts";
import type { AnswerSpec, Course, Item } from "./course-model.ts";
import { ownResponses } from "./item-checks.ts";
import { expandTemplate } from "./item-templates.ts";
import type { OATutorContent, OATutorCoursePlan } from "./oatutor-types.ts";
import type { CourseSources } from "./yaml-source.ts";

/** A step's answer exactly as OATutor states it (LaTeX, with `@{name}` variables for variabilized problems). */
export interface StatedAnswer {
  answers: string[];
  variables: Record<string, string[]>;
}

export interface AnswerException {
  /** Our item id (a template instance id for variabilized problems). */
  item: string;
  /** For scaffolds: which hint (0-based). */
  hint?: number;
  answer: string;
  reason: string;
}

export interface AnswerAcceptance {
  checked: number;
  accepted: number;
  exceptions: AnswerException[];
}

export interface OATutorSummary {
  courseName: string;
  lessons: number;
  units: number;
  skills: number;
  skillsWithBkt: number;
  problems: number;
  steps: number;
  /** Problems whose lesson is not in the course plan (imported as items all the same). */
  problemsOutsidePlan: number;
  lessonsOutsidePlan: string[];
  items: number;
  templates: number;
  templateInstances: number;
  itemsByType: Record<string, number>;
  hints: number;
  scaffolds: number;
  figures: number;
  /** Each step's own answer (every instance for variabilized steps). */
  stepAnswers: AnswerAcceptance;
  /** Each scaffold's own answer. */
  scaffoldAnswers: AnswerAcceptance;
  /** What the conversion had to repair in the source (repeated choices, steps without hints). */
  notes: string[];
}

function rejection(spec: AnswerSpec, extra: string[] = []): { response: string; reason: string } | undefined {
  const responses = [...ownResponses(spec), ...extra];
  if (responses.length === 0) return { response: "", reason: "no choice matches the stated answer (or there is no answer)" };
  for (const response of responses) {
    try {
      const result = checkAnswer(spec, response);
      if (!result.correct) return { response: JSON.stringify(response), reason: result.formNote ?? result.feedback ?? "not accepted" };
    } catch (error) {
      if (!(error instanceof InvalidItemError)) throw error;
      return { response: JSON.stringify(response), reason: error.message };
    }
  }
  return undefined;
}

function answerText(spec: AnswerSpec): string {
  if ("answer" in spec) return spec.answer;
  if (spec.type === "short-text") return spec.answers.join(" | ");
  if ("choices" in spec) return spec.choices.filter((c) => c.correct === true).map((c) => c.text).join(" | ");
  return "";
}

/** The stated answers of the step an item came from, with a template instance's row substituted. */
function statedFor(item: Item, stated: ReadonlyMap<string, StatedAnswer>): string[] {
  const entry = stated.get(item.template?.id ?? item.id);
  if (entry === undefined) return [];
  const row = item.template?.params.v ?? 0;
  return entry.answers.map((a) => a.replace(/@\{(\w+)\}/g, (w, name: string) => entry.variables[name]?.[row] ?? w));
}

export function summarizeOATutorImport(
  content: OATutorContent,
  plan: OATutorCoursePlan,
  course: Course,
  sources: CourseSources,
  stated: ReadonlyMap<string, StatedAnswer> = new Map(),
): Omit<OATutorSummary, "notes"> {
  const planLessons = new Set(plan.lessons.map((l) => l.id));
  const outside = content.problems.filter((p) => p.lessonId === undefined || !planLessons.has(p.lessonId));
  const instances = course.templates.flatMap((t) => expandTemplate(t, course.id, sources.entry(t)).items);
  const all: Item[] = [...course.items, ...instances];
  const itemsByType: Record<string, number> = {};
  for (const item of all) itemsByType[item.type] = (itemsByType[item.type] ?? 0) + 1;

  const steps: AnswerAcceptance = { checked: 0, accepted: 0, exceptions: [] };
  const scaffolds: AnswerAcceptance = { checked: 0, accepted: 0, exceptions: [] };
  for (const item of all) {
    steps.checked++;
    // The converted answer, and the answer exactly as OATutor wrote it (LaTeX), must both be accepted.
    const stepRejection = rejection(item, statedFor(item, stated));
    if (stepRejection === undefined) steps.accepted++;
    else steps.exceptions.push({ item: item.id, answer: answerText(item) || stepRejection.response, reason: stepRejection.reason });
    item.hints.forEach((hint, i) => {
      if (hint.answer === undefined) return;
      scaffolds.checked++;
      const r = rejection(hint.answer);
      if (r === undefined) scaffolds.accepted++;
      else scaffolds.exceptions.push({ item: item.id, hint: i, answer: answerText(hint.answer) || r.response, reason: r.reason });
    });
  }

  return {
    courseName: plan.courseName,
    lessons: plan.lessons.length,
    units: course.units.length,
    skills: course.skills.length,
    skillsWithBkt: course.skills.filter((s) => s.bkt !== undefined).length,
    problems: content.problems.length,
    steps: content.problems.reduce((n, p) => n + p.steps.length, 0),
    problemsOutsidePlan: outside.length,
    lessonsOutsidePlan: [...new Set(outside.map((p) => p.lesson ?? p.lessonId ?? "?"))].sort(),
    items: course.items.length,
    templates: course.templates.length,
    templateInstances: instances.length,
    itemsByType,
    hints: all.reduce((n, i) => n + i.hints.length, 0),
    scaffolds: all.reduce((n, i) => n + i.hints.filter((h) => h.answer !== undefined).length, 0),
    figures: course.mediaFiles.length,
    stepAnswers: steps,
    scaffoldAnswers: scaffolds,
  };
}
