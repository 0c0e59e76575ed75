import fs from "node:fs";
import path from "node:path";

const DOC = path.resolve(import.meta.dirname, "../../docs/benchmarks.md");

/** Replaces the section between `<!-- name:begin -->` and `<!-- name:end -->` of docs/benchmarks.md (appended when absent). */
export function writeBenchmarkSection(name: string, markdown: string): void {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : "# Benchmarks\n";
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  const next = start >= 0 && stop > start ? current.slice(0, start) + block + current.slice(stop + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(DOC, next);
}
