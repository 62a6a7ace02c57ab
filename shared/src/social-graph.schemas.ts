import { z } from 'zod';
import { AlbumSummarySchema, RatingStatsSchema, UserSummarySchema } from './catalog.schemas';
import { pageOf } from './pagination.schemas';

/** A user as lists of the social graph show them. */
export const SocialUserSchema = UserSummarySchema.extend({ avatarUrl: z.string().nullable() });
export type SocialUser = z.infer<typeof SocialUserSchema>;

/** GET /api/me/follow-requests: one pending request to follow the signed-in user. */
export const FollowRequestItemSchema = z.object({ user: SocialUserSchema, requestedAt: z.string() });
export type FollowRequestItem = z.infer<typeof FollowRequestItemSchema>;

/** GET /api/me/follow-requests answer, newest first. */
export const FollowRequestPageSchema = pageOf(FollowRequestItemSchema);

/** GET /api/me/blocks: one user the signed-in user blocked. */
export const BlockListItemSchema = z.object({ user: SocialUserSchema, blockedAt: z.string() });
export type BlockListItem = z.infer<typeof BlockListItemSchema>;

/** GET /api/me/blocks answer, newest first. */
export const BlockPageSchema = pageOf(BlockListItemSchema);

/** Answer of PUT and DELETE /api/users/:handle/block. */
export const BlockResultSchema = z.object({ blocking: z.boolean() });
export type BlockResult = z.infer<typeof BlockResultSchema>;

/** An album among a profile's favourites, with its rating stats. */
export const FavouriteAlbumSchema = AlbumSummarySchema.extend({ stats: RatingStatsSchema });

/** Answer of PUT /api/me/favourites: the favourites as stored, in display order. */
export const FavouritesResultSchema = z.object({ favourites: z.array(FavouriteAlbumSchema) });
export type FavouritesResult = z.infer<typeof FavouritesResultSchema>;
