import type { AlbumSummary, TrackView } from '@muse/shared';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { formatDuration, formatScore } from '../../../lib/format-music';

/** The top of a track page: its album's cover, the title, who made it, where it sits on the album, and its average. */
export function TrackHeader({ track, album }: { track: TrackView; album: AlbumSummary }) {
  const position = track.positionLabel ?? String(track.position);
  return (
    <header className="album-header">
      <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={240} className="album-header-cover" />
      <div className="album-header-body">
        <p className="eyebrow">Track {position}</p>
        <h1 className="album-title">{track.title}</h1>
        <p className="album-artists">
          <span className="sr-only">By </span>
          {track.artistCredit || album.artistCredit}
        </p>
        <p className="album-summary muted">
          From <Link to={`/albums/${album.id}#track-${track.id}`}>{album.title}</Link>
          {album.releaseYear ? ` (${album.releaseYear})` : ''}
          {track.durationMs !== null && (
            <>
              {' · '}
              <time dateTime={`PT${Math.round(track.durationMs / 1000)}S`}>{formatDuration(track.durationMs)}</time>
            </>
          )}
        </p>
        <p className="track-page-score">
          {track.stats.count > 0 ? (
            <>
              <span aria-hidden="true">★ </span>
              {formatScore(track.stats.mean)}
              <span className="muted">
                {' '}
                average from {track.stats.count} {track.stats.count === 1 ? 'rating' : 'ratings'}
              </span>
            </>
          ) : (
            <span className="muted">No ratings yet</span>
          )}
        </p>
      </div>
    </header>
  );
}
