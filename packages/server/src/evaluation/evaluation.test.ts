import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSeededRng, type KnowledgeTracer, type LearnerHistory } from "@attune/engine";
import { describe, expect, it } from "vitest";
import { AttemptLogError, parseAttemptLog } from "./attempt-log.ts";
import { parseEvalArgs, runEval } from "./eval-command.ts";
import { splitByLearner } from "./learner-split.ts";
import { replayOneStepAhead } from "./one-step-ahead.ts";

const TSV = "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n7\t1\t0\t1\t3\n7\t2\t0\t0\t3\n8\t1\t1700000000\t1\t4\n";

describe("attempt logs", () => {
  it("reads tab-separated logs grouped by learner in file order", () => {
    const log = parseAttemptLog(TSV, "a.tsv");
    expect(log.rows).toBe(3);
    expect(log.histories.map((h) => h.learnerId)).toEqual(["7", "8"]);
    expect(log.histories[0]?.observations).toEqual([
      { itemId: "1", skillIds: ["3"], correct: true },
      { itemId: "2", skillIds: ["3"], correct: false },
    ]);
    expect(log.histories[1]?.observations[0]?.time).toBe(1_700_000_000_000);
  });

  it("reads comma-separated logs with the columns in any order", () => {
    const log = parseAttemptLog("skill_id,correct,item_id,user_id,timestamp\n3,1,9,5,0\n", "a.csv");
    expect(log.histories[0]?.observations[0]).toEqual({ itemId: "9", skillIds: ["3"], correct: true });
  });

  it("names the file and line of a bad row", () => {
    const bad = "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n1\t2\t0\t1\t3\n1\t2\t0\tyes\t3\n";
    expect(() => parseAttemptLog(bad, "bad.tsv")).toThrow(new AttemptLogError("bad.tsv", 3, 'correct must be 0 or 1, found "yes"'));
    expect(() => parseAttemptLog("user_id\titem_id\n", "h.tsv")).toThrow(/h\.tsv:1: header lacks column "timestamp"/);
    expect(() => parseAttemptLog("user_id\titem_id\ttimestamp\tcorrect\tskill_id\n1\t2\t0\n", "f.tsv")).toThrow(/f\.tsv:2: expected 5 fields, found 3/);
  });
});

describe("learner split", () => {
  const histories: LearnerHistory[] = Array.from({ length: 10 }, (_, i) => ({ learnerId: `u${i}`, observations: [] }));

  it("puts each learner on one side only, the same way for the same seed", () => {
    const a = splitByLearner(histories, 0.8, createSeededRng(42));
    const b = splitByLearner(histories, 0.8, createSeededRng(42));
    expect(a.train.map((h) => h.learnerId)).toEqual(b.train.map((h) => h.learnerId));
    expect(a.train).toHaveLength(8);
    expect(new Set([...a.train, ...a.test].map((h) => h.learnerId)).size).toBe(10);
  });
});

describe("one-step-ahead replay", () => {
  it("predicts each attempt before updating with it, from a fresh state per learner", () => {
    // A spy tracer whose state is the list of outcomes seen: a prediction must only see earlier attempts.
    const seen: string[] = [];
    const spy: KnowledgeTracer<boolean[]> = {
      model: "spy",
      forgets: false,
      initialState: () => [],
      update: (s, o) => [...s, o.correct],
      predict: (s, item) => {
        seen.push(`${item.itemId}:${s.length}`);
        return s.length === 0 ? 0.5 : Number(s[s.length - 1]);
      },
      mastery: () => 0.5,
      explain: () => {
        throw new Error("unused");
      },
      serialize: () => ({ version: 1, model: "spy", params: {} }),
    };
    const histories: LearnerHistory[] = [
      { learnerId: "a", observations: [{ itemId: "x", skillIds: ["s"], correct: true }, { itemId: "y", skillIds: ["s"], correct: false }] },
      { learnerId: "b", observations: [{ itemId: "z", skillIds: ["s"], correct: true }] },
    ];
    const r = replayOneStepAhead(spy, histories);
    expect(seen).toEqual(["x:0", "y:1", "z:0"]);
    expect(Array.from(r.predictions)).toEqual([0.5, 1, 0.5]);
    expect(Array.from(r.labels)).toEqual([1, 0, 1]);
  });
});

describe("eval command", () => {
  it("parses both forms and rejects unknown models", () => {
    expect(parseEvalArgs(["--model", "bkt", "--train", "a", "--test", "b", "--json"])).toMatchObject({ model: "bkt", train: "a", test: "b", json: true });
    expect(parseEvalArgs(["--model", "best", "--data", "d", "--split", "learner:0.8", "--seed", "42"])).toMatchObject({ data: "d", trainFraction: 0.8, seed: 42 });
    expect(() => parseEvalArgs(["--model", "nope", "--data", "d"])).toThrow(/unknown model/);
  });

  it("fits and scores a model on a small log", () => {
    const dir = mkdtempSync(join(tmpdir(), "attune-eval-"));
    const rng = createSeededRng(3);
    let text = "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n";
    for (let u = 0; u < 40; u++) {
      let p = 0.3;
      for (let t = 0; t < 15; t++) {
        text += `${u}\t${t % 5}\t0\t${rng() < p ? 1 : 0}\t${t % 2}\n`;
        p = Math.min(0.95, p + 0.05);
      }
    }
    const file = join(dir, "log.tsv");
    writeFileSync(file, text);
    const result = runEval({ model: "pfa", json: true, data: file, trainFraction: 0.8, seed: 42 });
    expect(result).toMatchObject({ model: "pfa", rows_train: 32 * 15, rows_test: 8 * 15 });
    expect(result.auc).toBeGreaterThan(0.5);
    expect(Object.keys(result).sort()).toEqual(
      ["accuracy", "auc", "ece", "fit_seconds", "logloss", "model", "peak_rss_mb", "rmse", "rows_test", "rows_train"].sort(),
    );
  });
});
