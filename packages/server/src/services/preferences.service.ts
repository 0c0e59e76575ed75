import { DEFAULT_PREFERENCES, type Preferences, PreferencesSchema } from "@attune/contract";
import type { Kysely } from "kysely";
import { compiledQuery } from "../db/compiled-query.ts";
import type { Database } from "../db/schema.ts";
import type { Actor, Deps } from "../http/app-env.ts";

// Written once: the answer loop reads preferences after every answer (see `compiledQuery`).
const selectPreferences = compiledQuery<{ userId: string }, { preferences: string }>((db, param) =>
  db.selectFrom("profiles").select("preferences").where("user_id", "=", param("userId")),
);

/** A person's preferences, with defaults for anything never set (or stored by an older version). */
export async function readPreferences(db: Kysely<Database>, userId: string): Promise<Preferences> {
  const row = await selectPreferences.executeTakeFirst(db, { userId });
  if (!row) return DEFAULT_PREFERENCES;
  const parsed = PreferencesSchema.safeParse({ ...DEFAULT_PREFERENCES, ...(JSON.parse(row.preferences) as object) });
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
}

export async function savePreferences(deps: Deps, actor: Actor, preferences: Preferences): Promise<Preferences> {
  const row = { user_id: actor.id, school_id: actor.schoolId, preferences: JSON.stringify(preferences), updated_at: deps.now().toISOString() };
  await deps.db
    .insertInto("profiles")
    .values(row)
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ preferences: row.preferences, updated_at: row.updated_at }))
    .execute();
  return preferences;
}
