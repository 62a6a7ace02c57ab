import { z } from 'zod';
import { pageQuery } from './pagination.schemas';
import type { UserSummary } from './catalog.schemas';
import { userText } from './text.schemas';

export const VisibilitySchema = z.enum(['public', 'followers', 'private']);
export type Visibility = z.infer<typeof VisibilitySchema>;

/** How the viewer relates to a profile. */
export interface Relationship {
  following: boolean;
  followedBy: boolean;
  requested: boolean;
  blocking: boolean;
  /** The profile's owner blocked the viewer. */
  blockedBy: boolean;
}

export interface FollowResult {
  /** 'following' at once for public profiles, 'requested' for private ones. */
  status: 'following' | 'requested' | 'none';
  followerCount: number;
}

export const FollowListQuerySchema = pageQuery({ default: 30, max: 100 });
export type FollowListQuery = z.infer<typeof FollowListQuerySchema>;

export interface FollowListItem {
  user: UserSummary & { avatarUrl: string | null };
  followedAt: string;
  /** Whether the viewer follows this user. */
  viewerFollows: boolean;
}

export const MuteCreateSchema = z.object({
  kind: z.enum(['user', 'artist', 'activity_type']),
  target: userText('Target').trim().min(1).max(64),
});
export type MuteCreateInput = z.infer<typeof MuteCreateSchema>;

/**
 * Params of DELETE /api/me/mutes/:kind/:target, loose on purpose: a kind or target that names no
 * mute is a 404 from the service, not a 400.
 */
export const MuteParamsSchema = z.object({ kind: userText('Kind').max(32), target: userText('Target').min(1).max(64) });

export interface MuteView {
  kind: MuteCreateInput['kind'];
  target: string;
  /** A readable name for the target (handle, artist name or activity label). */
  label: string;
}

/** GET /api/me/mutes. User mutes name the user by handle in `target` (also what DELETE takes). */
export interface MuteList {
  items: MuteView[];
}
