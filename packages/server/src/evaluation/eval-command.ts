import { performance } from "node:perf_hooks";
import { createSeededRng, fitTracer, KNOWLEDGE_MODELS, type LearnerHistory } from "@attune/engine";
import { AttemptLogError, readAttemptLog } from "./attempt-log.ts";
import { splitByLearner } from "./learner-split.ts";
import { evaluateOneStepAhead } from "./one-step-ahead.ts";

/** The figures `attune eval` reports for one model on one split. */
export interface EvalResult {
  model: string;
  auc: number;
  rmse: number;
  logloss: number;
  accuracy: number;
  ece: number;
  fit_seconds: number;
  peak_rss_mb: number;
  rows_train: number;
  rows_test: number;
}

/** Parsed `eval` arguments. */
export interface EvalArgs {
  model: string;
  json: boolean;
  train?: string;
  test?: string;
  data?: string;
  trainFraction?: number;
  seed: number;
}

const USAGE = `usage:
  eval --model <name> --train <file> --test <file> [--seed <n>] [--json]
  eval --model <name> --data <file> --split learner:0.8 --seed 42 [--json]
models: ${KNOWLEDGE_MODELS.join(", ")}`;

/** Parses the argument list (without the leading "eval"); throws an Error with a usage message when wrong. */
export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--json") {
      json = true;
      continue;
    }
    if (!["--model", "--train", "--test", "--data", "--split", "--seed"].includes(arg)) {
      throw new Error(`unknown argument "${arg}"\n${USAGE}`);
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) throw new Error(`${arg} needs a value\n${USAGE}`);
    values.set(arg, value);
    i++;
  }
  const model = values.get("--model");
  if (model === undefined) throw new Error(`--model is required\n${USAGE}`);
  if (!KNOWLEDGE_MODELS.includes(model)) throw new Error(`unknown model "${model}"\n${USAGE}`);
  const seedText = values.get("--seed") ?? "42";
  const seed = Number(seedText);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${seedText}"`);
  const train = values.get("--train");
  const test = values.get("--test");
  const data = values.get("--data");
  if (data !== undefined) {
    if (train !== undefined || test !== undefined) throw new Error(`use either --data or --train/--test\n${USAGE}`);
    const split = values.get("--split") ?? "learner:0.8";
    const match = /^learner:(0?\.\d+)$/.exec(split);
    if (match === null) throw new Error(`--split must look like learner:0.8, got "${split}"`);
    return { model, json, data, trainFraction: Number(match[1]), seed };
  }
  if (train === undefined || test === undefined) throw new Error(`give --train and --test, or --data with --split\n${USAGE}`);
  return { model, json, train, test, seed };
}

/** Fits `args.model` on the training learners and scores one-step-ahead predictions on the test learners. */
export function runEval(args: EvalArgs): EvalResult {
  let train: LearnerHistory[];
  let test: LearnerHistory[];
  if (args.data !== undefined) {
    const log = readAttemptLog(args.data);
    ({ train, test } = splitByLearner(log.histories, args.trainFraction ?? 0.8, createSeededRng(args.seed)));
  } else {
    train = readAttemptLog(args.train as string).histories;
    test = readAttemptLog(args.test as string).histories;
  }
  const count = (hs: LearnerHistory[]): number => hs.reduce((n, h) => n + h.observations.length, 0);
  const started = performance.now();
  const tracer = fitTracer(args.model, train, { rng: createSeededRng(args.seed) });
  const fitSeconds = (performance.now() - started) / 1000;
  const scores = evaluateOneStepAhead(tracer, test);
  return {
    model: args.model,
    ...scores,
    fit_seconds: fitSeconds,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    rows_train: count(train),
    rows_test: count(test),
  };
}

/** A readable two-column table of an {@link EvalResult}. */
export function formatEvalResult(result: EvalResult): string {
  const rows: [string, string][] = [
    ["model", result.model],
    ["AUC", result.auc.toFixed(4)],
    ["RMSE", result.rmse.toFixed(4)],
    ["log loss", result.logloss.toFixed(4)],
    ["accuracy", result.accuracy.toFixed(4)],
    ["ECE", result.ece.toFixed(4)],
    ["fit seconds", result.fit_seconds.toFixed(2)],
    ["peak RSS MB", result.peak_rss_mb.toFixed(0)],
    ["rows train", String(result.rows_train)],
    ["rows test", String(result.rows_test)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n");
}

/**
 * `attune eval`: `eval --model <name> --train <file> --test <file> [--json]` or
 * `eval --model <name> --data <file> --split learner:0.8 --seed 42 [--json]`. Prints one JSON line with `--json`,
 * a table otherwise; returns the process exit code (0 ok, 2 bad usage or data).
 */
export async function runEvalCommand(argv: string[]): Promise<number> {
  const rest = argv[0] === "eval" ? argv.slice(1) : argv;
  let args: EvalArgs;
  try {
    args = parseEvalArgs(rest);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  try {
    const result = runEval(args);
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : `${formatEvalResult(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AttemptLogError) {
      process.stderr.write(`eval: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
