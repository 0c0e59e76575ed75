// @attune/content: the course format — model types, parser, validator, item templates, answer checker,
// Markdown renderer and importers. Pure TypeScript except readCourseDir/readOATutorDir (node:fs).
export type * from "./course-model.ts";
export { ITEM_TYPES } from "./course-model.ts";
export type { Problem } from "./problems.ts";
export { formatProblem } from "./problems.ts";
export type { SourcePos } from "./yaml-source.ts";
export { CourseSources } from "./yaml-source.ts";
export { parseCourse, type ParsedCourse } from "./course-parser.ts";
export { readCourseDir, readCourseFiles } from "./course-reader.ts";
export { validateCourse, type CourseValidation } from "./course-validator.ts";
export { expandTemplate, expandTemplates, instanceId, type TemplateExpansion } from "./item-templates.ts";
export { checkAnswer } from "./answer-checker.ts";
export { InvalidItemError, type AnswerResponse, type CheckResult } from "./check-result.ts";
export { ownResponses } from "./item-checks.ts";
export { renderMarkdown, renderSpeakable, renderInlineMarkdown, renderPlain } from "./render-markdown.ts";
export { readOATutorDir } from "./oatutor-reader.ts";
export { convertOATutor, type OATutorImport, type OATutorOptions } from "./oatutor-import.ts";
export type { OATutorSummary, AnswerAcceptance, AnswerException } from "./oatutor-summary.ts";
export type { OATutorContent } from "./oatutor-types.ts";
