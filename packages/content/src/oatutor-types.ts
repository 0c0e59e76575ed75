// The shapes of OATutor's content files (https://github.com/CAHLR/OATutor), as far as the importer uses them.

export interface OATutorLesson {
  id: string;
  name: string;
  topics?: string;
  /** Skill name -> mastery threshold. */
  learningObjectives: Record<string, number>;
}

export interface OATutorCoursePlan {
  courseName: string;
  language?: string;
  courseLicense?: string;
  lessons: OATutorLesson[];
}

export interface OATutorHint {
  id: string;
  type: "hint" | "scaffold";
  title?: string;
  text: string;
  dependencies?: string[];
  problemType?: "TextBox" | "MultipleChoice";
  answerType?: "arithmetic" | "string";
  hintAnswer?: string[];
  choices?: string[];
  subHints?: OATutorHint[];
  variabilization?: Record<string, string[]>;
}

export interface OATutorStep {
  id: string;
  stepTitle: string;
  stepBody: string;
  stepAnswer: string[];
  problemType: "TextBox" | "MultipleChoice";
  answerType: "arithmetic" | "string";
  answerLatex?: string;
  choices?: string[];
  variabilization?: Record<string, string[]>;
  hints: OATutorHint[];
  /** Path of the step's file inside the OATutor folder (added by the reader, for problem reports). */
  path: string;
}

export interface OATutorProblem {
  id: string;
  title: string;
  body: string;
  lesson?: string;
  lessonId?: string;
  courseName?: string;
  license?: string;
  variabilization?: Record<string, string[]>;
  steps: OATutorStep[];
  /** File names under the problem's figures/ folder. */
  figures: string[];
  path: string;
}

export interface OATutorBktParams {
  probMastery: number;
  probTransit: number;
  probSlip: number;
  probGuess: number;
}

export interface OATutorContent {
  coursePlans: OATutorCoursePlan[];
  /** Step id -> skill names. */
  skillModel: Record<string, string[]>;
  bktParams: Record<string, OATutorBktParams>;
  problems: OATutorProblem[];
}
