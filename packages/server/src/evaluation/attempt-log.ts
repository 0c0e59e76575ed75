import { readFileSync } from "node:fs";
import type { LearnerHistory, Observation } from "@attune/engine";

/** Columns of an attempt log, in the order of the public knowledge-tracing data sets (Gervet et al. 2020). */
export const ATTEMPT_LOG_COLUMNS = ["user_id", "item_id", "timestamp", "correct", "skill_id"] as const;

/** A bad attempt log, with the file and 1-based line where reading stopped. */
export class AttemptLogError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = "AttemptLogError";
  }
}

/** The attempts of a log grouped by learner, each learner's attempts in file order (the logs are in time order). */
export interface AttemptLog {
  readonly histories: LearnerHistory[];
  readonly rows: number;
}

/**
 * Parses an attempt log: a header line naming the columns `user_id item_id timestamp correct skill_id` (any order),
 * then one attempt per line, tab-separated or comma-separated (the header decides). `correct` is 0 or 1;
 * `timestamp` is seconds since the epoch, 0 when unknown; `skill_id` is kept whole (these data sets give a question
 * tagged with several skills one skill-combination id).
 */
export function parseAttemptLog(text: string, file: string): AttemptLog {
  const lines = text.split(/\r?\n/);
  const header = lines[0];
  if (header === undefined || header.trim() === "") throw new AttemptLogError(file, 1, "empty file: expected a header line");
  const delimiter = header.includes("\t") ? "\t" : ",";
  const names = header.split(delimiter).map((n) => n.trim());
  const column = new Map<string, number>();
  for (const name of ATTEMPT_LOG_COLUMNS) {
    const at = names.indexOf(name);
    if (at < 0) {
      throw new AttemptLogError(file, 1, `header lacks column "${name}" (found: ${names.join(", ")}); expected ${ATTEMPT_LOG_COLUMNS.join(", ")}`);
    }
    column.set(name, at);
  }
  const iUser = column.get("user_id") as number;
  const iItem = column.get("item_id") as number;
  const iTime = column.get("timestamp") as number;
  const iCorrect = column.get("correct") as number;
  const iSkill = column.get("skill_id") as number;
  const byLearner = new Map<string, Observation[]>();
  // One shared skill-id array per skill keeps 10⁵–10⁶ observations light in memory.
  const skillArrays = new Map<string, readonly string[]>();
  let rows = 0;
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n] as string;
    if (line.trim() === "") continue;
    const cells = line.split(delimiter);
    const lineNo = n + 1;
    if (cells.length !== names.length) {
      throw new AttemptLogError(file, lineNo, `expected ${names.length} fields, found ${cells.length}`);
    }
    const user = (cells[iUser] as string).trim();
    const item = (cells[iItem] as string).trim();
    const skill = (cells[iSkill] as string).trim();
    const correctText = (cells[iCorrect] as string).trim();
    const timeText = (cells[iTime] as string).trim();
    if (user === "") throw new AttemptLogError(file, lineNo, "empty user_id");
    if (item === "") throw new AttemptLogError(file, lineNo, "empty item_id");
    if (skill === "") throw new AttemptLogError(file, lineNo, "empty skill_id");
    if (correctText !== "0" && correctText !== "1") {
      throw new AttemptLogError(file, lineNo, `correct must be 0 or 1, found "${correctText}"`);
    }
    const seconds = Number(timeText);
    if (timeText === "" || !Number.isFinite(seconds) || seconds < 0) {
      throw new AttemptLogError(file, lineNo, `timestamp must be a non-negative number of seconds, found "${timeText}"`);
    }
    let skillIds = skillArrays.get(skill);
    if (skillIds === undefined) {
      skillIds = [skill];
      skillArrays.set(skill, skillIds);
    }
    const observation: Observation =
      seconds > 0
        ? { itemId: item, skillIds, correct: correctText === "1", time: seconds * 1000 }
        : { itemId: item, skillIds, correct: correctText === "1" };
    let list = byLearner.get(user);
    if (list === undefined) {
      list = [];
      byLearner.set(user, list);
    }
    list.push(observation);
    rows++;
  }
  const histories = [...byLearner].map(([learnerId, observations]) => ({ learnerId, observations }));
  return { histories, rows };
}

/** Reads and parses an attempt log file (see {@link parseAttemptLog}). */
export function readAttemptLog(file: string): AttemptLog {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new AttemptLogError(file, 0, `cannot read: ${(error as Error).message}`);
  }
  return parseAttemptLog(text, file);
}
