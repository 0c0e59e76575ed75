import { EmailSchema, NameSchema, PasswordSchema } from "@attune/contract";
import { z } from "zod";
import type { DatabaseHandle } from "../db/database.ts";
import { generateTemporaryPassword, hashAccountPassword } from "../services/passwords.ts";
import { insertAccount } from "../services/users.service.ts";

const CreateAdminArgs = z.object({
  school: NameSchema,
  name: NameSchema,
  email: EmailSchema,
  password: PasswordSchema.optional(),
});

export type CreateAdminResult =
  | { ok: false; problems: string[] }
  | { ok: true; schoolName: string; schoolCreated: boolean; email: string; temporaryPassword?: string };

/** Creates an admin in the named school, creating the school when none has that name. One transaction. */
export async function createSchoolAdmin(handle: DatabaseHandle, values: Record<string, unknown>): Promise<CreateAdminResult> {
  const parsed = CreateAdminArgs.safeParse(values);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  }
  const args = parsed.data;
  const temporaryPassword = args.password ? undefined : generateTemporaryPassword();
  const passwordHash = await hashAccountPassword(args.password ?? temporaryPassword!);
  const now = new Date();
  return handle.db.transaction().execute(async (trx) => {
    let school = await trx.selectFrom("schools").select(["id", "name"]).where("name", "=", args.school).executeTakeFirst();
    const schoolCreated = !school;
    if (!school) {
      school = { id: crypto.randomUUID(), name: args.school };
      await trx.insertInto("schools").values({ ...school, created_at: now.toISOString() }).execute();
    }
    await insertAccount(trx, handle.dialect, school.id, { name: args.name, email: args.email, role: "admin", passwordHash }, now);
    return { ok: true as const, schoolName: school.name, schoolCreated, email: args.email, ...(temporaryPassword ? { temporaryPassword } : {}) };
  });
}
