import { z } from 'zod';
import { isoDateTimeSchema, roleSchema, textSchema, uuidSchema } from './common';

// Sign-in, session and account shapes (shared/design/wire-contract.md, "Sign-in"), shared by the tablet and the
// server. Response schemas carry no transforms: the server encodes answers through them. Messages have no final
// period: the server's validation error wraps them in a sentence.

/** Usernames are compared lower-case, so "Alice" and "alice" are one account. */
export const usernameSchema = textSchema
  .trim()
  .toLowerCase()
  .min(2, 'A username has at least 2 characters')
  .max(64, 'A username has at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'A username uses only letters, digits, dot, dash and underscore');

export const MIN_PASSWORD_LENGTH = 10;
// The upper bound only stops abuse (a megabyte "password" fed to the KDF); passphrases fit easily.
export const MAX_PASSWORD_LENGTH = 256;

/** The password policy for a new or reset password. */
export const newPasswordSchema = textSchema
  .min(MIN_PASSWORD_LENGTH, `A password has at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `A password has at most ${MAX_PASSWORD_LENGTH} characters`);

export const displayNameSchema = textSchema.trim().max(200);
export const deviceNameSchema = textSchema.trim().min(1).max(100);

/**
 * Sign-in. The username is not held to the creation rules here: an ill-formed one simply matches nobody, and
 * answers like any unknown user. `deviceId` lets a tablet signing in again keep its device.
 */
export const loginRequestSchema = z.object({
  username: textSchema.trim().toLowerCase().min(1).max(128),
  password: textSchema.min(1).max(MAX_PASSWORD_LENGTH),
  deviceName: deviceNameSchema,
  deviceId: uuidSchema.optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({ id: uuidSchema, username: z.string(), role: roleSchema });
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The answer to a sign-in or a refresh: a new token pair for one device. */
export const sessionResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  deviceId: uuidSchema,
  user: sessionUserSchema,
  /** The server's clock, so that the tablet can warn when its own is skewed. */
  serverTime: isoDateTimeSchema.optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** Re-authentication of the signed-in person (an online signature by password): no new tokens. */
export const reauthenticateRequestSchema = z.object({ password: textSchema.min(1).max(MAX_PASSWORD_LENGTH) });
export type ReauthenticateRequest = z.infer<typeof reauthenticateRequestSchema>;
export const reauthenticateResponseSchema = z.object({ reauthenticatedAt: isoDateTimeSchema });
export type ReauthenticateResponse = z.infer<typeof reauthenticateResponseSchema>;

export const refreshRequestSchema = z.object({ refreshToken: textSchema.min(1).max(200) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const meResponseSchema = z.object({
  user: sessionUserSchema.extend({ displayName: z.string() }),
  deviceId: uuidSchema,
});
export type MeResponse = z.infer<typeof meResponseSchema>;

// Administration (issue 3): accounts are disabled, never deleted, so their signatures and audit stay resolvable.

export const accountSchema = z.object({
  id: uuidSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  lockedUntil: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type Account = z.infer<typeof accountSchema>;
export const accountListSchema = z.object({ users: z.array(accountSchema) });
export const accountResponseSchema = z.object({ user: accountSchema });

export const createAccountRequestSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;

export const updateAccountRequestSchema = z
  .object({
    role: roleSchema.optional(),
    displayName: displayNameSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Send at least one of role, displayName, disabled',
  });
export type UpdateAccountRequest = z.infer<typeof updateAccountRequestSchema>;

export const resetPasswordRequestSchema = z.object({ password: newPasswordSchema });

export const deviceSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  userId: uuidSchema,
  username: z.string(),
  createdAt: isoDateTimeSchema,
  lastSeenAt: isoDateTimeSchema.nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
});
export type Device = z.infer<typeof deviceSchema>;
export const deviceListSchema = z.object({ devices: z.array(deviceSchema) });
export const deviceResponseSchema = z.object({ device: deviceSchema });

export const idParamsSchema = z.object({ id: uuidSchema });
