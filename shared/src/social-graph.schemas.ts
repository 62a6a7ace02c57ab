import type { AlbumSummary, RatingStats, UserSummary } from './catalog.schemas';

/** A user as lists of the social graph show them. */
export type SocialUser = UserSummary & { avatarUrl: string | null };

/** GET /api/me/follow-requests: one pending request to follow the signed-in user. */
export interface FollowRequestItem {
  user: SocialUser;
  requestedAt: string;
}

/** GET /api/me/blocks: one user the signed-in user blocked. */
export interface BlockListItem {
  user: SocialUser;
  blockedAt: string;
}

/** Answer of PUT and DELETE /api/users/:handle/block. */
export interface BlockResult {
  blocking: boolean;
}

/** Answer of PUT /api/me/favourites: the favourites as stored, in display order. */
export interface FavouritesResult {
  favourites: (AlbumSummary & { stats: RatingStats })[];
}
