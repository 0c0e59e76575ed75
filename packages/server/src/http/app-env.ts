import type { Role } from "@attune/contract";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Auth } from "../auth/auth.ts";
import type { SessionResolver } from "../auth/sessions.ts";
import type { Dialect } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import type { CourseContentCache } from "../learning/course-content.ts";

/** The signed-in person a request acts for. Every service call is scoped by `schoolId`. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  schoolId: string;
};

/** What services need from the outside world, passed in (tests pass their own clock and database). */
export type Deps = {
  db: Kysely<Database>;
  dialect: Dialect;
  auth: Auth;
  logger: Logger;
  now: () => Date;
  courses: CourseContentCache;
  sessions: SessionResolver;
};

export type Services = {
  sessions: { actorFrom(headers: Headers): Promise<Actor | null> };
};

export type AppEnv = { Variables: { actor: Actor } };
