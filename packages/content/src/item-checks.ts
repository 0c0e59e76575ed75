// Checks of a single item that need no other part of the course: its own answer must be accepted by the
// checker (the strongest test that the checker and the author agree), choice rules, hints and solution, alt text.
import { checkAnswer } from "./answer-checker.ts";
import { InvalidItemError, type AnswerResponse } from "./check-result.ts";
import type { AnswerSpec, Item } from "./course-model.ts";

export interface ItemIssue {
  path: PropertyKey[];
  message: string;
  hint?: string;
  severity: "error" | "warning";
}

/** The responses an author's own answer stands for: the correct choice(s), the order, each alternative. */
export function ownResponses(spec: AnswerSpec): AnswerResponse[] {
  switch (spec.type) {
    case "single-choice":
      return spec.choices.filter((c) => c.correct === true).map((c) => c.id);
    case "multiple-select":
      return [spec.choices.filter((c) => c.correct === true).map((c) => c.id)];
    case "ordering":
      return [spec.choices.map((c) => c.id)];
    case "numeric":
    case "expression":
      return [spec.answer];
    case "short-text":
      return spec.answers;
    case "fill-in":
      return [Object.fromEntries(spec.blanks.map((b) => [b.id, b.type === "short-text" ? (b.answers[0] ?? "") : b.answer]))];
  }
}

/** Problems with an answer spec's own answer (also used for scaffold hints). */
export function answerIssues(spec: AnswerSpec, path: PropertyKey[]): ItemIssue[] {
  const issues: ItemIssue[] = [];
  if (spec.type === "single-choice") {
    const correct = spec.choices.filter((c) => c.correct === true).length;
    if (correct !== 1) {
      issues.push({ path: [...path, "choices"], message: `a single-choice item needs exactly one correct choice, found ${correct}`, hint: "mark one choice with correct: true", severity: "error" });
    }
  }
  if (spec.type === "multiple-select" && !spec.choices.some((c) => c.correct === true)) {
    issues.push({ path: [...path, "choices"], message: "a multiple-select item needs at least one correct choice", severity: "error" });
  }
  if ("choices" in spec) {
    const ids = spec.choices.map((c) => c.id);
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated !== undefined) issues.push({ path: [...path, "choices"], message: `choice id "${repeated}" is used twice`, severity: "error" });
  }
  for (const response of ownResponses(spec)) {
    try {
      const result = checkAnswer(spec, response);
      if (!result.correct) {
        const field = spec.type === "short-text" ? "answers" : spec.type === "fill-in" ? "blanks" : "answer";
        issues.push({
          path: [...path, field],
          message: `the checker rejects this item's own answer ${JSON.stringify(response)}${result.formNote !== undefined ? `: ${result.formNote}` : result.feedback !== undefined ? `: ${result.feedback}` : ""}`,
          hint: "fix the answer or its form",
          severity: "error",
        });
      }
    } catch (error) {
      if (!(error instanceof InvalidItemError)) throw error;
      issues.push({ path: [...path, "answer"], message: error.message, hint: "write a number like 3/4, 1 1/2 or 0.75, or an expression like 2(x+3)", severity: "error" });
    }
  }
  if ("misconceptions" in spec) {
    spec.misconceptions.forEach((m, i) => {
      try {
        const asResponse = spec.type === "fill-in" ? { [m.blank ?? ""]: m.match } : m.match;
        if (spec.type !== "fill-in" && checkAnswer(spec, asResponse).correct) {
          issues.push({ path: [...path, "misconceptions", i, "match"], message: `misconception "${m.match}" is accepted as a correct answer, so it never shows`, severity: "warning" });
        }
      } catch {
        // the answer itself is unreadable: reported above
      }
    });
  }
  return issues;
}

const IMAGE_WITHOUT_ALT = /!\[\s*\]\(([^)]*)\)|<img\b(?![^>]*\balt\s*=\s*["'][^"']+["'])[^>]*>/i;

/** An image in Markdown without alt text (`![](x.png)` or `<img src=...>`), if any. */
export function imageWithoutAlt(markdown: string): string | undefined {
  const match = IMAGE_WITHOUT_ALT.exec(markdown);
  return match === null ? undefined : match[0];
}

/** Every Markdown text field of an item with its path. */
export function itemTexts(item: Item): [PropertyKey[], string][] {
  const texts: [PropertyKey[], string][] = [[["prompt"], item.prompt], [["solution"], item.solution]];
  item.hints.forEach((h, i) => texts.push([["hints", i], h.text]));
  if ("choices" in item) item.choices.forEach((c, i) => texts.push([["choices", i, "text"], c.text]));
  return texts;
}

export function itemIssues(item: Item): ItemIssue[] {
  const issues: ItemIssue[] = [];
  if (item.hints.length === 0) {
    issues.push({ path: ["hints"], message: `item "${item.id}" has no hints`, hint: "add at least one hint: hints: [...]", severity: "error" });
  }
  if (item.solution.trim() === "") {
    issues.push({ path: ["solution"], message: `item "${item.id}" has no solution`, hint: "add a worked solution: solution: ...", severity: "error" });
  }
  issues.push(...answerIssues(item, []));
  item.hints.forEach((h, i) => {
    if (h.answer !== undefined) issues.push(...answerIssues(h.answer, ["hints", i, "answer"]));
  });
  if (item.type === "fill-in") {
    const inPrompt = [...item.prompt.matchAll(/\[\[blank:([^\]]+)\]\]/g)].map((m) => m[1]!.trim());
    for (const blank of item.blanks) {
      if (!inPrompt.includes(blank.id)) issues.push({ path: ["blanks"], message: `blank "${blank.id}" does not appear in the prompt`, hint: `write [[blank:${blank.id}]] where it goes`, severity: "error" });
    }
    for (const id of inPrompt) {
      if (!item.blanks.some((b) => b.id === id)) issues.push({ path: ["prompt"], message: `the prompt has [[blank:${id}]] but no blank "${id}" is defined`, severity: "error" });
    }
  }
  for (const [path, text] of itemTexts(item)) {
    const image = imageWithoutAlt(text);
    if (image !== undefined) issues.push({ path, message: `image without alt text: ${image}`, hint: "describe the image: ![a number line from 0 to 1](media/line.svg)", severity: "error" });
  }
  return issues;
}
