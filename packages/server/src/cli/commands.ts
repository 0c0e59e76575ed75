import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { migrateToLatest } from "../db/migrator.ts";
import { DEMO_PASSWORD, seedDemoSchool } from "../demo/seed-demo.ts";
import { openConfiguredDatabase, withMigratedDatabase } from "../runtime.ts";
import { courseCommand } from "./course.command.ts";
import { evalCommand, modelCommand, simulateCommand } from "./model.command.ts";
import { createSchoolAdmin } from "./create-admin.ts";

export type CommandContext = {
  config: Config;
  logger: Logger;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  argv: string[];
};

export type Command = {
  name: string;
  usage: string;
  summary: string;
  help?: string;
  options?: Record<string, { type: "string" | "boolean"; short?: string }>;
  /** The command parses its own arguments (it gets them untouched in `argv`). */
  rawArgs?: boolean;
  /** Exit code; -1 keeps the process running (a server). */
  run: (context: CommandContext) => Promise<number>;
};

const progress = (message: string) => console.log(`  ${message}`);

export const commands: Command[] = [
  {
    name: "serve",
    usage: "serve",
    summary: "Start the server (what `npm start` runs)",
    run: async ({ config, logger }) => {
      const { startServer } = await import("../serve.ts");
      await startServer(config, logger);
      return -1;
    },
  },
  {
    name: "migrate",
    usage: "migrate",
    summary: "Apply pending database migrations",
    run: async ({ config }) => {
      const handle = openConfiguredDatabase(config);
      try {
        const result = await migrateToLatest(handle.db);
        const applied = result.results ?? [];
        if (applied.length === 0) progress("database is current");
        for (const m of applied) progress(`${m.status === "Success" ? "applied" : m.status}: ${m.migrationName}`);
        return 0;
      } finally {
        await handle.close();
      }
    },
  },
  {
    name: "seed-demo",
    usage: "seed-demo",
    summary: "Create the synthetic demo school (only into an empty database)",
    run: async ({ config }) => {
      return withMigratedDatabase(config, async (handle) => {
      const demo = await seedDemoSchool(handle.db, handle.dialect, new Date(), progress);
      if (!demo) {
        console.error("The database already has a school; the demo is only seeded into an empty database.");
        return 1;
      }
      progress(`demo school ready: ${demo.accounts.length} accounts, password "${DEMO_PASSWORD}"`);
      return 0;
      });
    },
  },
  {
    name: "create-admin",
    usage: "create-admin --school <name> --name <name> --email <email> [--password <pw>]",
    summary: "Create a school's admin account (and the school if it is new)",
    help: "Without --password a temporary password is generated and printed once.",
    options: { school: { type: "string" }, name: { type: "string" }, email: { type: "string" }, password: { type: "string" } },
    run: async ({ config, values }) => {
      return withMigratedDatabase(config, async (handle) => {
      const result = await createSchoolAdmin(handle, values);
      if (!result.ok) {
        for (const problem of result.problems) console.error(`  --${problem}`);
        return 2;
      }
      progress(`${result.schoolCreated ? "created school" : "school"} "${result.schoolName}"`);
      progress(`admin ${result.email} created`);
      if (result.temporaryPassword) progress(`temporary password (shown once): ${result.temporaryPassword}`);
      return 0;
      });
    },
  },
  courseCommand,
  modelCommand,
  evalCommand,
  simulateCommand,
];
