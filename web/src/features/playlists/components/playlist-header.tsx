import type { PlaylistView } from '@muse/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount, formatDuration } from '../../../lib/format-music';
import { formatRelativeTime } from '../../../lib/format-time';
import { CoverMosaic } from './cover-mosaic';
import { entryCountLabel, kindLabel, VISIBILITY_TEXT } from './playlist-labels';

function totalDuration(playlist: PlaylistView): string {
  const ms = playlist.entries.reduce((sum, entry) => sum + (entry.snapshot.durationMs ?? 0), 0);
  return ms > 0 ? formatDuration(ms) : '';
}

const userPath = (handle: string) => `/users/${encodeURIComponent(handle)}`;

/** The top of a playlist page: covers, kind, title, owner, where it was cloned from, description, counts and the viewer's actions. */
export function PlaylistHeader({ playlist, actions }: { playlist: PlaylistView; actions?: ReactNode }) {
  const accepted = playlist.collaborators.filter((c) => c.status === 'accepted');
  const facts = [
    entryCountLabel(playlist),
    playlist.kind === 'playlist' ? totalDuration(playlist) : '',
    playlist.cloneCount > 0 ? formatCount(playlist.cloneCount, 'clone') : '',
    `updated ${formatRelativeTime(playlist.updatedAt)}`,
  ].filter(Boolean);

  return (
    <header className="playlist-header">
      <CoverMosaic covers={playlist.covers} title={playlist.title} size={200} />
      <div className="playlist-header-body">
        <p className="eyebrow">
          {kindLabel(playlist.kind, playlist.ranked)}
          {playlist.visibility !== 'public' && <span className="playlist-badge">{VISIBILITY_TEXT[playlist.visibility].badge}</span>}
        </p>
        <h1 className="playlist-title">{playlist.title}</h1>
        <p className="playlist-byline">
          by <Link to={userPath(playlist.owner.handle)}>{playlist.owner.displayName}</Link>
          {accepted.length > 0 && (
            <>
              {' with '}
              {accepted.map((c, index) => (
                <span key={c.user.id}>
                  {index > 0 && (index === accepted.length - 1 ? ' and ' : ', ')}
                  <Link to={userPath(c.user.handle)}>{c.user.displayName}</Link>
                </span>
              ))}
            </>
          )}
        </p>
        {playlist.clonedFrom && (
          <p className="playlist-cloned-from muted">
            Cloned from <Link to={`/playlists/${encodeURIComponent(playlist.clonedFrom.id)}`}>{playlist.clonedFrom.title}</Link> by{' '}
            <Link to={userPath(playlist.clonedFrom.owner.handle)}>{playlist.clonedFrom.owner.displayName}</Link>
          </p>
        )}
        {playlist.description && <p className="playlist-description">{playlist.description}</p>}
        <p className="playlist-facts muted">{facts.join(' · ')}</p>
        {actions && <div className="playlist-actions">{actions}</div>}
      </div>
    </header>
  );
}
