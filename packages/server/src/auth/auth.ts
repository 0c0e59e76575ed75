import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Dialect } from "../db/database.ts";
import type { Database } from "../db/schema.ts";

export type AuthOptions = {
  db: Kysely<Database>;
  dialect: Dialect;
  secret: string;
  publicUrl: string | undefined;
  secureCookies: boolean;
  logger: Logger;
};

/**
 * Email and password accounts with database sessions in httpOnly cookies. Sign-up is closed: a school's admin
 * creates accounts (the people are minors; nobody enrols themselves into a school). Columns are mapped to our
 * snake_case schema; telemetry is off because nothing leaves the server unasked.
 */
export function createAuth(options: AuthOptions) {
  const timestamps = { createdAt: "created_at", updatedAt: "updated_at" } as const;
  return betterAuth({
    appName: "Attune",
    secret: options.secret,
    ...(options.publicUrl ? { baseURL: options.publicUrl } : {}),
    basePath: "/api/auth",
    database: { db: options.db, type: options.dialect },
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      // Without ATTUNE_PUBLIC_URL the origin comes from each request, which is what a LAN install wants.
      log: (level, message) =>
        options.logger[message.includes("Base URL is not set") ? "debug" : level]({ component: "auth" }, message),
    },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    // Our own limiter (per account and per address) guards sign-in; see sign-in-limiter.ts.
    rateLimit: { enabled: false },
    session: {
      modelName: "sessions",
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      fields: { ...timestamps, expiresAt: "expires_at", ipAddress: "ip_address", userAgent: "user_agent", userId: "user_id" },
    },
    user: {
      modelName: "users",
      fields: { ...timestamps, emailVerified: "email_verified" },
      additionalFields: {
        role: { type: "string", required: true, input: false },
        schoolId: { type: "string", required: true, input: false, fieldName: "school_id" },
        active: { type: "number", required: true, input: false, defaultValue: 1 },
      },
    },
    account: {
      modelName: "accounts",
      fields: {
        ...timestamps,
        accountId: "account_id",
        providerId: "provider_id",
        userId: "user_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
      },
    },
    verification: {
      modelName: "verifications",
      fields: { ...timestamps, expiresAt: "expires_at" },
    },
    advanced: {
      useSecureCookies: options.secureCookies,
      cookiePrefix: "attune",
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account keeps its data but cannot start a session.
          before: async (session) => {
            const user = await options.db
              .selectFrom("users")
              .select("active")
              .where("id", "=", session.userId)
              .executeTakeFirst();
            if (!user || user.active !== 1) {
              throw new APIError("FORBIDDEN", { message: "This account is deactivated. Ask your school's admin." });
            }
            return { data: session };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
