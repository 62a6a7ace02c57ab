import { z } from 'zod';
import { LIMITS } from './limits';
import { userText } from './text.schemas';

/** Public handle: letters, digits and underscore; unique case-insensitively. */
export const HandleSchema = z
  .string({ error: 'Handle is required' })
  .trim()
  .min(LIMITS.handle.min, `Handle must be at least ${LIMITS.handle.min} characters`)
  .max(LIMITS.handle.max, `Handle must be at most ${LIMITS.handle.max} characters`)
  .regex(/^[A-Za-z0-9_]+$/, 'Handle may contain only letters, digits and underscore');

/** Path parameter naming a user by handle (`/users/:handle/...`): the same rules as registration. */
export const HandleParamsSchema = z.object({ handle: HandleSchema });

export const EmailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .max(LIMITS.email.max, 'Email is too long')
  .pipe(z.email({ error: 'Enter a valid email address' }));

/** Passwords: length only, no composition rules, never trimmed or truncated. */
export const PasswordSchema = z
  .string({ error: 'Password is required' })
  .min(LIMITS.password.min, `Password must be at least ${LIMITS.password.min} characters`)
  .max(LIMITS.password.max, `Password must be at most ${LIMITS.password.max} characters`);

export const DisplayNameSchema = z
  .string({ error: 'Display name is required' })
  .trim()
  .min(LIMITS.displayName.min, 'Display name is required')
  .max(LIMITS.displayName.max, `Display name must be at most ${LIMITS.displayName.max} characters`)
  // Control characters would break layouts and logs.
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Display name may not contain control characters');

export const RegisterSchema = z.object({
  handle: HandleSchema,
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
});
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const LoginSchema = z.object({
  identifier: userText('Handle or email', { error: 'Handle or email is required' })
    .trim()
    .min(1, 'Handle or email is required')
    .max(LIMITS.email.max, 'Handle or email is too long'),
  password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(LIMITS.password.max, 'Password is too long'),
});
export type LoginInput = z.infer<typeof LoginSchema>;

/**
 * Changing the password needs the current one; an account without a password (made by signing in
 * with a music service) sets its first one without it, so the server decides whether it is needed.
 */
export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: 'Current password is required' }).min(1, 'Current password is required').max(LIMITS.password.max).optional(),
  newPassword: PasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

/**
 * Confirms deleting the account: with its password, or, for an account without one (made by
 * signing in with a music service), by typing its handle. The server decides which it needs.
 */
export const DeleteAccountSchema = z
  .object({
    password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(LIMITS.password.max).optional(),
    handle: z
      .string({ error: 'Handle is required' })
      .trim()
      .min(1, 'Handle is required')
      // One more for a leading '@', as Settings shows the handle.
      .max(LIMITS.handle.max + 1, 'Handle is too long')
      .optional(),
  })
  .refine((input) => input.password !== undefined || input.handle !== undefined, { path: ['password'], error: 'Password is required' });
export type DeleteAccountInput = z.infer<typeof DeleteAccountSchema>;

export const UserRoleSchema = z.enum(['user', 'admin']);
export type UserRole = z.infer<typeof UserRoleSchema>;

/** The signed-in user as the API presents them to themselves. */
export const MeSchema = z.object({
  id: z.string(),
  handle: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: UserRoleSchema,
  createdAt: z.string(),
  /** False for an account made by signing in with a music service until its owner sets a password. */
  hasPassword: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

/** Answer of register, login, password change and GET /api/me. */
export const SessionResponseSchema = z.object({
  user: MeSchema,
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const CsrfResponseSchema = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof CsrfResponseSchema>;
