import path from "node:path";
import { type Item, readCourseDir, validateCourse } from "@attune/content";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRight } from "./support/answers.ts";
import { SCREENSHOT_DIR, accessibilityViolations, launchBrowser, screenshot } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

describe("a learner's learning loop", () => {
  let server: RunningServer;
  let browser: Browser;
  let items: Map<string, Item>;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const parsed = await readCourseDir(path.resolve(import.meta.dirname, "../courses/fractions"));
    items = new Map(validateCourse(parsed.course, parsed.sources).items.map((i) => [i.id, i]));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in, follows the recommendation with its reason, studies a lesson and answers items with instant feedback", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const shownItems: string[] = [];
    page.on("response", (r) => {
      const m = /\/api\/courses\/fractions\/items\/([^/?]+)$/.exec(new URL(r.url()).pathname);
      if (m) shownItems.push(decodeURIComponent(m[1]!));
    });
    await page.goto(server.url);
    await page.getByLabel("Email").fill("learner01@demo.attune.test");
    await page.getByLabel("Password").fill("attune-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Today" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "10-learner-home");

    await page.getByRole("link", { name: "Start learning" }).click();
    await page.locator(".reason-text").waitFor();
    expect((await page.locator(".reason-text").textContent())!.length).toBeGreaterThan(10);

    let answered = 0;
    let lessons = 0;
    let previewChecked = false;
    for (let step = 0; step < 12 && answered < 3; step++) {
      const eyebrow = (await page.locator(".reason .eyebrow").textContent()) ?? "";
      if (eyebrow.startsWith("Lesson")) {
        await page.locator(".lesson-card").waitFor();
        if (lessons === 0) {
          expect(await page.getByRole("tab").count()).toBeGreaterThanOrEqual(2);
          await page.getByRole("tab", { name: "Worked example" }).click();
          await page.getByRole("button", { name: /Show the next step/ }).click();
          expect(await page.locator(".steps li").count()).toBe(2);
          expect(await accessibilityViolations(page)).toEqual([]);
          await screenshot(page, "11-lesson-worked-example");
        }
        lessons++;
        await page.getByRole("button", { name: /continue/ }).click();
        await page.waitForTimeout(300);
        continue;
      }
      await page.locator(".item-card .prompt").waitFor();
      await expect.poll(() => shownItems.length).toBeGreaterThan(answered);
      const item = items.get(shownItems.at(-1)!)!;
      if (answered === 0) {
        await page.getByRole("button", { name: "Show a hint" }).click();
        await expect.poll(() => page.getByRole("list", { name: "Hints" }).locator("li").count()).toBe(1);
      }
      if (!previewChecked && (item.type === "numeric" || item.type === "expression")) {
        // The typed answer is drawn as it reads in print while the learner types; fraction boxes write the same text.
        previewChecked = true;
        const input = page.getByLabel(/Your answer/);
        await input.fill("2 3/4");
        await expect.poll(() => page.locator(".math-preview math mfrac").count(), { timeout: 10_000 }).toBe(1);
        expect(await page.locator(".math-preview math > mrow > mn").first().textContent()).toBe("2");
        expect(await page.locator(".math-preview").getAttribute("aria-hidden")).toBe("true");
        await input.fill("(x+1)^2 ÷ 3");
        await expect.poll(() => page.locator(".math-preview math msup").count(), { timeout: 10_000 }).toBe(1);
        await input.fill("3/");
        await expect.poll(() => page.locator(".math-preview-plain").textContent(), { timeout: 10_000 }).toBe("3/");
        await input.fill("");
        await page.getByRole("button", { name: "Mixed number", exact: true }).click();
        await page.getByLabel("Whole number").fill("1");
        await page.getByLabel("Numerator (top number)").fill("3");
        await page.getByLabel("Denominator (bottom number)").fill("8");
        expect(await input.inputValue()).toBe("1 3/8");
        await expect.poll(() => page.locator(".math-preview math mfrac").count(), { timeout: 10_000 }).toBe(1);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, "12c-math-preview");
        await page.getByRole("button", { name: "Mixed number", exact: true }).click();
        await input.fill("");
      }
      if (answered === 1 && (item.type === "numeric" || item.type === "short-text" || item.type === "expression")) {
        // A wrong answer: feedback, and the worked solution.
        await page.getByLabel(/Your answer/).fill("999");
        await page.getByRole("button", { name: "Check my answer" }).click();
        await page.locator(".feedback").waitFor();
        expect(await page.locator(".feedback-title").textContent()).toBe("Not quite.");
        expect(await page.getByText("Worked solution").count()).toBe(1);
        await screenshot(page, "12b-worked-solution");
        answered++;
        await page.getByRole("button", { name: "Continue" }).click();
        continue;
      }
      await answerRight(page, item);
      await page.getByRole("button", { name: "Check my answer" }).click();
      await page.locator(".feedback").waitFor();
      expect(await page.locator(".feedback-title").textContent()).toBe("Right!");
      if (answered === 0) {
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, "12-item-feedback");
      }
      answered++;
      await page.getByRole("button", { name: "Continue" }).click();
    }
    expect(answered).toBe(3);
    expect(previewChecked).toBe(true);
  });

  it("takes the placement (questions so far, no score), stops early and shows the starting map with reasons", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const shown: string[] = [];
    page.on("response", async (r) => {
      if (/\/placement(\/answers)?$/.test(new URL(r.url()).pathname) && r.request().method() === "POST") {
        const body = (await r.json()) as { item: { id: string } | null };
        if (body.item) shown.push(body.item.id);
      }
    });
    await page.goto(server.url);
    await page.getByLabel("Email").fill("learner03@demo.attune.test");
    await page.getByLabel("Password").fill("attune-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "My map of Fractions" }).click();
    await page.getByRole("heading", { name: "My map" }).waitFor();
    await page.getByRole("link", { name: "Take the short placement" }).click();
    await page.getByRole("heading", { name: "Let's find your starting point" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Start" }).click();
    for (let q = 1; q <= 4; q++) {
      await expect.poll(() => page.locator(".eyebrow").textContent()).toBe(`Placement · question ${q}`);
      await expect.poll(() => shown.length).toBeGreaterThanOrEqual(q);
      const item = items.get(shown[q - 1]!)!;
      await answerRight(page, item);
      if (q === 1) {
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, "13-placement-question");
      }
      await page.getByRole("button", { name: "Next question" }).click();
    }
    expect(await page.getByText(/score|correct|wrong/i).count()).toBe(0);
    await page.getByRole("button", { name: "Stop here and see my map" }).click();
    await page.getByRole("heading", { name: "Your starting map is ready" }).waitFor();
    await screenshot(page, "14-placement-result");
    await page.getByRole("link", { name: "See my map" }).click();
    await page.getByRole("heading", { name: "My map" }).waitFor();
    // The drawing's code loads with the map page.
    await page.locator(".skill-node").first().waitFor();
    expect(await page.locator(".skill-node").count()).toBe(35);
    expect(await page.locator(".skill-node.status-locked").count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "15-my-map");
    // The same map as a list, unit by unit.
    await page.getByRole("button", { name: "List", exact: true }).click();
    expect(await page.locator(".map-skill").count()).toBe(35);
    await page.locator(".map-skill.status-locked").first().getByRole("button", { name: /Why\?/ }).click();
    await page.getByRole("dialog").getByText(/Unlocks when you master/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "15b-my-map-list-details.png") });
  });

  it("draws my map as the course's skill graph, moves between skills with the keyboard and shows the evidence behind an estimate", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(server.url);
    await page.getByLabel("Email").fill("learner02@demo.attune.test");
    await page.getByLabel("Password").fill("attune-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "My map of Fractions" }).click();
    await page.getByRole("heading", { name: "My map" }).waitFor();
    // The drawing's code loads with the map page.
    await page.locator(".skill-node").first().waitFor();
    expect(await page.locator(".skill-node").count()).toBe(35);
    // Every prerequisite is a line; every skill says its status in words, not only in colour.
    expect(await page.locator(".skill-map-edges path.edge").count()).toBe(54);
    const statuses = await page.locator(".skill-node .skill-node-status").allTextContents();
    expect(statuses.every((s) => /^(Mastered|Needs review|In progress|Ready to learn|Locked)\d+%$/.test(s))).toBe(true);
    // Layer by layer: the first skill has no prerequisite, the last needs the most.
    const order = await page.locator(".skill-node").evaluateAll((els) => els.map((e) => e.getAttribute("data-skill-id")));
    expect(order[0]).toBe("fraction-meaning");
    expect(order.at(-1)).toBe("fraction-word-problems");

    // Keyboard: one tab stop, arrow keys between skills, Enter opens the details, Escape returns to the skill.
    await page.locator(".skill-node").first().focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-skill-id"))).toBe("unit-fractions");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Fractions as equal parts of a whole" });
    await dialog.waitFor();
    expect(await dialog.getByText("Ready to learn").first().isVisible()).toBe(true);
    expect(await dialog.getByRole("heading", { name: "Why we think so" }).count()).toBe(1);
    expect(await dialog.getByText(/likely between \d+% and \d+%/).count()).toBe(1);
    const practise = dialog.getByRole("link", { name: "Practise this" });
    expect(await practise.getAttribute("href")).toBe("/learn/fractions?skill=fraction-meaning");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-skill-id")), { timeout: 10_000 }).toBe("fraction-meaning");

    // Answer a question, then the map shows the evidence for its skill: answers, last answers, last practised.
    const shownItems: string[] = [];
    page.on("response", (r) => {
      const m = /\/api\/courses\/fractions\/items\/([^/?]+)$/.exec(new URL(r.url()).pathname);
      if (m) shownItems.push(decodeURIComponent(m[1]!));
    });
    await page.getByRole("link", { name: "Continue learning" }).click();
    await page.locator(".reason .eyebrow").waitFor();
    for (let step = 0; step < 6; step++) {
      const eyebrow = (await page.locator(".reason .eyebrow").textContent()) ?? "";
      if (!eyebrow.startsWith("Lesson")) break;
      await page.getByRole("button", { name: /continue/ }).click();
      await page.waitForTimeout(300);
    }
    await page.locator(".item-card .prompt").waitFor();
    await expect.poll(() => shownItems.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const item = items.get(shownItems.at(-1)!)!;
    await answerRight(page, item);
    await page.getByRole("button", { name: "Check my answer" }).click();
    await page.locator(".feedback").waitFor();
    await page.goto(`${server.url}/learn/fractions/map`);
    const practised = page.locator(`.skill-node[data-skill-id="${item.skills[0]}"]`);
    await practised.click();
    const details = page.getByRole("dialog");
    await details.getByText(/1 right out of 1 answer/).waitFor();
    expect(await details.getByText(/Last practised on/).count()).toBe(1);
    expect(await details.locator(".recent-answers .answer-right").count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "15c-skill-evidence.png") });
    await details.getByRole("button", { name: "Close" }).click();

    // Highlighting a unit dims the others; zooming out shows more of the map at once.
    await page.getByRole("button", { name: /^Equivalent fractions and simplest form/ }).click();
    expect(await page.locator(".skill-node.is-highlighted").count()).toBe(4);
    await page.getByRole("button", { name: "Zoom out" }).click();
    await page.getByRole("button", { name: "Zoom out" }).click();
    await screenshot(page, "15d-my-map-unit-zoomed");
  });

  it("keeps the map usable on a 360 px phone: the list first, the drawing scrolls", async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
    await page.goto(server.url);
    await page.getByLabel("Email").fill("learner02@demo.attune.test");
    await page.getByLabel("Password").fill("attune-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "My map of Fractions" }).click();
    await page.getByRole("heading", { name: "My map" }).waitFor();
    expect(await page.locator(".map-skill").count()).toBe(35);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "15e-my-map-phone-list");
    await page.getByRole("button", { name: "Map", exact: true }).click();
    // The drawing's code loads with the map page.
    await page.locator(".skill-node").first().waitFor();
    expect(await page.locator(".skill-node").count()).toBe(35);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator(".skill-map-scroll").evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await page.locator(".skill-node").nth(4).click();
    await page.getByRole("dialog").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "15f-my-map-phone-details.png") });
  });

  it("sets a goal and shows its projection from the learner's pace", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(server.url);
    await page.getByLabel("Email").fill("learner04@demo.attune.test");
    await page.getByLabel("Password").fill("attune-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "My plan for Fractions" }).click();
    await page.getByRole("heading", { name: "My plan" }).waitFor();
    await page.getByLabel("Unit to finish").selectOption({ index: 1 });
    await page.getByLabel("Minutes a week").fill("45");
    await page.getByRole("button", { name: "Set goal" }).click();
    await page.locator(".goal").waitFor();
    expect(await page.locator(".goal").textContent()).toMatch(/projected finish \d{4}-\d{2}-\d{2}/);
    expect(await page.locator(".goal").textContent()).toMatch(/This week:/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "16-plan");
  });

  it("changes preferences and honours them: dyslexia-friendly font on every page, preferred medium first", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(server.url);
    await page.getByLabel("Email").fill("learner05@demo.attune.test");
    await page.getByLabel("Password").fill("attune-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Profile" }).click();
    await page.getByRole("heading", { name: "Profile and preferences" }).waitFor();
    await page.getByLabel("Dyslexia-friendly font").check();
    await page.getByLabel("Larger text").check();
    await page.getByLabel("Worked examples").check();
    await page.getByLabel("Session length").selectOption("5");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.getByText("Saved.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "17-profile");
    await page.reload();
    await page.getByRole("heading", { name: "Profile and preferences" }).waitFor();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("OpenDyslexic");
    expect(await page.getByLabel("Session length").inputValue()).toBe("5");
    await page.getByRole("link", { name: "Home" }).first().click();
    await page.getByRole("link", { name: "Start learning" }).click();
    await page.locator(".reason .eyebrow").waitFor();
    if (((await page.locator(".reason .eyebrow").textContent()) ?? "").startsWith("Lesson")) {
      // The preferred medium opens first.
      await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe("Worked example");
    }
    await screenshot(page, "18-learning-with-preferences");
  });
});
