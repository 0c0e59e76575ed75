import { type AnswerResponse, type CheckResult, type Item, checkAnswer, ownResponses, renderMarkdown } from "@attune/content";
import type { Rng } from "@attune/engine";

/** A response a demo learner gives, as checked by the real checker. */
export type DemoAnswer = { response: AnswerResponse; check: CheckResult };

/** Raises the last number in a text by one ("3/4" → "3/5", "0.75" → "0.76"): a slip that stays plausible. */
function bumpLastNumber(text: string): string | undefined {
  const match = /(\d+)(?!.*\d)/.exec(text);
  if (!match) return undefined;
  return `${text.slice(0, match.index)}${Number(match[1]) + 1}${text.slice(match.index + match[1]!.length)}`;
}

/** Plausible wrong responses of an item, most telling first: its misconceptions and wrong choices, then slips. */
function wrongCandidates(item: Item, sameSkill: readonly Item[]): AnswerResponse[] {
  switch (item.type) {
    case "single-choice":
      return item.choices.filter((c) => !c.correct).sort((a, b) => Number(b.feedback !== undefined) - Number(a.feedback !== undefined)).map((c) => c.id);
    case "multiple-select": {
      const right = item.choices.filter((c) => c.correct).map((c) => c.id);
      const extra = item.choices.filter((c) => !c.correct).map((c) => [...right, c.id]);
      return [...extra, ...(right.length > 1 ? [right.slice(0, -1)] : [])];
    }
    case "ordering": {
      const ids = item.choices.map((c) => c.id);
      const swaps: string[][] = [];
      for (let i = 0; i + 1 < ids.length; i++) swaps.push([...ids.slice(0, i), ids[i + 1]!, ids[i]!, ...ids.slice(i + 2)]);
      return swaps;
    }
    case "numeric":
    case "expression":
    case "short-text": {
      const own = item.type === "short-text" ? item.answers[0]! : item.answer;
      const others = item.type === "short-text" ? sameSkill.flatMap((o) => (o.type === "short-text" && o.id !== item.id ? [o.answers[0]!] : [])).slice(0, 3) : [];
      const bumped = bumpLastNumber(own);
      return [...item.misconceptions.filter((m) => m.blank === undefined).map((m) => m.match), ...(bumped ? [bumped] : []), ...others];
    }
    case "fill-in": {
      const right = Object.fromEntries(item.blanks.map((b) => [b.id, b.type === "short-text" ? b.answers[0]! : b.answer]));
      const fromMisconceptions = item.misconceptions.filter((m) => m.blank !== undefined).map((m) => ({ ...right, [m.blank!]: m.match }));
      const slips = item.blanks.flatMap((b) => {
        const bumped = bumpLastNumber(right[b.id]!);
        return bumped ? [{ ...right, [b.id]: bumped }] : [];
      });
      return [...fromMisconceptions, ...slips];
    }
  }
}

/**
 * The right and wrong responses of a course's items, checked once per item by `@attune/content`'s checker (only
 * responses the checker really marks right or wrong are kept), with the feedback the answer loop would store.
 * Markdown is rendered only for answers given, once per text (KaTeX is the slow part of seeding).
 */
export class ResponseBook {
  private readonly right = new Map<string, DemoAnswer | null>();
  private readonly wrong = new Map<string, DemoAnswer[]>();
  private readonly html = new Map<string, string>();
  private readonly shownOf = new WeakMap<DemoAnswer, Record<string, unknown>>();

  constructor(private readonly itemsBySkill: ReadonlyMap<string, readonly Item[]>) {}

  private answerOf(item: Item, response: AnswerResponse): DemoAnswer | null {
    try {
      return { response, check: checkAnswer(item, response) };
    } catch {
      return null;
    }
  }

  private render(markdown: string): string {
    let html = this.html.get(markdown);
    if (html === undefined) this.html.set(markdown, (html = renderMarkdown(markdown)));
    return html;
  }

  /** What the answer loop stores of the check beside the attempt id and mastery changes, in its order. */
  shown(item: Item, answer: DemoAnswer): Record<string, unknown> {
    let shown = this.shownOf.get(answer);
    if (!shown) {
      const { check } = answer;
      shown = {
        ...(check.feedback ? { feedback: check.feedback, feedbackHtml: this.render(check.feedback) } : {}),
        ...(check.formNote ? { formNote: check.formNote } : {}),
        ...(check.misconceptionId ? { misconceptionId: check.misconceptionId } : {}),
        ...(check.correct ? {} : { solution: item.solution, solutionHtml: this.render(item.solution) }),
      };
      this.shownOf.set(answer, shown);
    }
    return shown;
  }

  /** The item's own answer (what a learner who knows it sends); null for an item whose answer the checker rejects. */
  rightAnswer(item: Item): DemoAnswer | null {
    if (!this.right.has(item.id)) {
      const found = ownResponses(item).map((r) => this.answerOf(item, r)).find((a) => a?.check.correct === true) ?? null;
      this.right.set(item.id, found);
    }
    return this.right.get(item.id)!;
  }

  /** A plausible wrong answer, a known misconception's more often than a slip. */
  wrongAnswer(item: Item, rng: Rng): DemoAnswer {
    let list = this.wrong.get(item.id);
    if (!list) {
      const candidates = wrongCandidates(item, this.itemsBySkill.get(item.skills[0] ?? "") ?? []);
      list = candidates.map((r) => this.answerOf(item, r)).filter((a): a is DemoAnswer => a !== null && !a.check.correct);
      // Nothing plausible was wrong (rare): an answer nobody would count as right.
      if (list.length === 0) list = [this.answerOf(item, "?") ?? { response: "?", check: { correct: false, normalized: "?" } }];
      this.wrong.set(item.id, list);
    }
    const telling = list.filter((a) => a.check.misconceptionId !== undefined);
    const pool = telling.length > 0 && rng() < 0.7 ? telling : list;
    return pool[Math.floor(rng() * pool.length)]!;
  }
}
