import { z } from 'zod';
import type { AlbumSummary, ArtistSummary, RatingStats, UserSummary } from './catalog.schemas';
import type { PlaylistSummary } from './playlists.schemas';
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

export interface TrackSearchHit {
  id: string;
  title: string;
  artistCredit: string;
  durationMs: number | null;
  album: AlbumSummary;
}

export interface SearchResults {
  query: string;
  albums: (AlbumSummary & { stats: RatingStats })[];
  artists: ArtistSummary[];
  tracks: TrackSearchHit[];
  users: UserSummary[];
  /** Public playlists and lists whose title holds every word typed. */
  playlists: PlaylistSummary[];
}
