import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { createLogger } from "../runtime.ts";
import { type CommandContext, commands } from "./commands.ts";

const HELP = `Attune — self-hostable personalized learning

Usage: npm run attune -- <command> [options]

Commands:
${commands.map((c) => `  ${c.usage.padEnd(52)} ${c.summary}`).join("\n")}

Environment (see .env.example): PORT, HOST, ATTUNE_DATA_DIR, DATABASE_URL, ATTUNE_DEMO, ATTUNE_SECRET,
ATTUNE_PUBLIC_URL, ATTUNE_TRUST_PROXY, LOG_LEVEL.
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${HELP}`);
    return 2;
  }
  if (!command.rawArgs && (rest.includes("--help") || rest.includes("-h"))) {
    console.log(`Usage: npm run attune -- ${command.usage}\n\n${command.summary}\n${command.help ?? ""}`);
    return 0;
  }
  let parsed: { values: CommandContext["values"]; positionals: string[] } = { values: {}, positionals: [] };
  try {
    if (!command.rawArgs) parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run attune -- ${command.usage}`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config);
  return command.run({ config, logger, values: parsed.values, positionals: parsed.positionals, argv: rest });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  },
);
