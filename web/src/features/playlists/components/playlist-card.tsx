import type { PlaylistSummary } from '@muse/shared';
import { Link } from 'react-router';
import { formatCount } from '../../../lib/format-music';
import { CoverMosaic } from './cover-mosaic';
import { entryCountLabel, kindLabel, VISIBILITY_TEXT } from './playlist-labels';

/** One playlist in a grid: its covers, title, owner, what it holds, who may see it and its likes. */
export function PlaylistCard({ playlist, showOwner = true }: { playlist: PlaylistSummary; showOwner?: boolean }) {
  const facts = [kindLabel(playlist.kind, playlist.ranked), entryCountLabel(playlist)];
  return (
    <article className="playlist-card">
      <Link to={`/playlists/${encodeURIComponent(playlist.id)}`} className="playlist-card-link">
        <CoverMosaic covers={playlist.covers} title={playlist.title} size={180} fluid />
        <span className="playlist-card-title">{playlist.title}</span>
      </Link>
      {showOwner && <span className="playlist-card-owner muted">by {playlist.owner.displayName}</span>}
      <span className="playlist-card-meta">
        {facts.join(' · ')}
        {playlist.visibility !== 'public' && <span className="playlist-badge">{VISIBILITY_TEXT[playlist.visibility].badge}</span>}
      </span>
      {playlist.likeCount > 0 && (
        <span className="playlist-card-likes muted">
          <span aria-hidden="true">♥ </span>
          {formatCount(playlist.likeCount, 'like')}
        </span>
      )}
    </article>
  );
}
