import { type Item, renderInlineMarkdown, renderMarkdown, renderSpeakable } from "@attune/content";
import type { ItemView } from "@attune/contract";


/** A stable shuffle (by item id) so an ordering item is not shown in its answer order, and looks the same on reload. */
function shuffled<T>(values: T[], seedText: string): T[] {
  let seed = 0;
  for (const ch of seedText) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  // A shuffle that happens to return the answer order would give the answer away.
  if (out.length > 1 && out.every((v, i) => v === values[i])) out.push(out.shift()!);
  return out;
}

/** What a learner sees of an item: the question, never its answer, feedback, hints or solution. */
export function itemView(item: Item): ItemView {
  const base = { id: item.id, type: item.type, skills: item.skills, prompt: item.prompt, promptHtml: renderMarkdown(item.prompt), promptSpeech: renderSpeakable(item.prompt), hintCount: item.hints.length };
  const choice = (c: { id: string; text: string }) => ({ id: c.id, text: c.text, html: renderInlineMarkdown(c.text), label: renderSpeakable(c.text) });
  switch (item.type) {
    case "single-choice":
    case "multiple-select":
      return { ...base, choices: item.choices.map(choice) };
    case "ordering":
      return { ...base, choices: shuffled(item.choices.map(choice), item.id) };
    case "fill-in":
      return { ...base, blanks: item.blanks.map((b) => ({ id: b.id, type: b.type, ...(b.type === "numeric" && b.units.length ? { units: b.units } : {}) })) };
    case "numeric":
      return { ...base, ...(item.units.length ? { units: item.units } : {}) };
    default:
      return base;
  }
}

/** Hint `n` (1-based) rendered; a scaffold also says how its own answer is given (never the answer). */
export function itemHint(item: Item, n: number) {
  const hint = item.hints[n - 1]!;
  const html = renderMarkdown(hint.title ? `**${hint.title}** ${hint.text}` : hint.text);
  if (!hint.answer) return { number: n, of: item.hints.length, html, scaffold: null };
  // The scaffold's answer spec seen as an item of its own, so it gets the same inputs as any item.
  const view = itemView({ ...hint.answer, id: `${item.id}~step${n}`, skills: item.skills, prompt: hint.text, hints: [], solution: "", tags: [] } as Item);
  const { type, choices, blanks, units } = view;
  return { number: n, of: item.hints.length, html, scaffold: { type, ...(choices ? { choices } : {}), ...(blanks ? { blanks } : {}), ...(units ? { units } : {}) } };
}

/** The scaffold's answer as the learner would write it, for "show me" after trying. */
export function scaffoldAnswerText(spec: NonNullable<Item["hints"][number]["answer"]>): string {
  switch (spec.type) {
    case "single-choice":
      return spec.choices.find((c) => c.correct)?.text ?? "";
    case "multiple-select":
      return spec.choices.filter((c) => c.correct).map((c) => c.text).join(", ");
    case "ordering":
      return spec.choices.map((c) => c.text).join(" → ");
    case "numeric":
      return `${spec.answer}${spec.units.length > 0 ? ` ${spec.units[0]}` : ""}`;
    case "expression":
      return spec.answer;
    case "short-text":
      return spec.answers[0] ?? "";
    case "fill-in":
      return spec.blanks.map((b) => (b.type === "short-text" ? b.answers[0] : b.answer)).join(", ");
  }
}
