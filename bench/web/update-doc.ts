/** Measures the web bundle and rewrites its section of docs/benchmarks.md (`npm run bench` does this too). */
import { writeBenchmarkSection } from "../support/benchmarks-doc.ts";
import { machineLine } from "../support/machine.ts";
import { measureBundle } from "./bundle-size.bench.ts";

const bundle = await measureBundle();
writeBenchmarkSection(
  "web",
  `## Web app: initial download\n\nMeasured ${machineLine()}. \`npx tsx bench/web/bundle-size.bench.ts\` (target ≤ 200 KB gzipped JS).\n\n` +
    `| initial JS gzipped | initial JS raw | CSS gzipped |\n|---|---|---|\n| ${bundle.jsGzipKb.toFixed(1)} KB | ${bundle.jsRawKb.toFixed(1)} KB | ${bundle.cssGzipKb.toFixed(1)} KB |`,
);
console.log(`initial JS ${bundle.jsGzipKb.toFixed(1)} KB gzipped`);
