import { type Item, renderSpeakable } from "@attune/content";
import type { Page } from "playwright-core";

/** Types or picks the right answer of an item in the page, from the course's own answer specification. */
export async function answerRight(page: Page, item: Item) {
  switch (item.type) {
    case "single-choice":
      // The item's own input comes first; a scaffold step's inputs follow in the hints.
      await page.locator(`input[type=radio][value="${item.choices.find((c) => c.correct)!.id}"]`).first().check();
      return;
    case "multiple-select":
      for (const c of item.choices) if (c.correct) await page.getByRole("checkbox").nth(item.choices.indexOf(c)).check();
      return;
    case "numeric":
    case "expression":
      await page.getByLabel(/Your answer/).first().fill(item.answer);
      return;
    case "short-text":
      await page.getByLabel(/Your answer/).first().fill(item.answers[0]!);
      return;
    case "fill-in":
      for (const [i, b] of item.blanks.entries()) await page.getByLabel(`Blank ${i + 1}`).fill(b.type === "short-text" ? b.answers[0]! : b.answer);
      return;
    case "ordering": {
      // Move each choice into place with the Up buttons, as a keyboard user would.
      for (const [target, choice] of item.choices.entries()) {
        const label = renderSpeakable(choice.text);
        for (;;) {
          const names = await page.locator(".ordering li button:first-of-type").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
          const at = names.indexOf(`Move "${label}" up`);
          if (at <= target) break;
          await page.getByRole("button", { name: `Move "${label}" up`, exact: true }).click();
        }
      }
      return;
    }
  }
}

/** A wrong answer where one can be typed or picked; false when the item has no simple wrong answer to give. */
export async function answerWrong(page: Page, item: Item): Promise<boolean> {
  if (item.type === "numeric" || item.type === "expression" || item.type === "short-text") {
    await page.getByLabel(/Your answer/).first().fill("999");
    return true;
  }
  if (item.type === "single-choice") {
    const wrong = item.choices.find((c) => !c.correct);
    if (!wrong) return false;
    await page.locator(`input[type=radio][value="${wrong.id}"]`).first().check();
    return true;
  }
  return false;
}
