import type { Item } from "@attune/content";

/** A right response to any item, from its own answer specification (what a learner who knows would send). */
export function rightResponse(item: Item): string | string[] | Record<string, string> {
  switch (item.type) {
    case "single-choice":
      return item.choices.find((c) => c.correct)!.id;
    case "multiple-select":
      return item.choices.filter((c) => c.correct).map((c) => c.id);
    case "ordering":
      return item.choices.map((c) => c.id);
    case "numeric":
    case "expression":
      return item.answer;
    case "short-text":
      return item.answers[0]!;
    case "fill-in":
      return Object.fromEntries(item.blanks.map((b) => [b.id, b.type === "short-text" ? b.answers[0]! : b.answer]));
  }
}

/** A response that is wrong for the item (an empty text or an unlisted choice is never right). */
export function wrongResponse(item: Item): string | string[] {
  if (item.type === "single-choice") return item.choices.find((c) => !c.correct)?.id ?? "zzz";
  if (item.type === "multiple-select" || item.type === "ordering") return [...item.choices.map((c) => c.id)].reverse().slice(0, 1);
  return "zzz-wrong";
}
