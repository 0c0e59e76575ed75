import { serve } from "@hono/node-server";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { DEMO_PASSWORD, type DemoSummary, seedDemoSchool } from "./demo/seed-demo.ts";
import { createApp } from "./http/app.ts";
import { createRuntime } from "./runtime.ts";
import { ensureWebBuild } from "./web-build.ts";

function printDemoAccounts(demo: DemoSummary, url: string) {
  const first = (role: string) => demo.accounts.find((a) => a.role === role)!;
  const lines = [
    "",
    "  Demo school seeded (synthetic people). Sign in with password: " + DEMO_PASSWORD,
    `    admin     ${first("admin").email}`,
    `    teacher   ${first("teacher").email}  (also teacher2, teacher3)`,
    `    learner   ${first("learner").email}  (learner01 … learner80)`,
    `    guardian  ${first("guardian").email}  (guardian01 … guardian40)`,
    `  Open ${url}`,
    "",
  ];
  console.log(lines.join("\n"));
}

/** Starts Attune: database and migrations, demo seed when enabled, web build, HTTP server. */
export async function startServer(config: Config, logger: Logger) {
  const { deps, handle } = await createRuntime(config, logger);
  let demo: DemoSummary | null = null;
  if (config.seedDemo) {
    demo = await seedDemoSchool(deps.db, deps.dialect, deps.now(), (m) => logger.info(m));
  }
  const webDir = await ensureWebBuild((m) => logger.info(m));
  const { app } = createApp(deps, { webDir, trustProxy: config.trustProxy });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = config.publicUrl ?? `http://localhost:${info.port}`;
    logger.info({ port: info.port, database: handle.dialect }, "Attune is listening");
    if (demo) printDemoAccounts(demo, url);
    else console.log(`\n  Attune is running at ${url}\n`);
  });
  const shutdown = async () => {
    logger.info("shutting down");
    server.close();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return server;
}
