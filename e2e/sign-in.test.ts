import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchBrowser, screenshot } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";

describe("signing in to a fresh Attune", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("signs in the demo teacher, shows their classes, with no WCAG 2.1 A/AA violations", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "01-sign-in");

    await page.getByLabel("Email").fill("teacher1@demo.attune.test");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("do not match");

    await page.getByLabel("Password").fill("attune-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your classes" }).waitFor();
    const cards = page.locator(".card");
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.allTextContents()).toEqual([expect.stringMatching(/Math 5A.*20 learners/), expect.stringMatching(/Math 5B.*20 learners/)]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "02-teacher-home");

    await page.getByRole("link", { name: "Math 5A" }).click();
    await page.getByRole("heading", { name: "Math 5A" }).waitFor();
    await page.getByRole("heading", { name: "Mastery map: Fractions" }).waitFor();
    expect(await page.locator(".heatmap tbody tr").count()).toBe(20);
    expect(await page.locator(".heatmap .hm-skill-head").count()).toBe(35);
    await page.getByRole("navigation", { name: "Class sections" }).getByRole("link", { name: "Learners" }).click();
    await expect.poll(() => page.locator("table tbody tr").count()).toBe(20);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "03-class-roster");
  });

  it("works with the keyboard alone and at 360 px wide", async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await page.goto(server.url);
    await page.getByLabel("Email").waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.type("guardian01@demo.attune.test");
    await page.keyboard.press("Tab");
    await page.keyboard.type("attune-demo");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Your learners" }).waitFor();
    const names = await page.locator(".card h3").allTextContents();
    expect(names).toHaveLength(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "04-guardian-home-360px");
  });

  it("shows an admin the school's people and the audit log", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel("Email").fill("admin@demo.attune.test");
    await page.getByLabel("Password").fill("attune-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your school" }).waitFor();
    await expect.poll(() => page.locator(".stat-row dd").first().textContent()).toBe("80");
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "05-admin-home");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
    await page.getByRole("heading", { name: "People" }).waitFor();
    await expect.poll(() => page.getByText("124 people").count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "06-admin-people");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await expect.poll(() => page.getByText("listed people").count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, "07-admin-audit");
    await context.close();
  });
});
