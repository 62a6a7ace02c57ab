import type { AlbumPage, RatingStats, ServerToClientEvents, TrackPage } from '@muse/shared';
import type { QueryClient } from '@tanstack/react-query';
import { catalogKeys } from '../../../lib/query-keys';

type AlbumStatsPayload = Parameters<ServerToClientEvents['album:stats']>[0];

function isStats(value: unknown): value is RatingStats {
  const stats = value as RatingStats | null;
  return (
    !!stats &&
    typeof stats.count === 'number' &&
    Array.isArray(stats.histogram) &&
    stats.histogram.length === 10 &&
    stats.histogram.every((n) => typeof n === 'number')
  );
}

/**
 * Applies an `album:stats` event: replaces count, histogram, mean and weighted score of the
 * cached album page. Other albums, an uncached album and malformed payloads are left alone;
 * a fetch already under way is restarted, since its answer may predate the event.
 */
export function applyAlbumStats(queryClient: QueryClient, { albumId, stats }: AlbumStatsPayload): void {
  if (!isStats(stats)) return;
  const queryKey = catalogKeys.album(albumId);
  queryClient.setQueryData<AlbumPage>(queryKey, (page) => (page ? { ...page, stats } : page));
  if (queryClient.isFetching({ queryKey, exact: true }) > 0) {
    void queryClient.invalidateQueries({ queryKey, exact: true }, { cancelRefetch: true });
  }
}

/** Sets the viewer's album rating (and, when known, the album's fresh stats) in the cached page. */
export function setViewerAlbumRating(queryClient: QueryClient, albumId: string, rating: number | null, stats?: RatingStats): void {
  queryClient.setQueryData<AlbumPage>(catalogKeys.album(albumId), (page) => {
    if (!page) return page;
    return { ...page, stats: stats ?? page.stats, viewer: page.viewer ? { ...page.viewer, rating } : page.viewer };
  });
}

/** Sets the viewer's rating of one track in the cached album page and the cached track page. */
export function setViewerTrackRating(
  queryClient: QueryClient,
  albumId: string,
  trackId: string,
  rating: number | null,
  stats?: { count: number; mean: number | null },
): void {
  queryClient.setQueryData<AlbumPage>(catalogKeys.album(albumId), (page) => {
    if (!page) return page;
    const tracks = page.tracks.map((track) => (track.id === trackId ? { ...track, viewerRating: rating, stats: stats ?? track.stats } : track));
    return { ...page, tracks };
  });
  queryClient.setQueryData<TrackPage>(catalogKeys.track(trackId), (page) =>
    page ? { ...page, track: { ...page.track, viewerRating: rating, stats: stats ?? page.track.stats } } : page,
  );
}
