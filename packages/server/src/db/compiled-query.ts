import { type Compilable, CompiledQuery, type Kysely } from "kysely";
import type { Database } from "./schema.ts";

const PLACEHOLDER = "\u0000attune-param:";

/** Stands for a named value in a query written once (`compiledQuery`); typed as the value it stands for. */
export type Param<P> = <K extends keyof P & string>(name: K) => P[K];

export type CompiledQueryRunner<P, R> = {
  /** Runs the query with these values (on a transaction too) and returns its rows. */
  execute: (db: Kysely<Database>, params: P) => Promise<R[]>;
  executeTakeFirst: (db: Kysely<Database>, params: P) => Promise<R | undefined>;
};

/**
 * A query written with Kysely once, compiled once per dialect and run with new values each time. Kysely builds
 * and compiles a query on every call (immutable nodes, a visitor, frozen objects); on the answer loop's small
 * queries that cost more CPU than SQLite's own work. `build` writes the query as usual, with `param(name)` where a
 * value goes; the compiled SQL keeps the placeholders' positions, and each run puts the values there.
 */
export function compiledQuery<P extends object, R>(
  build: (db: Kysely<Database>, param: Param<P>) => Compilable<R>,
): CompiledQueryRunner<P, R> {
  // Keyed by the database's adapter (one per Kysely instance, shared by its transactions): SQL differs by dialect.
  const compiled = new WeakMap<object, { sql: string; values: ((params: P) => unknown)[] }>();
  const compile = (db: Kysely<Database>, adapter: object) => {
    const query = build(db, ((name: string) => `${PLACEHOLDER}${name}`) as Param<P>).compile();
    const values = query.parameters.map((value) =>
      typeof value === "string" && value.startsWith(PLACEHOLDER)
        ? (params: P) => (params as Record<string, unknown>)[value.slice(PLACEHOLDER.length)]
        : () => value,
    );
    const entry = { sql: query.sql, values };
    compiled.set(adapter, entry);
    return entry;
  };
  const execute = async (db: Kysely<Database>, params: P): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    const { sql, values } = compiled.get(adapter) ?? compile(db, adapter);
    const result = await db.executeQuery<R>(CompiledQuery.raw(sql, values.map((value) => value(params))));
    return result.rows;
  };
  return { execute, executeTakeFirst: async (db, params) => (await execute(db, params))[0] };
}

/** `{ column: param(column) }` for each column: an insert's values or an update's set, all placeholders. */
export function paramsFor<P extends object, K extends keyof P & string>(param: Param<P>, columns: readonly K[]): Pick<P, K> {
  return Object.fromEntries(columns.map((column) => [column, param(column)])) as Pick<P, K>;
}
