import { describe, expect, it } from "vitest";
import type { CourseContent } from "../learning/course-content.ts";
import { learnerTimeline } from "./learner-timeline.ts";
import { plainPrompt, texAsText } from "./plain-text.ts";

const course = {
  skillById: new Map([["add", { name: "Adding" }]]),
  lessons: [{ id: "l1", title: "Adding fractions" }],
  itemById: new Map([["i1", { prompt: "What is **1/2 + 1/4**?" }]]),
} as unknown as CourseContent;

const attempt = (id: string, at: string, correct: boolean, ms: number) => ({
  id,
  item_id: "i1",
  skill_ids: '["add"]',
  correct: correct ? 1 : 0,
  response: JSON.stringify({ response: "3/4" }),
  hints_used: 0,
  duration_ms: ms,
  context: "practice",
  answered_at: at,
});

describe("learner timeline", () => {
  it("splits sessions at pauses over 30 minutes and counts time on task, not the span", () => {
    const t = learnerTimeline(
      course,
      [attempt("a", "2026-11-02T10:00:00Z", false, 30_000), attempt("b", "2026-11-02T10:20:00Z", false, 60_000), attempt("c", "2026-11-02T11:00:00Z", true, 12_000)],
      [{ lesson_id: "l1", seconds: 90, viewed_at: "2026-11-02T09:58:00Z" }],
    );
    expect(t.sessions).toHaveLength(2);
    // Newest first: the 11:00 session alone, then 09:58–10:20 with the lesson (90 s) and two answers (90 s).
    expect(t.sessions[0]!.attempts.map((a) => a.id)).toEqual(["c"]);
    expect(t.sessions[0]!.minutes).toBe(0.2);
    expect(t.sessions[1]!.minutes).toBe(3);
    expect(t.sessions[1]!.lessons[0]!.title).toBe("Adding fractions");
    expect(t.troubleItems).toEqual([{ itemId: "i1", prompt: "What is 1/2 + 1/4?", wrong: 2, attempts: 3 }]);
  });
  it("shortens prompts to one plain line", () => {
    expect(plainPrompt("a\n\n*b*", 10)).toBe("a b");
    expect(plainPrompt("x".repeat(20), 10)).toBe("xxxxxxxxx…");
  });
  it("writes math as text in prompts", () => {
    expect(texAsText("\\frac{3}{4} \\times 2")).toBe("3/4 × 2");
    expect(plainPrompt("Add: $\\frac{1}{3} + \\frac{1}{10}$")).toBe("Add: 1/3 + 1/10");
  });
});
