import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./database.ts";
import { CHECKPOINT_INTERVAL_MS } from "./sqlite-checkpointer.ts";

describe("the embedded database", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attune-db-"));
    dirs.push(dir);
    return path.join(dir, "attune.sqlite");
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("commits without waiting for an fsync of its own, and a background worker checkpoints the WAL", async () => {
    const file = fresh();
    const handle = openDatabase({ kind: "sqlite", file });
    try {
      await sql`create table t (id integer primary key, v text)`.execute(handle.db);
      for (let i = 0; i < 200; i++) await handle.db.transaction().execute((trx) => sql`insert into t (v) values (${`row ${i}`})`.execute(trx));
      expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db)).rows[0]!.synchronous).toBe(1); // NORMAL
      await new Promise((r) => setTimeout(r, CHECKPOINT_INTERVAL_MS + 500));
      // Another connection finds nothing left to copy: the worker has checkpointed every frame.
      const other = new SQLite(file);
      const [result] = other.pragma("wal_checkpoint(PASSIVE)") as { busy: number; log: number; checkpointed: number }[];
      other.close();
      expect(result!.log).toBe(result!.checkpointed);
    } finally {
      await handle.close();
    }
    // Closed last, the worker folds the WAL back into the file: everything is in the database file itself.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = new SQLite(file, { readonly: true });
    expect(reopened.prepare("select count(*) as n from t").get()).toEqual({ n: 200 });
    reopened.close();
  });

  it("reuses prepared statements, and one prepared before a schema change sees the change", async () => {
    const handle = openDatabase({ kind: "sqlite", file: fresh() });
    try {
      await sql`create table t (id integer primary key, v text)`.execute(handle.db);
      await sql`insert into t (v) values ('a')`.execute(handle.db);
      const read = () => sql<Record<string, unknown>>`select * from t`.execute(handle.db).then((r) => r.rows);
      expect(await read()).toEqual([{ id: 1, v: "a" }]);
      await sql`alter table t add column w text default 'x'`.execute(handle.db);
      expect(await read()).toEqual([{ id: 1, v: "a", w: "x" }]);
    } finally {
      await handle.close();
    }
  });
});
