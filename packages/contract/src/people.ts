import { z } from "zod";
import { MEDIA } from "./constants.ts";
import { EmailSchema, IdSchema, NameSchema, PageQuerySchema, RoleSchema, pageOf } from "./common.ts";

export const SchoolSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: "School" });

export const MeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    school: SchoolSchema,
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof MeSchema>;

export const UserSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "UserSummary" });
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const UserListQuerySchema = PageQuerySchema.extend({
  role: RoleSchema.optional(),
  q: z.string().trim().max(120).optional(),
  active: z.enum(["true", "false"]).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;
export const UserPageSchema = pageOf(UserSummarySchema).meta({ id: "UserPage" });

export const PasswordSchema = z.string().min(10, "must be at least 10 characters").max(128);

export const CreateUserInputSchema = z.strictObject({
  name: NameSchema,
  email: EmailSchema,
  role: RoleSchema,
  /** When absent the server generates a temporary password and returns it once. */
  password: PasswordSchema.optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

export const CreatedUserSchema = z
  .object({ user: UserSummarySchema, temporaryPassword: z.string().optional() })
  .meta({ id: "CreatedUser" });

export const UserDetailSchema = UserSummarySchema.extend({
  classes: z.array(z.object({ id: z.string(), name: z.string(), relation: z.enum(["teaches", "enrolled"]) })),
  guardians: z.array(z.object({ id: z.string(), name: z.string() })),
  learners: z.array(z.object({ id: z.string(), name: z.string() })),
}).meta({ id: "UserDetail" });
export type UserDetail = z.infer<typeof UserDetailSchema>;

export const PasswordResetResultSchema = z.object({ temporaryPassword: z.string() }).meta({ id: "PasswordReset" });

export const UserIdParamsSchema = z.strictObject({ userId: IdSchema });

export const LinkLearnerInputSchema = z.strictObject({ learnerId: IdSchema });
export const GuardianLinkParamsSchema = z.strictObject({ guardianId: IdSchema, learnerId: IdSchema });
export const GuardianParamsSchema = z.strictObject({ guardianId: IdSchema });

export const LinkedLearnerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    classes: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .meta({ id: "LinkedLearner" });
export type LinkedLearner = z.infer<typeof LinkedLearnerSchema>;

export const SignInInputSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(128),
  rememberMe: z.boolean().optional(),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;


/** A person's preferences: used to choose contexts and media, to pace sessions and to adapt the interface. */
export const PreferencesSchema = z
  .strictObject({
    interests: z.array(z.string().trim().min(1).max(40)).max(20),
    preferredMedia: z.array(z.enum(MEDIA)).max(5),
    sessionMinutes: z.number().int().min(5).max(60),
    language: z.enum(["en"]),
    accessibility: z.strictObject({
      largerText: z.boolean(),
      dyslexiaFont: z.boolean(),
      highContrast: z.boolean(),
      reducedMotion: z.boolean(),
      readAloud: z.boolean(),
    }),
    sharing: z.strictObject({ guardians: z.boolean(), peers: z.boolean() }),
  })
  .meta({ id: "Preferences" });
export type Preferences = z.infer<typeof PreferencesSchema>;

export { DEFAULT_PREFERENCES, MEDIA } from "./constants.ts";
