import { describe, expect, it } from "vitest";
import { extractMath, renderInlineMarkdown, renderMarkdown, renderPlain } from "./render-markdown.ts";

describe("renderMarkdown", () => {
  it("renders inline and display math with KaTeX, including MathML for screen readers", () => {
    const html = renderMarkdown("Half is $\\frac{1}{2}$.\n\n$$\\frac{3}{4}$$");
    expect(html).toContain('<span class="katex">');
    expect(html).toContain("<math");
    expect(html).toContain('<annotation encoding="application/x-tex">\\frac{1}{2}</annotation>');
    expect(html).toContain('class="katex-display"');
    expect(html).not.toMatch(/<p>\s*<span class="katex-display"/);
  });

  it("keeps Markdown away from the TeX inside dollars", () => {
    const html = renderMarkdown("Compute $a_1 * b_2 * c_3$ now.");
    expect(html).not.toContain("<em>");
    expect(html).toContain("a_1 * b_2 * c_3</annotation>");
  });

  it("leaves prices, escaped dollars and code alone", () => {
    expect(extractMath("It costs $5 and $6.").math).toEqual([]);
    expect(extractMath("A \\$ sign and `$x$` in code").math).toEqual([]);
    expect(renderMarkdown("`$x$`")).toContain("<code>$x$</code>");
  });

  it("renders ordinary Markdown: emphasis, lists, images with alt text", () => {
    const html = renderMarkdown("**bold**\n\n- one\n- two\n\n![a number line](media/line.svg)");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<img src="media/line.svg" alt="a number line" />');
  });

  it("removes scripts, event handlers and javascript: URLs", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="x.png" alt="x" onerror="alert(1)">\n\n[click](javascript:alert(1))\n\n<a href="javascript:alert(2)">b</a> <a href="JaVaScRiPt:alert(3)">c</a>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html.toLowerCase()).not.toContain('href="javascript');
  });

  it("does not let TeX produce active links", () => {
    const html = renderMarkdown("$\\href{javascript:alert(1)}{x}$");
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it("shows invalid TeX as an error instead of throwing", () => {
    expect(renderMarkdown("$\\frac{1}{$")).toContain("katex");
  });

  it("renders inline Markdown without a paragraph", () => {
    expect(renderInlineMarkdown("*x* and $y$")).toMatch(/^<em>x<\/em> and <span class="katex">/);
  });
});

describe("renderPlain", () => {
  it("strips Markdown and keeps math as TeX", () => {
    expect(renderPlain("**Add** $\\frac{1}{2}$ & more")).toBe("Add \\frac{1}{2} & more");
  });
});
