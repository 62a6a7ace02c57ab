import { z } from 'zod';
import type { AlbumSummary, RatingStats, UserSummary } from './catalog.schemas';
import { DisplayNameSchema } from './auth.schemas';
import { IdSchema } from './catalog.schemas';
import type { Relationship, Visibility } from './social.schemas';
import { VisibilitySchema } from './social.schemas';
import { FeedQuerySchema, type FeedPage } from './feed.schemas';
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

export interface ProfileStats {
  ratingCount: number;
  reviewCount: number;
  diaryCount: number;
  histogram: number[];
  /** Ratings per release decade, e.g. { decade: 1970, count: 12, mean: 4.1 }. */
  byDecade: { decade: number; count: number; mean: number }[];
  /** Ratings per calendar year in which they were made. */
  byYearRated: { year: number; count: number }[];
  topArtists: { artistId: string; name: string; count: number; mean: number }[];
  topGenres: { genre: string; count: number; mean: number }[];
  /** Consecutive days with a diary entry, ending today or yesterday; and the longest ever. */
  diaryStreak: { current: number; longest: number };
}

export interface Compatibility {
  /** 0..100, or null when fewer than 3 shared ratings. */
  score: number | null;
  sharedCount: number;
  /** Biggest differences first. */
  disagreements: { album: AlbumSummary; yours: number; theirs: number }[];
}

/**
 * GET /api/users/:handle — a private profile shows only `user` and `relationship` to
 * non-followers; a suspended account's profile shows only those to everyone but administrators.
 */
export interface ProfileView {
  user: UserSummary & { avatarUrl: string | null; bio: string; isPrivate: boolean; followerCount: number; followingCount: number; createdAt: string };
  isOwn: boolean;
  relationship: Relationship | null;
  /**
   * Moderators suspended the account. Everyone but administrators then sees `visible: false`,
   * and the profile's lists (diary, activity, followers, following) are withheld too.
   */
  suspended: boolean;
  /** False when the viewer may not see more than name and avatar (a private or suspended profile). */
  visible: boolean;
  favourites: (AlbumSummary & { stats: RatingStats })[];
  stats: ProfileStats | null;
  compatibility: Compatibility | null;
  settings: { defaultVisibility: Visibility; hideUnloggedTakes: boolean } | null;
}

/** GET /api/users/:handle/activity: pages like the feed (cursor, limit 1..50, default 20). */
export const ProfileActivityQuerySchema = FeedQuerySchema;
export type ProfileActivityQuery = z.infer<typeof ProfileActivityQuerySchema>;

/** One user's recent activity as the viewer may see it, grouped like the feed, newest first. */
export type ProfileActivityPage = FeedPage;
