import { KNOWLEDGE_MODELS } from "@attune/engine";
import { fitCourseModel } from "../courses/model-fit.service.ts";
import { runEvalCommand } from "../evaluation/eval-command.ts";
import { runSimulateCommand } from "../simulation/simulate.command.ts";
import { withMigratedDatabase } from "../runtime.ts";
import type { Command } from "./commands.ts";

export const modelCommand: Command = {
  name: "model",
  usage: "model fit --course <id> [--model bkt] [--seed 42]",
  summary: "Fit a knowledge tracing model on a course's attempt log and store its parameters",
  help: `Models: ${KNOWLEDGE_MODELS.join(", ")}. The server uses fitted parameters when present, the course's priors otherwise.`,
  options: { course: { type: "string" }, model: { type: "string" }, seed: { type: "string" } },
  run: async ({ config, values, positionals }) => {
    const courseId = values.course;
    const model = (values.model as string | undefined) ?? "bkt";
    const seed = Number(values.seed ?? 42);
    if (positionals[0] !== "fit" || typeof courseId !== "string") {
      console.error("Usage: npm run attune -- model fit --course <id> [--model bkt] [--seed 42]");
      return 2;
    }
    if (!KNOWLEDGE_MODELS.includes(model) || !Number.isInteger(seed)) {
      console.error(`--model must be one of ${KNOWLEDGE_MODELS.join(", ")} and --seed an integer`);
      return 2;
    }
    return withMigratedDatabase(config, async (handle) => {
      try {
        const summary = await fitCourseModel(handle.db, courseId, model, new Date(), seed, (m) => console.log(`  ${m}`));
        console.log(`  ${summary.model} fitted for course ${summary.courseId} on ${summary.attempts} attempts of ${summary.learners} learners in ${summary.seconds.toFixed(2)} s`);
        return 0;
      } catch (error) {
        console.error((error as Error).message);
        return 1;
      }
    });
  },
};

export const evalCommand: Command = {
  name: "eval",
  usage: "eval --model <name> (--train <f> --test <f> | --data <f> --split learner:0.8 --seed 42) [--json]",
  summary: "Evaluate a knowledge tracing model one step ahead on an attempt log (TSV/CSV)",
  rawArgs: true,
  run: async ({ argv }) => runEvalCommand(argv),
};

export const simulateCommand: Command = {
  name: "simulate",
  usage: "simulate --course fractions --policy <attune|linear-3ccr|fixed-count|oracle> --learners 500 --seed 1 [--placement] [--json]",
  summary: "Run synthetic learners with known parameters through a course under a policy",
  rawArgs: true,
  run: async ({ argv }) => runSimulateCommand(argv),
};
