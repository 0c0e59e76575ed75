// The course model: what a course folder (docs/course-format.md) becomes once parsed.
// Plain data only (no classes, no functions) so the server can store it and the web can ship it as JSON.
// Field names are camelCase versions of the YAML keys (`mastery_threshold` -> `masteryThreshold`).

export interface Course {
  id: string;
  title: string;
  description: string;
  language: string;
  level?: string;
  license?: string;
  authors: string[];
  masteryThreshold: number;
  units: Unit[];
  skills: Skill[];
  lessons: Lesson[];
  items: Item[];
  templates: ItemTemplate[];
  projects: Project[];
  /** Files under media/ (relative paths), so the validator can check captions and transcripts exist. */
  mediaFiles: string[];
}

export interface Unit {
  id: string;
  title: string;
  skills: string[];
}

/** Bayesian knowledge tracing priors for a skill (used by importers such as OATutor's). */
export interface BktPriors {
  prior: number;
  learn: number;
  guess: number;
  slip: number;
}

export interface Skill {
  id: string;
  name: string;
  description?: string;
  prerequisites: string[];
  tags: string[];
  masteryThreshold?: number;
  bkt?: BktPriors;
}

export interface Lesson {
  id: string;
  title: string;
  skills: string[];
  minutes: number;
  /** The Markdown body of the lesson file; it is the `text` variant when not empty. */
  body: string;
  variants: LessonVariant[];
}

export type LessonVariant =
  | TextVariant
  | WorkedExampleVariant
  | VideoVariant
  | AudioVariant
  | InteractiveVariant;

export interface TextVariant {
  type: "text";
  title?: string;
  text: string;
}

export interface WorkedExampleVariant {
  type: "worked-example";
  title?: string;
  steps: string[];
}

export interface VideoVariant {
  type: "video";
  title?: string;
  url?: string;
  captions?: string;
  transcript?: string;
}

export interface AudioVariant {
  type: "audio";
  title?: string;
  url?: string;
  transcript?: string;
}

export interface InteractiveVariant {
  type: "interactive";
  title?: string;
  /** Ids of items or item templates practised inside the lesson. */
  items: string[];
}

// ---- answers -------------------------------------------------------------------------------

export interface Choice {
  id: string;
  text: string;
  correct?: boolean;
  feedback?: string;
}

export interface Misconception {
  /** Optional stable id (extension of the format); defaults to `m<index+1>`. */
  id?: string;
  /** For fill-in items: the blank this misconception belongs to. */
  blank?: string;
  match: string;
  feedback: string;
}

export type NumericForm = "any" | "lowest-terms" | "mixed-number" | "improper-fraction" | "decimal";
export type ExpressionForm = "any" | "factored" | "expanded" | "simplified";

export interface SingleChoiceAnswer {
  type: "single-choice";
  choices: Choice[];
}

export interface MultipleSelectAnswer {
  type: "multiple-select";
  choices: Choice[];
}

export interface NumericAnswer {
  type: "numeric";
  answer: string;
  tolerance?: number;
  /** Accepted units; the first is the one shown. Empty when the answer has no unit. */
  units: string[];
  form: NumericForm;
  misconceptions: Misconception[];
}

export interface ExpressionAnswer {
  type: "expression";
  answer: string;
  /** Variables the learner may use; inferred from the answer when the file does not list them. */
  variables: string[];
  form: ExpressionForm;
  misconceptions: Misconception[];
}

export interface ShortTextAnswer {
  type: "short-text";
  answers: string[];
  caseSensitive: boolean;
  accents: "strict" | "lenient";
  pattern?: string;
  misconceptions: Misconception[];
}

export interface OrderingAnswer {
  type: "ordering";
  /** Listed in the correct order; shown shuffled. */
  choices: Choice[];
}

export type BlankAnswer = NumericAnswer | ExpressionAnswer | ShortTextAnswer;
export type Blank = BlankAnswer & { id: string };

export interface FillInAnswer {
  type: "fill-in";
  blanks: Blank[];
  misconceptions: Misconception[];
}

/** Everything the answer checker needs: the type and its answer fields. */
export type AnswerSpec =
  | SingleChoiceAnswer
  | MultipleSelectAnswer
  | NumericAnswer
  | ExpressionAnswer
  | ShortTextAnswer
  | OrderingAnswer
  | FillInAnswer;

export type ItemType = AnswerSpec["type"];

export const ITEM_TYPES: readonly ItemType[] = [
  "single-choice",
  "multiple-select",
  "numeric",
  "expression",
  "short-text",
  "ordering",
  "fill-in",
];

/**
 * A hint. A plain string in YAML is `{ text }`. A hint with an `answer` is a scaffold: a sub-question the
 * learner answers (checked like an item) before moving on — OATutor's scaffolds import as these.
 */
export interface Hint {
  text: string;
  title?: string;
  answer?: AnswerSpec;
}

export interface ItemCommon {
  id: string;
  skills: string[];
  prompt: string;
  hints: Hint[];
  solution: string;
  difficulty?: number;
  tags: string[];
  /** Set on items generated from a template. */
  template?: { id: string; params: Record<string, number> };
}

export type SingleChoiceItem = ItemCommon & SingleChoiceAnswer;
export type MultipleSelectItem = ItemCommon & MultipleSelectAnswer;
export type NumericItem = ItemCommon & NumericAnswer;
export type ExpressionItem = ItemCommon & ExpressionAnswer;
export type ShortTextItem = ItemCommon & ShortTextAnswer;
export type OrderingItem = ItemCommon & OrderingAnswer;
export type FillInItem = ItemCommon & FillInAnswer;
export type Item =
  | SingleChoiceItem
  | MultipleSelectItem
  | NumericItem
  | ExpressionItem
  | ShortTextItem
  | OrderingItem
  | FillInItem;

// ---- templates ------------------------------------------------------------------------------

export type TemplateParam = { min: number; max: number } | { values: number[] };

export interface ItemTemplate {
  id: string;
  skills: string[];
  type: ItemType;
  count: number;
  params: Record<string, TemplateParam>;
  where: string[];
  /** Ordered: later values may use earlier ones. */
  let: Record<string, string>;
  /** The remaining item fields, with `[[expr]]` placeholders, exactly as written in the file. */
  body: Record<string, unknown>;
}

// ---- projects -------------------------------------------------------------------------------

export interface RubricLevel {
  score: number;
  descriptor: string;
}

export interface RubricCriterion {
  criterion: string;
  skills: string[];
  levels: RubricLevel[];
}

export type Rubric = RubricCriterion[];

export interface Project {
  id: string;
  title: string;
  skills: string[];
  brief: string;
  deliverables: string[];
  rubric: Rubric;
}
