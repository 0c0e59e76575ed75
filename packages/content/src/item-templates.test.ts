import { describe, expect, it } from "vitest";
import { checkAnswer } from "./answer-checker.ts";
import type { ItemTemplate } from "./course-model.ts";
import { expandTemplate, instanceId } from "./item-templates.ts";
import { frac, mixed, texFrac, texMixed } from "./template-math.ts";

function template(extra: Partial<ItemTemplate> & { body?: Record<string, unknown> }): ItemTemplate {
  return {
    id: "add-unlike",
    skills: ["add"],
    type: "numeric",
    count: 30,
    params: { a: { min: 1, max: 5 }, b: { min: 2, max: 9 }, c: { min: 1, max: 5 }, d: { values: [2, 3, 4, 5, 6, 8, 10] } },
    where: ["a < b", "c < d", "b != d", "gcd(a, b) == 1 and gcd(c, d) == 1"],
    let: { num: "a * d + c * b", den: "b * d" },
    ...extra,
    body: {
      type: "numeric",
      prompt: "$[[tex_frac(a, b)]] + [[tex_frac(c, d)]]$ = ?",
      answer: "[[frac(num, den)]]",
      form: "lowest-terms",
      hints: ["Find a common denominator of [[b]] and [[d]]."],
      solution: "$[[tex_frac(num, den)]]$",
      ...extra.body,
    },
  };
}

describe("template functions", () => {
  it("writes reduced fractions, mixed numbers and their LaTeX", () => {
    expect(frac(6, 8)).toBe("3/4");
    expect(frac(8, 4)).toBe("2");
    expect(frac(3, -6)).toBe("-1/2");
    expect(mixed(7, 4)).toBe("1 3/4");
    expect(mixed(-7, 4)).toBe("-1 3/4");
    expect(mixed(2, 4)).toBe("1/2");
    expect(texFrac(-2, 6)).toBe("-\\frac{1}{3}");
    expect(texMixed(10, 4)).toBe("2\\frac{1}{2}");
  });
});

describe("expandTemplate", () => {
  it("generates count distinct instances whose own answers the checker accepts", () => {
    const { items, problems } = expandTemplate(template({}), "fractions");
    expect(problems).toEqual([]);
    expect(items).toHaveLength(30);
    expect(new Set(items.map((i) => i.id)).size).toBe(30);
    for (const item of items) {
      expect(item.type === "numeric" && checkAnswer(item, item.answer).correct).toBe(true);
      expect(item.prompt).not.toContain("[[");
    }
  });

  it("is deterministic for a seed and gives stable ids derived from the parameters", () => {
    const first = expandTemplate(template({}), "fractions").items.map((i) => i.id);
    const again = expandTemplate(template({}), "fractions").items.map((i) => i.id);
    const otherCourse = expandTemplate(template({}), "another-course").items.map((i) => i.id);
    expect(again).toEqual(first);
    expect(otherCourse).not.toEqual(first);
    expect(first[0]).toMatch(/^add-unlike~a\d-b\d-c\d-d\d+$/);
    expect(instanceId("t", { a: -2, b: 2.5 })).toBe("t~am2-b2p5");
  });

  it("keeps the type of a field that is a single placeholder and leaves fill-in blanks alone", () => {
    const { items, problems } = expandTemplate(
      {
        id: "bigger",
        skills: ["compare"],
        type: "fill-in",
        count: 3,
        params: { a: { min: 1, max: 3 } },
        where: [],
        let: {},
        body: {
          type: "fill-in",
          prompt: "[[a]] + 1 = [[blank:b1]]",
          blanks: [{ id: "b1", type: "numeric", answer: "[[a + 1]]" }],
          hints: ["Count on."],
          solution: "[[a + 1]]",
        },
      },
      "c",
    );
    expect(problems).toEqual([]);
    expect(items.map((i) => i.prompt).sort()).toEqual(["1 + 1 = [[blank:b1]]", "2 + 1 = [[blank:b1]]", "3 + 1 = [[blank:b1]]"]);
  });

  it("does not count a let that fails for combinations where rules out", () => {
    const { items, problems } = expandTemplate(template({ where: ["b != d"], let: { num: "a * d + c * b", den: "b * d", r: "frac(1, b - d)" } }), "c");
    expect(problems).toEqual([]);
    expect(items).toHaveLength(30);
  });

  it("reports instances that cannot be built", () => {
    const { problems } = expandTemplate(template({ body: { answer: "[[frac(a, 0)]]" } }), "c");
    expect(problems[0]?.message).toMatch(/division by zero/);
  });

  it("expands thousands of instances quickly", () => {
    const big = template({ count: 2000, params: { a: { min: 1, max: 40 }, b: { min: 2, max: 40 }, c: { min: 1, max: 9 }, d: { values: [2, 3, 4, 5, 6, 8, 10] } } });
    const start = performance.now();
    const { items } = expandTemplate(big, "c");
    expect(items).toHaveLength(2000);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
