import type { PlaylistSummary, SearchResults } from '@muse/shared';
import { presentAlbumStats, presentAlbumSummary, type AggregateHidden } from '../../http/presenters/catalog.presenter';
import type { AlbumHitRow, ArtistHitRow, TrackHitRow, UserHitRow } from './search.repo';

export interface SearchHits {
  albums: AlbumHitRow[];
  artists: ArtistHitRow[];
  tracks: TrackHitRow[];
  users: UserHitRow[];
}

/** Search results with explicit fields only; albums carry their rating stats against the prior. */
export function presentSearchResults(
  query: string,
  hits: SearchHits,
  priorMean: number,
  playlists: PlaylistSummary[] = [],
  hidden: AggregateHidden = () => false,
): SearchResults {
  return {
    query,
    albums: hits.albums.map((row) => ({ ...presentAlbumSummary(row), stats: presentAlbumStats(row, priorMean, hidden) })),
    artists: hits.artists.map((row) => ({ id: String(row.id), name: row.name, albumCount: row.album_count })),
    tracks: hits.tracks.map((row) => ({
      id: row.id,
      title: row.title,
      artistCredit: row.artist_credit,
      durationMs: row.duration_ms,
      album: presentAlbumSummary(row.album),
    })),
    users: hits.users.map((row) => ({ id: row.id, handle: row.handle, displayName: row.display_name })),
    playlists,
  };
}
