import { z } from 'zod';
import { pageOf, pageQuery } from './pagination.schemas';
import { SocialUserSchema } from './social-graph.schemas';
import { userText } from './text.schemas';

export const VisibilitySchema = z.enum(['public', 'followers', 'private']);
export type Visibility = z.infer<typeof VisibilitySchema>;

/** How the viewer relates to a profile. */
export const RelationshipSchema = z.object({
  following: z.boolean(),
  followedBy: z.boolean(),
  requested: z.boolean(),
  blocking: z.boolean(),
  /** The profile's owner blocked the viewer. */
  blockedBy: z.boolean(),
});
export type Relationship = z.infer<typeof RelationshipSchema>;

/** Answer of PUT and DELETE /api/users/:handle/follow. */
export const FollowResultSchema = z.object({
  /** 'following' at once for public profiles, 'requested' for private ones; 'none' after an unfollow. */
  status: z.enum(['following', 'requested', 'none']),
  followerCount: z.number().int().min(0),
});
export type FollowResult = z.infer<typeof FollowResultSchema>;

export const FollowListQuerySchema = pageQuery({ default: 30, max: 100 });
export type FollowListQuery = z.infer<typeof FollowListQuerySchema>;

/** One user of a followers or following list. */
export const FollowListItemSchema = z.object({
  user: SocialUserSchema,
  followedAt: z.string(),
  /** Whether the viewer follows this user. */
  viewerFollows: z.boolean(),
});
export type FollowListItem = z.infer<typeof FollowListItemSchema>;

/** GET /api/users/:handle/followers and /following answer, newest first. */
export const FollowListPageSchema = pageOf(FollowListItemSchema);

/** What a mute silences: a user, an artist, or a kind of activity. */
export const MuteKindSchema = z.enum(['user', 'artist', 'activity_type']);

export const MuteCreateSchema = z.object({
  kind: MuteKindSchema,
  target: userText('Target').trim().min(1).max(64),
});
export type MuteCreateInput = z.infer<typeof MuteCreateSchema>;

/**
 * Params of DELETE /api/me/mutes/:kind/:target, loose on purpose: a kind or target that names no
 * mute is a 404 from the service, not a 400.
 */
export const MuteParamsSchema = z.object({ kind: userText('Kind').max(32), target: userText('Target').min(1).max(64) });

/** One mute, as POST /api/me/mutes answers it and the mute list shows it. */
export const MuteViewSchema = z.object({
  kind: MuteKindSchema,
  target: z.string(),
  /** A readable name for the target (handle, artist name or activity label). */
  label: z.string(),
});
export type MuteView = z.infer<typeof MuteViewSchema>;

/** GET /api/me/mutes. User mutes name the user by handle in `target` (also what DELETE takes). */
export const MuteListSchema = z.object({ items: z.array(MuteViewSchema) });
export type MuteList = z.infer<typeof MuteListSchema>;
