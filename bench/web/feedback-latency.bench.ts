/**
 * How soon an answer's feedback is on screen after the answer loop's response arrives (issue #6: ≤ 100 ms), in real
 * Chromium against a real server: the page's fetch is wrapped to note when the attempt response's body has been
 * read, and a MutationObserver notes when the feedback element appears; the difference is the client's own time.
 *   npx tsx bench/web/feedback-latency.bench.ts [--answers 20]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { type Item, readCourseDir, validateCourse } from "@attune/content";
import { answerRight } from "../../e2e/support/answers.ts";
import { launchBrowser } from "../../e2e/support/browser.ts";
import { startServer } from "../../e2e/support/server.ts";

const { values } = parseArgs({ options: { answers: { type: "string", default: "20" } } });
const wanted = Number(values.answers);

const parsed = await readCourseDir(path.resolve(import.meta.dirname, "../../courses/fractions"));
const items = new Map<string, Item>(validateCourse(parsed.course, parsed.sources).items.map((i) => [i.id, i]));
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __responseAt: number[]; __feedbackAt: number[] };
    w.__responseAt = [];
    w.__feedbackAt = [];
    const original = window.fetch;
    window.fetch = async (...args) => {
      const response = await original(...args);
      const url = typeof args[0] === "string" ? args[0] : args[0] instanceof Request ? args[0].url : String(args[0]);
      if (!/\/attempts$/.test(url)) return response;
      const text = await response.text();
      w.__responseAt.push(performance.now());
      return new Response(text, { status: response.status, headers: response.headers });
    };
    new MutationObserver(() => {
      const shown = document.querySelectorAll(".feedback").length;
      while (w.__feedbackAt.length < w.__responseAt.length && shown > 0) w.__feedbackAt.push(performance.now());
    }).observe(document, { subtree: true, childList: true });
  });
  const shown: string[] = [];
  page.on("response", (r) => {
    const m = /\/api\/courses\/fractions\/items\/([^/?]+)$/.exec(new URL(r.url()).pathname);
    if (m) shown.push(decodeURIComponent(m[1]!));
  });
  await page.goto(server.url);
  await page.getByLabel("Email").fill("learner01@demo.attune.test");
  await page.getByLabel("Password").fill("attune-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: /^(Start|Continue) learning$/ }).first().click();
  let answered = 0;
  for (let step = 0; step < wanted * 3 && answered < wanted; step++) {
    await page.locator(".reason .eyebrow").waitFor();
    if (((await page.locator(".reason .eyebrow").textContent()) ?? "").startsWith("Lesson")) {
      await page.getByRole("button", { name: /continue/ }).click();
      await page.waitForTimeout(200);
      continue;
    }
    await page.locator(".item-card .prompt").first().waitFor();
    await page.waitForTimeout(100);
    await answerRight(page, items.get(shown.at(-1)!)!);
    await page.getByRole("button", { name: "Check my answer" }).click();
    await page.locator(".feedback").waitFor();
    answered++;
    await page.getByRole("button", { name: "Continue" }).click();
  }
  const { responseAt, feedbackAt } = await page.evaluate(() => {
    const w = window as unknown as { __responseAt: number[]; __feedbackAt: number[] };
    return { responseAt: w.__responseAt, feedbackAt: w.__feedbackAt };
  });
  const gaps = responseAt.map((t, i) => (feedbackAt[i] ?? NaN) - t).filter((g) => Number.isFinite(g)).sort((a, b) => a - b);
  const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]!;
  console.log(`answers ${gaps.length}: feedback after the response median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${gaps.at(-1)!.toFixed(1)} ms (target <= 100 ms)`);
} finally {
  await browser.close();
  await server.stop();
}
