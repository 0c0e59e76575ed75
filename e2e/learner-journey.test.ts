import path from "node:path";
import { type Item, readCourseDir, validateCourse } from "@attune/content";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRight, answerWrong } from "./support/answers.ts";
import { accessibilityViolations, launchBrowser, screenshot } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

type PlacementView = { item: { id: string } | null; result: { mastered: { skillId: string }[] } | null };
type Plan = { pace: { skillsMastered: number; measured: boolean }; goals: { remainingSkills: unknown[] }[] };

const api = <T,>(page: Page, url: string) => page.evaluate(async (u) => (await fetch(u, { credentials: "same-origin" })).json(), url) as Promise<T>;

/**
 * One new learner's whole first journey, as the issue tells it: placement (some right, some wrong) → the map matches
 * the placement → practice until a skill is mastered (feedback, a hint, a worked solution) → the map and the plan
 * move → a lesson in two media → preferences changed and honoured (dyslexia-friendly font, session length).
 */
describe("a new learner's first journey", () => {
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

  it("walks from placement to a mastered skill, a lesson in two media and honoured preferences", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.clock.install();
    const placementItems: string[] = [];
    let placement: PlacementView | null = null;
    const shownItems: string[] = [];
    page.on("response", async (r) => {
      const url = new URL(r.url()).pathname;
      if (/\/placement(\/answers|\/finish)?$/.test(url) && r.request().method() === "POST") {
        placement = (await r.json()) as PlacementView;
        if (placement.item) placementItems.push(placement.item.id);
      }
      const m = /\/api\/courses\/fractions\/items\/([^/?]+)$/.exec(url);
      if (m) shownItems.push(decodeURIComponent(m[1]!));
    });

    // Sign in.
    await page.goto(server.url);
    await page.getByLabel("Email").fill("learner02@demo.attune.test");
    await page.getByLabel("Password").fill("attune-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Today" }).waitFor();
    await screenshot(page, "50-journey-today");

    // Placement: six questions, right and wrong in turn, then stop.
    await page.getByRole("link", { name: "My map of Fractions" }).click();
    await page.getByRole("link", { name: "Take the short placement" }).click();
    await page.getByRole("button", { name: "Start" }).click();
    for (let q = 1; q <= 6; q++) {
      await expect.poll(() => placementItems.length).toBeGreaterThanOrEqual(q);
      const item = items.get(placementItems[q - 1]!)!;
      if (q % 2 === 0 && (await answerWrong(page, item))) {
        // answered wrong
      } else await answerRight(page, item);
      await page.getByRole("button", { name: "Next question" }).click();
      if (((placement as PlacementView | null)?.result ?? null) !== null) break;
    }
    if (!(placement as PlacementView | null)?.result) await page.getByRole("button", { name: "Stop here and see my map" }).click();
    await page.getByRole("heading", { name: "Your starting map is ready" }).waitFor();
    await screenshot(page, "51-journey-placement-result");
    const placedMastered = (placement as PlacementView | null)!.result!.mastered.map((s) => s.skillId).sort();

    // The map matches the placement.
    await page.getByRole("link", { name: "See my map" }).click();
    await page.getByRole("heading", { name: "My map" }).waitFor();
    await expect.poll(() => page.locator(".skill-node").count()).toBe(35);
    expect(await page.locator(".skill-node.status-mastered").count()).toBe(placedMastered.length);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "52-journey-map-after-placement");

    // A goal, so the plan has something to move.
    await page.goto(`${server.url}/learn/fractions/plan`);
    await page.getByRole("heading", { name: "My plan" }).waitFor();
    await page.getByLabel("Unit to finish").selectOption({ index: 1 });
    await page.getByLabel("Minutes a week").fill("60");
    await page.getByRole("button", { name: "Set goal" }).click();
    await page.locator(".goal").waitFor();
    const planBefore = await api<Plan>(page, "/api/courses/fractions/plan");

    // Practice until a skill is mastered: feedback every time, one hint, one worked solution, lessons on the way.
    await page.getByRole("link", { name: "Home" }).first().click();
    await page.getByRole("link", { name: /^(Start|Continue) learning$/ }).first().click();
    let masteredSkill: string | null = null;
    let hinted = false;
    let solutionSeen = false;
    for (let step = 0; step < 120 && masteredSkill === null; step++) {
      await page.locator(".reason .eyebrow").waitFor();
      const eyebrow = (await page.locator(".reason .eyebrow").textContent()) ?? "";
      if (eyebrow.startsWith("Lesson")) {
        await page.getByRole("button", { name: /continue/ }).click();
        await page.waitForTimeout(200);
        continue;
      }
      await page.locator(".item-card .prompt").first().waitFor();
      const count = shownItems.length;
      await expect.poll(() => shownItems.length).toBeGreaterThan(0);
      const item = items.get(shownItems.at(-1)!)!;
      if (!hinted && item.hints.length > 0) {
        await page.getByRole("button", { name: "Show a hint" }).click();
        await expect.poll(() => page.getByRole("list", { name: "Hints" }).locator(":scope > li").count()).toBe(1);
        hinted = true;
      }
      if (!solutionSeen && (await answerWrong(page, item))) {
        await page.getByRole("button", { name: "Check my answer" }).click();
        await page.locator(".feedback").waitFor();
        expect(await page.locator(".feedback-title").textContent()).toBe("Not quite.");
        await page.getByText("Worked solution").waitFor();
        await screenshot(page, "54-journey-worked-solution");
        solutionSeen = true;
      } else {
        await answerRight(page, item);
        await page.getByRole("button", { name: "Check my answer" }).click();
        await page.locator(".feedback").waitFor();
        expect(await page.locator(".feedback-title").textContent()).toBe("Right!");
        const changes = await page.locator(".mastery-change").allTextContents();
        const gained = changes.find((c) => c.includes("mastered!"));
        if (gained) {
          masteredSkill = gained.split(":")[0]!;
          expect(await accessibilityViolations(page)).toEqual([]);
          await screenshot(page, "55-journey-skill-mastered");
        }
      }
      await page.getByRole("button", { name: "Continue" }).click();
      await expect.poll(() => shownItems.length >= count).toBe(true);
    }
    expect(masteredSkill).not.toBeNull();
    expect(hinted).toBe(true);
    expect(solutionSeen).toBe(true);

    // The map and the plan moved.
    await page.goto(`${server.url}/learn/fractions/map`);
    await page.getByRole("heading", { name: "My map" }).waitFor();
    await expect.poll(() => page.locator(".skill-node.status-mastered").count()).toBe(placedMastered.length + 1);
    await screenshot(page, "56-journey-map-after-practice");
    const planAfter = await api<Plan>(page, "/api/courses/fractions/plan");
    expect(planAfter.pace.skillsMastered).toBe(planBefore.pace.skillsMastered + 1);
    expect(planAfter.pace.measured).toBe(true);
    await page.goto(`${server.url}/learn/fractions/plan`);
    await page.locator(".goal").waitFor();
    await screenshot(page, "57-journey-plan-after-practice");

    // A lesson in two media: a ready skill whose lesson is still unseen, picked from the map's data.
    type Mastery = { skills: { skillId: string; practice: { kind: string; lessonId?: string } | null }[] };
    const ready = (await api<Mastery>(page, "/api/courses/fractions/mastery")).skills.find((s) => s.practice?.kind === "lesson");
    expect(ready).toBeDefined();
    await page.goto(`${server.url}/learn/fractions?skill=${encodeURIComponent(ready!.skillId)}`);
    await page.locator(".lesson-card").waitFor();
    const tabs = page.getByRole("tab");
    expect(await tabs.count()).toBeGreaterThanOrEqual(2);
    const first = (await page.getByRole("tab", { selected: true }).textContent()) ?? "";
    const firstText = (await page.getByRole("tabpanel").textContent()) ?? "";
    const other = (await tabs.allTextContents()).find((name) => name !== first)!;
    await page.getByRole("tab", { name: other, exact: true }).click();
    await expect.poll(() => page.getByRole("tab", { selected: true }).textContent()).toBe(other);
    expect(await page.getByRole("tabpanel").textContent()).not.toBe(firstText);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "53-journey-lesson-second-medium");

    // Preferences changed and honoured: the dyslexia-friendly font everywhere, and a five-minute session.
    await page.getByRole("link", { name: "Profile" }).click();
    await page.getByRole("heading", { name: "Profile and preferences" }).waitFor();
    await page.getByLabel("Dyslexia-friendly font").check();
    await page.getByLabel("Session length").selectOption("5");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.getByText("Saved.").waitFor();
    await page.goto(`${server.url}/learn/fractions`);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("OpenDyslexic");
    await page.clock.fastForward("06:00");
    for (let step = 0; step < 10; step++) {
      await page.locator(".reason .eyebrow").waitFor();
      if (((await page.locator(".reason .eyebrow").textContent()) ?? "").startsWith("Lesson")) {
        await page.getByRole("button", { name: /continue/ }).click();
        await page.waitForTimeout(200);
        continue;
      }
      await page.locator(".item-card .prompt").first().waitFor();
      await answerRight(page, items.get(shownItems.at(-1)!)!);
      await page.getByRole("button", { name: "Check my answer" }).click();
      await page.locator(".feedback").waitFor();
      break;
    }
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: "Nice work — that's your 5 minutes" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "58-journey-session-done-dyslexia-font");
  });
});
