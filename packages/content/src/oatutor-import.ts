// convertOATutor: OATutor content (see oatutor-types.ts) to our course model. Pure.
//   course plan lessons -> units (their learning objectives are skills, with the objective's threshold)
//   skillModel + BKT params -> skills with `bkt` priors
//   problem steps -> items (MultipleChoice -> single-choice; TextBox arithmetic -> numeric or expression;
//   TextBox string -> short-text); problems with `variabilization` -> item templates (one instance per row)
//   hints -> hints; scaffolds -> hints with an embedded answer; a scaffold's sub-hints follow it in order.
// Every item is built as the YAML-shaped data a course file would hold and parsed by the same item parser,
// so imported content obeys exactly the rules of hand-written content.
import { LineCounter } from "yaml";
import type { Course, Item, ItemTemplate, Skill, Unit } from "./course-model.ts";
import { parseItem } from "./item-parser.ts";
import type { Problem } from "./problems.ts";
import { parseTemplate } from "./template-parser.ts";
import { convertTextBoxAnswer, humanize, oatutorMarkdown, slug, stripMathDelimiters } from "./oatutor-text.ts";
import type { OATutorContent, OATutorHint, OATutorProblem, OATutorStep } from "./oatutor-types.ts";
import { CourseSources, type SourceEntry } from "./yaml-source.ts";
import { summarizeOATutorImport, type OATutorSummary, type StatedAnswer } from "./oatutor-summary.ts";

export interface OATutorImport {
  course: Course;
  sources: CourseSources;
  problems: Problem[];
  summary: OATutorSummary;
}

export interface OATutorOptions {
  /** Which course of coursePlans.json (default 0). */
  coursePlan?: number;
  /** Our course id (default: the course name in kebab-case). */
  id?: string;
}

type Raw = Record<string, unknown>;

function licenseName(license: string | undefined): string | undefined {
  if (license === undefined) return undefined;
  return /<([^>]+)>/.exec(license)?.[1] ?? license;
}

/** Replaces `@{name}` with a template placeholder picking the row's value. */
function variabilize(text: string, variables: Record<string, string[]>): string {
  return text.replace(/@\{(\w+)\}/g, (whole, name: string) => {
    const values = variables[name];
    if (values === undefined) return whole;
    return `[[pick(v, ${values.map((v) => `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`).join(", ")})]]`;
  });
}

function answerSpec(
  source: { id: string; problemType?: string; answerType?: string; choices?: string[] },
  answers: string[],
  problemId: string,
  notes: string[],
  firstRow?: (t: string) => string,
): Raw {
  if (source.problemType === "MultipleChoice") {
    const correct = answers[0] ?? "";
    // Some OATutor steps list the same choice twice (so two choices would be "correct"): keep the first.
    const unique = [...new Set((source.choices ?? []).map((c) => c.trim()))];
    if (unique.length < (source.choices ?? []).length) notes.push(`${source.id}: repeated choice removed (data defect)`);
    const choices = unique.map((text, i) => ({
      id: String.fromCharCode(97 + i),
      text: oatutorMarkdown(text, problemId),
      ...(text.trim() === correct.trim() ? { correct: true } : {}),
    }));
    return { type: "single-choice", choices };
  }
  // For templates the type is decided on the first row's values; the answer keeps its placeholders.
  const decided = convertTextBoxAnswer(firstRow === undefined ? answers : answers.map(firstRow), source.answerType ?? "string");
  if (firstRow === undefined) return { type: decided.type, ...decided.fields };
  if (decided.type === "short-text") return { type: "short-text", answers: answers.map(stripMathDelimiters) };
  return { type: decided.type, answer: stripMathDelimiters(answers[0] ?? "") };
}

function convertHints(hints: readonly OATutorHint[], problemId: string, notes: string[], firstRow?: (t: string) => string): Raw[] {
  return hints.flatMap((h): Raw[] => {
    const hint: Raw = { text: oatutorMarkdown(h.text, problemId), ...(h.title ? { title: oatutorMarkdown(h.title, problemId) } : {}) };
    if (h.type === "scaffold" && h.hintAnswer !== undefined && h.hintAnswer.length > 0) {
      hint.answer = answerSpec(h, h.hintAnswer, problemId, notes, firstRow);
    }
    return [hint, ...convertHints(h.subHints ?? [], problemId, notes, firstRow)];
  });
}

/** The step's hints; our format requires one, so a step without any gets a generic nudge (and a note). */
function hintsOf(step: OATutorStep, problemId: string, notes: string[], firstRow?: (t: string) => string): Raw[] {
  const hints = convertHints(step.hints, problemId, notes, firstRow);
  if (hints.length > 0) return hints;
  notes.push(`${step.id}: no hints in the source; a generic hint was added`);
  return [{ text: "Read the question again and work through it one step at a time." }];
}

function stepPrompt(problem: OATutorProblem, step: OATutorStep): string {
  return [problem.title, problem.body, step.stepTitle, step.stepBody]
    .map((t) => oatutorMarkdown(t ?? "", problem.id))
    .filter((t) => t !== "")
    .join("\n\n");
}

function solutionText(answers: string[], problemType: string): string {
  const answer = answers[0] ?? "";
  if (problemType === "MultipleChoice") return `The answer is: ${oatutorMarkdown(answer, "")}`;
  return /\$/.test(answer) ? `The answer is ${oatutorMarkdown(answer, "")}.` : `The answer is $${answer}$.`;
}

