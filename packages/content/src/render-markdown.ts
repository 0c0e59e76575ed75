// Markdown with LaTeX math to safe HTML.
// Math is cut out before Markdown runs (so `$a_1 * b_2$` is never turned into emphasis) and replaced by
// placeholders; the Markdown HTML is sanitized; only then is KaTeX's output put in. KaTeX output is safe by
// construction (`trust: false` refuses \href{javascript:..}, \htmlClass, ...), so sanitizing it is unnecessary and
// would strip the MathML that screen readers read.
import katex from "katex";
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { mathToWords } from "./speakable-math.ts";

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    "img", "del", "s", "sup", "sub", "figure", "figcaption", "details", "summary",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    img: ["src", "alt", "title", "width", "height"],
    code: ["class"],
    th: ["align"],
    td: ["align"],
    ol: ["start"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  // Links that leave the page open safely.
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? "") ? { ...attribs, rel: "noopener noreferrer", target: "_blank" } : attribs,
    }),
  },
};

interface MathSegment {
  tex: string;
  display: boolean;
}

const PLACEHOLDER = (i: number): string => `KATEXMATHPLACEHOLDER${i}X`;
const PLACEHOLDER_RE = /KATEXMATHPLACEHOLDER(\d+)X/g;

/**
 * Replaces `$$..$$` (display) and `$..$` (inline) outside code with placeholders. Inline math follows the
 * Pandoc rule: no space after the opening `$` or before the closing one, and no digit right after it, so
 * "it costs $5 and $6" stays text. `\$` is a literal dollar.
 */
export function extractMath(source: string): { text: string; math: MathSegment[] } {
  const math: MathSegment[] = [];
  let out = "";
  let i = 0;
  const n = source.length;
  while (i < n) {
    const ch = source[i]!;
    if (ch === "`") {
      // Copy code spans and fences untouched.
      const run = /^`+/.exec(source.slice(i))![0];
      const close = source.indexOf(run, i + run.length);
      const end = close < 0 ? i + run.length : close + run.length;
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "\\" && source[i + 1] === "$") {
      out += "\\$";
      i += 2;
      continue;
    }
    if (ch === "$") {
      const display = source[i + 1] === "$";
      const start = i + (display ? 2 : 1);
      const close = findClosingDollar(source, start, display);
      if (close >= 0) {
        const tex = source.slice(start, close);
        math.push({ tex: tex.trim(), display });
        const placeholder = PLACEHOLDER(math.length - 1);
        out += display ? `\n\n${placeholder}\n\n` : placeholder;
        i = close + (display ? 2 : 1);
        continue;
      }
    }
    out += ch;
    i++;
  }
  return { text: out, math };
}

function findClosingDollar(source: string, start: number, display: boolean): number {
  if (display) {
    const close = source.indexOf("$$", start);
    return close > start ? close : -1;
  }
  const first = source[start];
  if (first === undefined || /\s/.test(first)) return -1;
  for (let j = start; j < source.length; j++) {
    const c = source[j]!;
    if (c === "\\") {
      j++;
      continue;
    }
    if (c === "\n" && source[j + 1] === "\n") return -1; // math never spans paragraphs
    if (c === "$") {
      if (/\s/.test(source[j - 1]!) || j === start) return -1;
      if (/\d/.test(source[j + 1] ?? "")) return -1;
      return j;
    }
  }
  return -1;
}

function renderTex(segment: MathSegment): string {
  return katex.renderToString(segment.tex, {
    displayMode: segment.display,
    throwOnError: false,
    output: "htmlAndMathml",
    trust: false,
    strict: "ignore",
  });
}

/** Markdown + LaTeX to sanitized HTML; KaTeX output includes MathML for screen readers. */
export function renderMarkdown(source: string): string {
  const { text, math } = extractMath(source);
  const html = sanitizeHtml(markdown.render(text), SANITIZE_OPTIONS);
  if (math.length === 0) return html;
  return html
    .replace(/<p>\s*KATEXMATHPLACEHOLDER(\d+)X\s*<\/p>/g, (_m, i: string) => renderTex(math[Number(i)]!))
    .replace(PLACEHOLDER_RE, (_m, i: string) => renderTex(math[Number(i)]!));
}

/** Markdown + inline Markdown (no paragraphs) for short texts such as choices and titles. */
export function renderInlineMarkdown(source: string): string {
  const { text, math } = extractMath(source);
  const html = sanitizeHtml(markdown.renderInline(text), SANITIZE_OPTIONS);
  return html.replace(PLACEHOLDER_RE, (_m, i: string) => renderTex(math[Number(i)]!));
}

/** Plain text (for notifications, logs, text-to-speech fallbacks): Markdown removed, math left as its TeX. */
export function renderPlain(source: string, mathText: (tex: string) => string = (tex) => tex): string {
  const { text, math } = extractMath(source);
  const html = markdown.render(text);
  const plain = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return plain.replace(PLACEHOLDER_RE, (_m, i: string) => mathText(math[Number(i)]!.tex));
}

/** Plain text with math in words: accessible names and read-aloud of prompts and choices. */
export function renderSpeakable(source: string): string {
  return renderPlain(source, mathToWords);
}
