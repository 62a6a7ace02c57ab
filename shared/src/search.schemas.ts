import { z } from 'zod';
import { AlbumSummarySchema, ArtistSummarySchema, RatingStatsSchema, UserSummarySchema } from './catalog.schemas';
import { PlaylistSummarySchema } from './playlists.schemas';
import { userText } from './text.schemas';
import { SEARCH_TYPES } from './enums';

export const SearchQuerySchema = z.object({
  q: userText('Search text', { error: 'Type at least 2 characters' }).trim().min(2, 'Type at least 2 characters').max(200, 'Search text is too long'),
  type: z.enum(SEARCH_TYPES).default('all'),
  genre: userText('Genre').trim().min(1).max(100).optional(),
  year: z.coerce.number().int().min(1000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(8),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** A track found by search, with the album it is on. */
export const TrackSearchHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  artistCredit: z.string(),
  durationMs: z.number().int().nullable(),
  album: AlbumSummarySchema,
});
export type TrackSearchHit = z.infer<typeof TrackSearchHitSchema>;

/**
 * `GET /api/search`: every group is always there; those the `type` did not ask for (and users
 * and playlists under a genre or year) come back empty. Playlists come only with `type=playlist`.
 */
export const SearchResultsSchema = z.object({
  /** The text as it was asked. */
  query: z.string(),
  albums: z.array(AlbumSummarySchema.extend({ stats: RatingStatsSchema })),
  artists: z.array(ArtistSummarySchema),
  tracks: z.array(TrackSearchHitSchema),
  users: z.array(UserSummarySchema),
  /** Public playlists and lists whose title holds every word typed. */
  playlists: z.array(PlaylistSummarySchema),
});
export type SearchResults = z.infer<typeof SearchResultsSchema>;
