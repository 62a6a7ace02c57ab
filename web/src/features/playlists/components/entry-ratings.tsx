import type { PlaylistEntryView } from '@muse/shared';
import { formatCount, formatScore, formatStars } from '../../../lib/format-music';

/** The community's average of the track or album an entry points at, and the viewer's own rating. */
export function EntryRatings({ entry }: { entry: PlaylistEntryView }) {
  const stats = entry.stats;
  if ((!stats || stats.count === 0) && entry.viewerRating === null) return null;
  return (
    <span className="entry-ratings">
      {stats && stats.count > 0 && (
        <span className="entry-score" title={`Average ${formatScore(stats.mean)} from ${formatCount(stats.count, 'rating')}`}>
          <span aria-hidden="true">★ </span>
          {formatScore(stats.mean)}
          <span className="sr-only"> average from {formatCount(stats.count, 'rating')}</span>
        </span>
      )}
      {entry.viewerRating !== null && (
        <span className="entry-own-rating">
          <span aria-hidden="true">You ★ {entry.viewerRating}</span>
          <span className="sr-only">Your rating: {formatStars(entry.viewerRating)}</span>
        </span>
      )}
    </span>
  );
}
