import type { Role } from "@attune/contract";
import type { Actor } from "../http/app-env.ts";
import type { Auth } from "./auth.ts";

/** The signed-in, active person behind a request's session cookie, or null. */
export async function actorFromHeaders(auth: Auth, headers: Headers): Promise<Actor | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role: Role; schoolId: string; active: number };
  if (Number(user.active) !== 1) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, schoolId: user.schoolId };
}
