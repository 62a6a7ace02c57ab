import { z } from 'zod';
import { pageQuery } from './pagination.schemas';
import { AlbumSummarySchema, UserSummarySchema } from './catalog.schemas';
import { VisibilitySchema } from './social.schemas';
import { ACTIVITY_TYPES } from './enums';
import { SocialUserSchema } from './social-graph.schemas';

export const FeedQuerySchema = pageQuery({ default: 20, max: 50 });
export type FeedQuery = z.infer<typeof FeedQuerySchema>;

/** The kinds of activity the feed and profiles show. */
export const ActivityTypeSchema = z.enum(ACTIVITY_TYPES);

/** A playlist as a feed item shows it. */
export const FeedPlaylistViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['playlist', 'list']),
  entryCount: z.number().int().min(0),
  covers: z.array(z.string()),
  owner: UserSummarySchema,
});
export type FeedPlaylistView = z.infer<typeof FeedPlaylistViewSchema>;

/** One activity as the feed shows it. */
export const ActivityViewSchema = z.object({
  id: z.string(),
  type: ActivityTypeSchema,
  actor: SocialUserSchema,
  visibility: VisibilitySchema,
  createdAt: z.string(),
  album: AlbumSummarySchema.nullable(),
  /**
   * The artists credited on `album`, in credit order, each once (empty without an album). The
   * credit line alone cannot say who is credited, and muting an artist needs their id.
   */
  albumArtists: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The track a rating or review is about (its album is `album`); null for albums and everything else. */
  track: z.object({ id: z.string(), title: z.string() }).nullable().optional(),
  /** Stars for rated / listened / reviewed. */
  rating: z.number().nullable(),
  /** The review a reviewed, liked_review or commented activity is about, with whose it is. */
  review: z
    .object({
      id: z.string(),
      excerpt: z.string(),
      author: UserSummarySchema,
      /** Album reviews: 1 for a first impression, N after N listens (as on review cards); null for a track review. */
      listenNumber: z.number().int().nullable(),
    })
    .nullable(),
  /** The user a followed activity followed. */
  targetUser: UserSummarySchema.nullable(),
  /** The playlist or list a created_playlist, added_to_playlist or liked_playlist activity is about. */
  playlist: FeedPlaylistViewSchema.nullable().optional(),
  /** How many entries an added_to_playlist activity added. */
  count: z.number().int().nullable().optional(),
});
export type ActivityView = z.infer<typeof ActivityViewSchema>;

/** Several activities of one actor and type close in time, shown as one ("Ana rated 5 albums"). */
export const FeedItemSchema = z.object({
  id: z.string(),
  type: ActivityTypeSchema,
  actor: SocialUserSchema,
  activities: z.array(ActivityViewSchema),
  createdAt: z.string(),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

/** GET /api/feed: one page of the home feed, newest first. */
export const FeedPageSchema = z.object({ items: z.array(FeedItemSchema), nextCursor: z.string().nullable() });
export type FeedPage = z.infer<typeof FeedPageSchema>;

/**
 * GET /api/albums/:id/friends: "popular with friends", the people the viewer follows who rated
 * the album and their ratings in stars (empty for signed-out viewers).
 */
export const AlbumFriendListSchema = z.object({ friends: z.array(z.object({ user: UserSummarySchema, rating: z.number() })) });
export type AlbumFriendList = z.infer<typeof AlbumFriendListSchema>;
