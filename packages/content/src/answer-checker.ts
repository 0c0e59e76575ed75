// checkAnswer: one entry point for every item type (and for scaffold hints, which embed an answer spec).
// The principle: a learner who is right is never marked wrong. Checkers accept every reasonable spelling of a
// correct answer and explain, rather than silently reject, a correct value written in the wrong form.
import type { AnswerSpec, Choice, FillInAnswer, Misconception, MultipleSelectAnswer, OrderingAnswer, SingleChoiceAnswer } from "./course-model.ts";
import { responseList, responseText, type AnswerResponse, type CheckResult } from "./check-result.ts";
import { checkExpression } from "./expression-check.ts";
import { checkNumeric } from "./numeric-check.ts";
import { checkShortText } from "./text-check.ts";

/** No real answer is this long; refusing longer input bounds the cost of parsing what a client sends. */
const MAX_RESPONSE_LENGTH = 2000;

export function checkAnswer(spec: AnswerSpec, response: AnswerResponse): CheckResult {
  switch (spec.type) {
    case "single-choice":
      return checkSingleChoice(spec, response);
    case "multiple-select":
      return checkMultipleSelect(spec, response);
    case "ordering":
      return checkOrdering(spec, response);
    case "fill-in":
      return checkFillIn(spec, response);
    case "numeric":
    case "expression":
    case "short-text": {
      const text = responseText(response);
      if (text === undefined) return { correct: false, normalized: "", feedback: "Type one answer." };
      if (text.length > MAX_RESPONSE_LENGTH) return { correct: false, normalized: "", feedback: "The answer is too long." };
      if (spec.type === "numeric") return checkNumeric(spec, text);
      if (spec.type === "expression") return checkExpression(spec, text);
      return checkShortText(spec, text);
    }
  }
}

function findChoice(choices: readonly Choice[], id: string): Choice | undefined {
  return choices.find((c) => c.id === id.trim());
}

function checkSingleChoice(spec: SingleChoiceAnswer, response: AnswerResponse): CheckResult {
  const id = responseText(response)?.trim() ?? "";
  const choice = findChoice(spec.choices, id);
  if (choice === undefined) return { correct: false, normalized: id, feedback: "Choose one of the options." };
  if (choice.correct === true) return { correct: true, normalized: id, ...(choice.feedback === undefined ? {} : { feedback: choice.feedback }) };
  return {
    correct: false,
    normalized: id,
    ...(choice.feedback === undefined ? {} : { feedback: choice.feedback, misconceptionId: `choice-${choice.id}` }),
  };
}

function checkMultipleSelect(spec: MultipleSelectAnswer, response: AnswerResponse): CheckResult {
  const chosen = [...new Set(responseList(response) ?? [])];
  const normalized = [...chosen].sort().join(",");
  const unknown = chosen.filter((id) => findChoice(spec.choices, id) === undefined);
  if (unknown.length > 0) return { correct: false, normalized, feedback: "Choose among the options shown." };
  const correctIds = spec.choices.filter((c) => c.correct === true).map((c) => c.id);
  const wrong = spec.choices.filter((c) => c.correct !== true && chosen.includes(c.id));
  const missed = correctIds.filter((id) => !chosen.includes(id));
  if (wrong.length === 0 && missed.length === 0) return { correct: true, normalized };
  const feedback = wrong.flatMap((c) => (c.feedback === undefined ? [] : [c.feedback]));
  if (wrong.length === 0) feedback.push("Some correct options are missing.");
  const firstWithFeedback = wrong.find((c) => c.feedback !== undefined);
  return {
    correct: false,
    normalized,
    feedback: feedback.join(" "),
    ...(firstWithFeedback === undefined ? {} : { misconceptionId: `choice-${firstWithFeedback.id}` }),
  };
}

function checkOrdering(spec: OrderingAnswer, response: AnswerResponse): CheckResult {
  const order = (responseList(response) ?? []).map((s) => s.trim());
  const normalized = order.join(",");
  const expected = spec.choices.map((c) => c.id);
  const correct = order.length === expected.length && order.every((id, i) => id === expected[i]);
  if (correct) return { correct: true, normalized };
  const inPlace = order.filter((id, i) => id === expected[i]).length;
  return { correct: false, normalized, feedback: `${inPlace} of ${expected.length} are in the right place.` };
}

function blankResponses(spec: FillInAnswer, response: AnswerResponse): Record<string, string> {
  if (typeof response === "string") return spec.blanks.length === 1 ? { [spec.blanks[0]!.id]: response } : {};
  if (Array.isArray(response)) {
    return Object.fromEntries(spec.blanks.map((b, i) => [b.id, (response as readonly string[])[i] ?? ""]));
  }
  return response as Readonly<Record<string, string>>;
}

/** Misconceptions declared at the item level that name this blank, plus the blank's own. */
export function blankMisconceptions(spec: FillInAnswer, blankId: string, own: readonly Misconception[]): Misconception[] {
  return [...own, ...spec.misconceptions.filter((m) => m.blank === blankId)];
}

function checkFillIn(spec: FillInAnswer, response: AnswerResponse): CheckResult {
  const responses = blankResponses(spec, response);
  const blanks: Record<string, CheckResult> = {};
  for (const blank of spec.blanks) {
    const text = responses[blank.id] ?? "";
    blanks[blank.id] = text.trim() === "" ? { correct: false, normalized: "", feedback: "This blank is empty." } : checkAnswer(blank, text);
  }
  const results = spec.blanks.map((b) => blanks[b.id]!);
  const withMisconception = results.find((r) => r.misconceptionId !== undefined);
  const feedback = results.flatMap((r) => (r.feedback === undefined ? [] : [r.feedback])).join(" ");
  const formNote = results.flatMap((r) => (r.formNote === undefined ? [] : [r.formNote])).join(" ");
  return {
    correct: results.every((r) => r.correct),
    normalized: spec.blanks.map((b) => `${b.id}=${blanks[b.id]!.normalized}`).join("; "),
    blanks,
    ...(feedback === "" ? {} : { feedback }),
    ...(formNote === "" ? {} : { formNote }),
    ...(withMisconception === undefined ? {} : { misconceptionId: withMisconception.misconceptionId }),
  };
}
