import type { Role } from "@attune/contract";
import type { Actor } from "../http/app-env.ts";
import type { Auth } from "./auth.ts";

// Over https better-auth prefixes the name with __Secure-.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?attune\.session_token=([^;]+)/;
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Resolves the signed-in person behind a request. A session found in the database is remembered for 30 s by its
 * cookie, so the answer loop does not pay two queries and a signature check per request; anything that ends a
 * session (sign-out, password reset, deactivation) forgets the user's entries at once (`forgetUser`), so the
 * cache never outlives a revoked session within this process — the one process an installation runs.
 */
export class SessionResolver {
  private readonly cache = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly auth: Auth,
    private readonly now: () => number = Date.now,
  ) {}

  async actorFrom(headers: Headers): Promise<Actor | null> {
    const cookie = SESSION_COOKIE.exec(headers.get("cookie") ?? "")?.[1];
    if (!cookie) return null;
    const cached = this.cache.get(cookie);
    if (cached && cached.until > this.now()) return cached.actor;
    const session = await this.auth.api.getSession({ headers });
    if (!session) {
      this.cache.delete(cookie);
      return null;
    }
    const user = session.user as typeof session.user & { role: Role; schoolId: string; active: number };
    if (Number(user.active) !== 1) return null;
    const actor: Actor = { id: user.id, name: user.name, email: user.email, role: user.role, schoolId: user.schoolId };
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    // Never beyond the session's own expiry.
    const until = Math.min(this.now() + TTL_MS, new Date(session.session.expiresAt).getTime());
    this.cache.set(cookie, { actor, until });
    return actor;
  }

  /** Forgets every cached session of a user (sign-out, password reset, deactivation). */
  forgetUser(userId: string): void {
    for (const [cookie, entry] of this.cache) if (entry.actor.id === userId) this.cache.delete(cookie);
  }

  /** Forgets the session a request carries (sign-out). */
  forgetCookieOf(headers: Headers): void {
    const cookie = SESSION_COOKIE.exec(headers.get("cookie") ?? "")?.[1];
    if (cookie) this.cache.delete(cookie);
  }
}
