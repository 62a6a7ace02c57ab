import type { PlaylistEntryView, UserSummary } from '@muse/shared';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { formatDuration } from '../../../lib/format-music';
import { EntryRatings } from './entry-ratings';

/** The name an entry is announced by in menus and messages. */
export function entryLabel(entry: PlaylistEntryView): string {
  return entry.snapshot.title;
}

function AddedBy({ entry, owner }: { entry: PlaylistEntryView; owner: UserSummary }) {
  // Only worth saying on shared work: the owner added everything else.
  if (entry.addedBy === owner.id || !entry.addedByUser) return null;
  return (
    <span className="entry-added-by muted">
      added by <Link to={`/users/${encodeURIComponent(entry.addedByUser.handle)}`}>{entry.addedByUser.displayName}</Link>
    </span>
  );
}

/** A track of a playlist: title, artists, album (linked when it is in the catalog), ratings, duration, who added it. */
export function TrackEntryContent({ entry, owner }: { entry: PlaylistEntryView; owner: UserSummary }) {
  const { snapshot } = entry;
  const albumTitle = entry.album?.title ?? snapshot.album ?? null;
  const duration = snapshot.durationMs ?? null;
  return (
    <>
      <span className="entry-main">
        <span className="entry-title">
          {snapshot.title}
          {snapshot.explicit && (
            <span className="entry-explicit" title="Explicit">
              <span aria-hidden="true">E</span>
              <span className="sr-only"> (explicit)</span>
            </span>
          )}
        </span>
        <span className="entry-byline muted">
          {snapshot.artists.join(', ')}
          {albumTitle && (
            <>
              {snapshot.artists.length > 0 && ' · '}
              {entry.albumId ? (
                <Link to={`/albums/${encodeURIComponent(entry.albumId)}${entry.trackId ? `#track-${entry.trackId}` : ''}`}>{albumTitle}</Link>
              ) : (
                albumTitle
              )}
            </>
          )}
        </span>
        <AddedBy entry={entry} owner={owner} />
      </span>
      <EntryRatings entry={entry} />
      <span className="entry-duration">{duration !== null && <time dateTime={`PT${Math.round(duration / 1000)}S`}>{formatDuration(duration)}</time>}</span>
    </>
  );
}

/** An album of a list: cover, title (linked when it is in the catalog), artists, year, ratings, who added it. */
export function AlbumEntryContent({ entry, owner }: { entry: PlaylistEntryView; owner: UserSummary }) {
  const { snapshot } = entry;
  const title = entry.album?.title ?? snapshot.title;
  const artist = entry.album?.artistCredit ?? snapshot.artists.join(', ');
  const year = entry.album?.releaseYear ?? snapshot.releaseYear ?? null;
  return (
    <>
      <AlbumCover title={title} artist={artist} coverUrl={entry.album?.coverUrl ?? snapshot.coverUrl ?? null} size={88} className="entry-cover" decorative />
      <span className="entry-main">
        <span className="entry-title">{entry.albumId ? <Link to={`/albums/${encodeURIComponent(entry.albumId)}`}>{title}</Link> : title}</span>
        <span className="entry-byline muted">{[artist, year].filter(Boolean).join(' · ')}</span>
        <EntryRatings entry={entry} />
        <AddedBy entry={entry} owner={owner} />
      </span>
    </>
  );
}
