import type { SearchResults as Results } from '@muse/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { formatAlbumType, formatCount, formatDuration, formatScore } from '../../../lib/format-music';

interface SearchResultsProps {
  results: Results;
  /** Controls at the end of an album's or a track's row that other features provide (e.g. "Add to list"). */
  renderAlbumActions?: (album: Results['albums'][number]) => ReactNode;
  renderTrackActions?: (track: Results['tracks'][number]) => ReactNode;
}

/** One kind of result under its heading. */
function ResultGroup({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="section-heading">
        {heading}
      </h2>
      <ul className="result-list">{children}</ul>
    </section>
  );
}

/** A result drawn as a symbol (an artist, a track, a playlist): its title links to its page, `children` end the row. */
function IconRow({ icon, to, title, detail, children }: { icon: string; to: string; title: string; detail: ReactNode; children?: ReactNode }) {
  return (
    <li className="result-row">
      <span className="result-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="result-text">
        <Link to={to} className="result-title">
          {title}
        </Link>
        <span className="result-detail">{detail}</span>
      </span>
      {children}
    </li>
  );
}

/** The full results page body: one section per kind of result that has any. */
export function SearchResults({ results, renderAlbumActions, renderTrackActions }: SearchResultsProps) {
  const { albums, artists, tracks, users, playlists } = results;
  if (albums.length + artists.length + tracks.length + users.length + playlists.length === 0) {
    return <p className="empty-state card">Nothing matches “{results.query}”. Check the spelling, or try fewer words or another filter.</p>;
  }
  return (
    <div className="search-results">
      {albums.length > 0 && (
        <ResultGroup id="results-albums" heading="Albums">
          {albums.map((album) => (
            <li key={album.id} className="result-row">
              <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={56} decorative />
              <span className="result-text">
                <Link to={`/albums/${album.id}`} className="result-title">
                  {album.title}
                </Link>
                <span className="result-detail">
                  {[album.artistCredit, album.releaseYear, album.type !== 'album' ? formatAlbumType(album.type) : null].filter(Boolean).join(' · ')}
                </span>
                {album.genres.length > 0 && <span className="result-genres">{album.genres.join(', ')}</span>}
              </span>
              <span className="result-score">
                {album.stats.count > 0 ? (
                  <>
                    <strong>{formatScore(album.stats.weighted)}</strong>
                    <span>{formatCount(album.stats.count, 'rating')}</span>
                  </>
                ) : (
                  <span className="muted">Unrated</span>
                )}
              </span>
              {renderAlbumActions && <span className="result-actions">{renderAlbumActions(album)}</span>}
            </li>
          ))}
        </ResultGroup>
      )}
      {artists.length > 0 && (
        <ResultGroup id="results-artists" heading="Artists">
          {artists.map((artist) => (
            <IconRow key={artist.id} icon="♪" to={`/artists/${artist.id}`} title={artist.name} detail={formatCount(artist.albumCount, 'album')} />
          ))}
        </ResultGroup>
      )}
      {tracks.length > 0 && (
        <ResultGroup id="results-tracks" heading="Tracks">
          {tracks.map((track) => (
            <IconRow
              key={track.id}
              icon="♫"
              to={`/tracks/${track.id}`}
              title={track.title}
              detail={
                <>
                  {track.artistCredit} · on <Link to={`/albums/${track.album.id}#track-${track.id}`}>{track.album.title}</Link>
                  {track.album.releaseYear ? ` (${track.album.releaseYear})` : ''}
                </>
              }
            >
              <span className="result-score muted">{formatDuration(track.durationMs)}</span>
              {renderTrackActions && <span className="result-actions">{renderTrackActions(track)}</span>}
            </IconRow>
          ))}
        </ResultGroup>
      )}
      {users.length > 0 && (
        <ResultGroup id="results-users" heading="People">
          {users.map((user) => (
            <li key={user.id} className="result-row">
              <span className="avatar avatar-sm" aria-hidden="true">
                {(user.displayName.trim()[0] ?? user.handle[0] ?? '?').toUpperCase()}
              </span>
              <span className="result-text">
                <Link to={`/users/${encodeURIComponent(user.handle)}`} className="result-title">
                  {user.displayName}
                </Link>
                <span className="result-detail">@{user.handle}</span>
              </span>
            </li>
          ))}
        </ResultGroup>
      )}
      {playlists.length > 0 && (
        <ResultGroup id="results-playlists" heading="Playlists and lists">
          {playlists.map((playlist) => (
            <IconRow
              key={playlist.id}
              icon="☰"
              to={`/playlists/${playlist.id}`}
              title={playlist.title}
              detail={
                <>
                  {playlist.kind === 'list' ? 'List' : 'Playlist'} by {playlist.owner.displayName} ·{' '}
                  {formatCount(playlist.entryCount, playlist.kind === 'list' ? 'album' : 'track')}
                </>
              }
            />
          ))}
        </ResultGroup>
      )}
    </div>
  );
}
