import { createHmac, timingSafeEqual } from "node:crypto";
import type { Role } from "@attune/contract";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
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
 *
 * A session that is valid and not yet due for better-auth's daily refresh is read directly (the cookie's HMAC
 * checked as better-call signs it, then one query for the session and its user): better-auth's `getSession` does
 * the same plus a WebCrypto key import and its endpoint machinery, ~2 ms of CPU, which when a whole school
 * arrives at once is more than the answer itself. Anything else — no row, expired, due for refresh — goes to
 * `getSession`, which deletes, refreshes or refuses exactly as it always does.
 */
export class SessionResolver {
  private readonly cache = new Map<string, { actor: Actor; until: number }>();
  private readonly secret: string;
  private readonly db: Kysely<Database>;
  /** better-auth refreshes a session once it is older than `updateAge`: expiresAt − expiresIn + updateAge ≤ now. */
  private readonly refreshMarginMs: number;

  constructor(
    private readonly auth: Auth,
    private readonly now: () => number = Date.now,
  ) {
    const options = auth.options as { secret: string; database: { db: Kysely<Database> }; session: { expiresIn: number; updateAge: number } };
    this.secret = options.secret;
    this.db = options.database.db; // the one Kysely instance createAuth hands better-auth
    this.refreshMarginMs = (options.session.expiresIn - options.session.updateAge) * 1000;
  }

  async actorFrom(headers: Headers): Promise<Actor | null> {
    const cookie = SESSION_COOKIE.exec(headers.get("cookie") ?? "")?.[1];
    if (!cookie) return null;
    const cached = this.cache.get(cookie);
    if (cached && cached.until > this.now()) return cached.actor;
    const fast = await this.readValidSession(cookie);
    if (fast) return this.remember(cookie, fast.actor, fast.expiresAt);
    const session = await this.auth.api.getSession({ headers });
    if (!session) {
      this.cache.delete(cookie);
      return null;
    }
    const user = session.user as typeof session.user & { role: Role; schoolId: string; active: number };
    if (Number(user.active) !== 1) return null;
    const actor: Actor = { id: user.id, name: user.name, email: user.email, role: user.role, schoolId: user.schoolId };
    return this.remember(cookie, actor, new Date(session.session.expiresAt).getTime());
  }

  private remember(cookie: string, actor: Actor, expiresAt: number): Actor {
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    // Never beyond the session's own expiry.
    this.cache.set(cookie, { actor, until: Math.min(this.now() + TTL_MS, expiresAt) });
    return actor;
  }

  /**
   * The actor of a correctly signed session cookie whose session exists, has not expired, is not due for refresh
   * and belongs to an active account; undefined whenever better-auth has to decide.
   */
  private async readValidSession(cookie: string): Promise<{ actor: Actor; expiresAt: number } | undefined> {
    let value: string;
    try {
      value = decodeURIComponent(cookie);
    } catch {
      return undefined;
    }
    // better-call: `token.base64(HMAC-SHA256(secret, token))`, the signature 44 characters ending in "=".
    const dot = value.lastIndexOf(".");
    if (dot < 1) return undefined;
    const token = value.slice(0, dot);
    const signature = Buffer.from(value.slice(dot + 1), "base64");
    const expected = createHmac("sha256", this.secret).update(token).digest();
    if (value.length - dot - 1 !== 44 || signature.length !== expected.length || !timingSafeEqual(signature, expected)) return undefined;
    const row = await this.db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .select(["s.expires_at", "u.id", "u.name", "u.email", "u.role", "u.school_id", "u.active"])
      .where("s.token", "=", token)
      .executeTakeFirst();
    if (!row || Number(row.active) !== 1) return undefined;
    const expiresAt = new Date(row.expires_at).getTime();
    const now = Date.now();
    if (!(expiresAt > now) || expiresAt - this.refreshMarginMs <= now) return undefined;
    return { actor: { id: row.id, name: row.name, email: row.email, role: row.role, schoolId: row.school_id }, expiresAt };
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
