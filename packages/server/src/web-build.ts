import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web");
export const WEB_DIST = path.join(WEB_ROOT, "dist");

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when the web build is missing or older than any of its sources (web and the contracts it imports). */
export function webBuildIsStale(): boolean {
  const built = path.join(WEB_DIST, "index.html");
  if (!fs.existsSync(built)) return true;
  const sources = [
    path.join(WEB_ROOT, "src"),
    path.join(WEB_ROOT, "index.html"),
    path.join(WEB_ROOT, "vite.config.ts"),
    path.join(WEB_ROOT, "public"),
    path.join(WEB_ROOT, "../contract/src"),
  ];
  const newestSource = Math.max(...sources.map(newestMtime));
  return newestSource > fs.statSync(built).mtimeMs;
}

/** Builds the web app with Vite when it is missing or stale; returns the folder to serve. */
export async function ensureWebBuild(log: (message: string) => void): Promise<string> {
  if (webBuildIsStale()) {
    log("building the web app (first start or changed sources)...");
    const started = Date.now();
    const { build } = await import("vite");
    await build({ root: WEB_ROOT, configFile: path.join(WEB_ROOT, "vite.config.ts"), logLevel: "warn" });
    log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return WEB_DIST;
}
