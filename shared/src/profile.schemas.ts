import { z } from 'zod';
import { DisplayNameSchema } from './auth.schemas';
import { AlbumSummarySchema, IdSchema } from './catalog.schemas';
import { RelationshipSchema, VisibilitySchema } from './social.schemas';
import { FavouriteAlbumSchema, SocialUserSchema } from './social-graph.schemas';
import { FeedPageSchema, FeedQuerySchema, type FeedPage } from './feed.schemas';
import { userText } from './text.schemas';

export const ProfileUpdateSchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    bio: userText('Bio').max(1000, 'Bio must be at most 1,000 characters').optional(),
    avatarUrl: z.union([z.url({ protocol: /^https?$/, error: 'Avatar must be an http(s) URL' }).max(2000), z.literal(''), z.null()]).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type ProfileUpdateInput = z.infer<typeof ProfileUpdateSchema>;

export const PrivacySettingsSchema = z
  .object({
    isPrivate: z.boolean().optional(),
    defaultVisibility: VisibilitySchema.optional(),
    hideUnloggedTakes: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type PrivacySettingsInput = z.infer<typeof PrivacySettingsSchema>;

/** PUT /api/me/favourites: up to four album ids, in display order. */
export const FavouritesSchema = z.object({
  albumIds: z
    .array(IdSchema)
    .max(4, 'At most four favourites')
    .refine((a) => new Set(a).size === a.length, 'Each album only once'),
});
export type FavouritesInput = z.infer<typeof FavouritesSchema>;

/** A profile's numbers, as those who may see the profile see them. */
export const ProfileStatsSchema = z.object({
  ratingCount: z.number().int().min(0),
  reviewCount: z.number().int().min(0),
  diaryCount: z.number().int().min(0),
  /** Ratings per half star: index 0 = half a star … 9 = five stars. */
  histogram: z.array(z.number().int().min(0)),
  /** Ratings per release decade, e.g. { decade: 1970, count: 12, mean: 4.1 }. */
  byDecade: z.array(z.object({ decade: z.number().int(), count: z.number().int().min(0), mean: z.number() })),
  /** Ratings per calendar year in which they were made. */
  byYearRated: z.array(z.object({ year: z.number().int(), count: z.number().int().min(0) })),
  topArtists: z.array(z.object({ artistId: z.string(), name: z.string(), count: z.number().int().min(0), mean: z.number() })),
  topGenres: z.array(z.object({ genre: z.string(), count: z.number().int().min(0), mean: z.number() })),
  /** Consecutive days with a diary entry, ending today or yesterday; and the longest ever. */
  diaryStreak: z.object({ current: z.number().int().min(0), longest: z.number().int().min(0) }),
});
export type ProfileStats = z.infer<typeof ProfileStatsSchema>;

/** How the viewer's ratings agree with the profile owner's. */
export const CompatibilitySchema = z.object({
  /** 0..100, or null when fewer than 3 shared ratings. */
  score: z.number().int().nullable(),
  sharedCount: z.number().int().min(0),
  /** Biggest differences first; ratings in stars. */
  disagreements: z.array(z.object({ album: AlbumSummarySchema, yours: z.number(), theirs: z.number() })),
});
export type Compatibility = z.infer<typeof CompatibilitySchema>;

/**
 * GET /api/users/:handle — a private profile shows only `user` and `relationship` to
 * non-followers; a suspended account's profile shows only those to everyone but administrators.
 * PATCH /api/me/profile and /api/me/privacy answer the owner's own view.
 */
export const ProfileViewSchema = z.object({
  user: SocialUserSchema.extend({
    /** Empty when the viewer may not see the profile. */
    bio: z.string(),
    isPrivate: z.boolean(),
    followerCount: z.number().int().min(0),
    followingCount: z.number().int().min(0),
    createdAt: z.string(),
  }),
  isOwn: z.boolean(),
  /** Null for the owner and for signed-out visitors. */
  relationship: RelationshipSchema.nullable(),
  /**
   * Moderators suspended the account. Everyone but administrators then sees `visible: false`,
   * and the profile's lists (diary, activity, followers, following) are withheld too.
   */
  suspended: z.boolean(),
  /** False when the viewer may not see more than name and avatar (a private or suspended profile). */
  visible: z.boolean(),
  favourites: z.array(FavouriteAlbumSchema),
  stats: ProfileStatsSchema.nullable(),
  /** Null for the owner, signed-out visitors, and a profile the viewer may not see. */
  compatibility: CompatibilitySchema.nullable(),
  /** The owner's own settings; null for everyone else. */
  settings: z.object({ defaultVisibility: VisibilitySchema, hideUnloggedTakes: z.boolean() }).nullable(),
});
export type ProfileView = z.infer<typeof ProfileViewSchema>;

/** GET /api/users/:handle/activity: pages like the feed (cursor, limit 1..50, default 20). */
export const ProfileActivityQuerySchema = FeedQuerySchema;
export type ProfileActivityQuery = z.infer<typeof ProfileActivityQuerySchema>;

/** One user's recent activity as the viewer may see it, grouped like the feed, newest first. */
export const ProfileActivityPageSchema = FeedPageSchema;
export type ProfileActivityPage = FeedPage;
