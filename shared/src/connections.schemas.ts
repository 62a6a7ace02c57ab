import { z } from 'zod';
import { DisplayNameSchema, HandleSchema } from './auth.schemas';

/** The music services a Muse account can connect. */
export const ProviderNameSchema = z.enum(['spotify', 'apple']);
export type ProviderName = z.infer<typeof ProviderNameSchema>;

export const ProviderParamsSchema = z.object({ provider: ProviderNameSchema });

/** What a service's sign-in page sends back to the callback; each part is checked by the callback itself, so only its size is bounded here. */
const callbackParam = z.string().max(4096).optional();
export const SpotifyCallbackQuerySchema = z.object({ code: callbackParam, state: callbackParam, error: callbackParam });
export const AppleCallbackQuerySchema = z.object({ music_user_token: callbackParam, state: callbackParam, error: callbackParam });

/**
 * One connected service as the owner sees it. Never carries a token: tokens stay encrypted in the
 * database and are used only by the server.
 */
export const ConnectionSchema = z.object({
  provider: ProviderNameSchema,
  displayName: z.string().nullable(),
  scopes: z.array(z.string()),
  /** `needs_reconnect`: the service revoked Muse's access; connecting again restores it. */
  status: z.enum(['active', 'needs_reconnect']),
  connectedAt: z.string(),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const ConnectionListSchema = z.object({
  items: z.array(ConnectionSchema),
  /** Services this server can connect to (configured, or the offline sandbox). */
  available: z.array(ProviderNameSchema),
});
export type ConnectionList = z.infer<typeof ConnectionListSchema>;

/** Ends "Sign in with Spotify" for someone new: the handle and name of the account to create. */
export const SpotifySignupSchema = z.object({ handle: HandleSchema, displayName: DisplayNameSchema });
export type SpotifySignupInput = z.infer<typeof SpotifySignupSchema>;

/** What the handle-choice page shows about the pending Spotify identity (no email, no tokens). */
export const SpotifyPendingSchema = z.object({ displayName: z.string().nullable(), suggestedHandle: z.string() });
export type SpotifyPending = z.infer<typeof SpotifyPendingSchema>;

/** What MusicKit JS needs in the browser to ask for a Music-User-Token: the app's short-lived developer token and its storefront. */
export const AppleDeveloperTokenSchema = z.object({ developerToken: z.string(), storefront: z.string() });
export type AppleDeveloperToken = z.infer<typeof AppleDeveloperTokenSchema>;
