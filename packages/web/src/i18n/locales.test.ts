import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./locales/en.json";

const SRC = path.resolve(import.meta.dirname, "..");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".tsx") ? [path.join(dir, e.name)] : []));
}

function has(key: string): boolean {
  const lookup = (k: string) => k.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en) !== undefined;
  return lookup(key) || (lookup(`${key}_one`) && lookup(`${key}_other`));
}

describe("translation files", () => {
  it("have every key the interface uses", () => {
    const missing: string[] = [];
    for (const file of files(SRC)) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*"([a-zA-Z0-9_.-]+)"/g)) if (!has(match[1]!)) missing.push(`${path.relative(SRC, file)}: ${match[1]}`);
      for (const match of text.matchAll(/label: "(nav\.[a-zA-Z]+)"/g)) if (!has(match[1]!)) missing.push(`${path.relative(SRC, file)}: ${match[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