export function convertOATutor(content: OATutorContent, options: OATutorOptions = {}): OATutorImport {
  const plan = content.coursePlans[options.coursePlan ?? 0];
  if (plan === undefined) throw new Error("coursePlans.json has no course at that index");
  const sources = new CourseSources("coursePlans.json");
  const problems: Problem[] = [];

  // Skills: every name in the skill model, the lessons' objectives and the BKT parameters.
  const skillNames = new Set<string>([
    ...Object.values(content.skillModel).flat(),
    ...plan.lessons.flatMap((l) => Object.keys(l.learningObjectives)),
    ...Object.keys(content.bktParams),
  ]);
  const skillId = new Map<string, string>();
  const used = new Set<string>();
  for (const name of [...skillNames].sort()) {
    let id = slug(name);
    for (let n = 2; used.has(id); n++) id = `${slug(name)}-${n}`;
    used.add(id);
    skillId.set(name, id);
  }
  const thresholds = new Map(plan.lessons.flatMap((l) => Object.entries(l.learningObjectives)));
  const skills: Skill[] = [...skillId].map(([name, id]) => {
    const bkt = content.bktParams[name];
    const threshold = thresholds.get(name);
    return {
      id,
      name: humanize(name),
      prerequisites: [],
      tags: [],
      ...(threshold === undefined ? {} : { masteryThreshold: threshold }),
      ...(bkt === undefined ? {} : { bkt: { prior: bkt.probMastery, learn: bkt.probTransit, guess: bkt.probGuess, slip: bkt.probSlip } }),
    };
  });

  const unitIds = new Set<string>();
  const units: Unit[] = plan.lessons.map((lesson) => {
    let id = slug(lesson.name);
    for (let n = 2; unitIds.has(id); n++) id = `${slug(lesson.name)}-${n}`;
    unitIds.add(id);
    return {
      id,
      title: lesson.topics ? `${lesson.name}: ${lesson.topics}` : lesson.name,
      skills: Object.keys(lesson.learningObjectives).map((s) => skillId.get(s)!),
    };
  });
  const lessonsById = new Map(plan.lessons.map((l) => [l.id, l]));

  const items: Item[] = [];
  const templates: ItemTemplate[] = [];
  // What OATutor states as each TextBox step's answer, to check that a learner typing exactly that is accepted.
  const stated = new Map<string, StatedAnswer>();
  const notes: string[] = [];
  for (const problem of content.problems) {
    const lesson = problem.lessonId === undefined ? undefined : lessonsById.get(problem.lessonId);
    for (const step of problem.steps) {
      const entry: SourceEntry = { file: step.path, node: null, lineCounter: new LineCounter(), lineOffset: 0 };
      const stepSkills = content.skillModel[step.id] ?? Object.keys(lesson?.learningObjectives ?? {});
      const raw: Raw = {
        id: slug(step.id),
        skills: stepSkills.map((s) => skillId.get(s) ?? slug(s)),
        tags: [`oatutor:${problem.id}`, ...(problem.lesson ? [`oatutor-lesson:${slug(problem.lesson)}`] : [])],
        prompt: stepPrompt(problem, step),
        solution: solutionText(step.stepAnswer, step.problemType),
      };
      const variables = { ...(problem.variabilization ?? {}), ...(step.variabilization ?? {}) };
      if (step.problemType === "TextBox") stated.set(raw.id as string, { answers: step.stepAnswer, variables });
      const rows = Math.min(...Object.values(variables).map((v) => v.length));
      if (Object.keys(variables).length > 0 && rows > 0) {
        const firstRow = (t: string): string => t.replace(/@\{(\w+)\}/g, (w, n: string) => variables[n]?.[0] ?? w);
        const body = {
          ...raw,
          ...answerSpec(step, step.stepAnswer, problem.id, notes, firstRow),
          hints: hintsOf(step, problem.id, notes, firstRow),
          count: rows,
          params: { v: { min: 0, max: rows - 1 } },
        };
        const template = parseTemplate(deepMap(body, (t) => variabilize(t, variables)), entry, problems);
        if (template !== undefined) {
          sources.set(template, entry);
          templates.push(template);
        }
        continue;
      }
      const item = parseItem({ ...raw, ...answerSpec(step, step.stepAnswer, problem.id, notes), hints: hintsOf(step, problem.id, notes) }, entry, problems);
      if (item !== undefined) {
        sources.set(item, entry);
        items.push(item);
      }
    }
  }

  const course: Course = {
    id: options.id ?? slug(plan.courseName),
    title: plan.courseName,
    description: `Imported from OATutor (${plan.courseName}): ${plan.lessons.length} lessons.`,
    language: plan.language ?? "en",
    ...(licenseName(plan.courseLicense) === undefined ? {} : { license: licenseName(plan.courseLicense)! }),
    authors: ["OATutor project (CAHLR)", "OpenStax"],
    masteryThreshold: 0.95,
    units,
    skills,
    lessons: [],
    items,
    templates,
    projects: [],
    mediaFiles: content.problems.flatMap((p) => p.figures.map((f) => `media/${p.id}/${f}`)),
  };
  return { course, sources, problems, summary: { ...summarizeOATutorImport(content, plan, course, sources, stated), notes } };
}

function deepMap(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, fn));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, fn)]));
  return value;
}
