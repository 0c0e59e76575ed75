/**
 * The web app's initial download: every JS and CSS file index.html loads, raw and gzipped.
 *   npx tsx bench/web/bundle-size.bench.ts
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { machineLine } from "../support/machine.ts";

const WEB = path.resolve(import.meta.dirname, "../../packages/web");

export async function measureBundle() {
  await build({ root: WEB, configFile: path.join(WEB, "vite.config.ts"), logLevel: "silent" });
  const dist = path.join(WEB, "dist");
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = initial.map((file) => {
    const bytes = fs.readFileSync(path.join(dist, file));
    return { file, kind: file.endsWith(".js") ? "js" : "css", raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (kind: string, key: "raw" | "gzip") => files.filter((f) => f.kind === kind).reduce((n, f) => n + f[key], 0);
  return { jsRawKb: sum("js", "raw") / 1024, jsGzipKb: sum("js", "gzip") / 1024, cssGzipKb: sum("css", "gzip") / 1024, files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureBundle();
  console.log(`web initial JS: ${result.jsGzipKb.toFixed(1)} KB gzipped (${result.jsRawKb.toFixed(1)} KB raw), CSS ${result.cssGzipKb.toFixed(1)} KB gzipped — ${machineLine()}`);
}
