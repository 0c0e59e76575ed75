// Tiny runner for `attune eval` until the CLI wires it in: npx tsx bench/kt/eval-cli.ts eval --model best --train … --test …
import { runEvalCommand } from "../../packages/server/src/evaluation/eval-command.ts";

process.exitCode = await runEvalCommand(process.argv.slice(2));
