import type { AlbumDetail } from '@muse/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { formatAlbumType, formatReleaseDate } from '../../../lib/format-music';
import { AlbumCredits } from './album-credits';

/** The top of an album page: cover, title, artists, and the facts a collector looks for. */
export function AlbumHeader({ album, totalMs, trackCount, actions }: { album: AlbumDetail; totalMs: number | null; trackCount: number; actions?: ReactNode }) {
  const released = formatReleaseDate(album.releaseDate, album.releaseDatePrecision, album.releaseYear);
  const facts = [
    { term: 'Type', value: formatAlbumType(album.type) },
    { term: 'Released', value: released },
    { term: 'Label', value: [album.label, album.catalogNumber].filter(Boolean).join(' · ') },
    { term: 'Country', value: album.country ?? '' },
  ].filter((fact) => fact.value);

  return (
    <header className="album-header">
      <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={240} className="album-header-cover" />
      <div className="album-header-body">
        <p className="eyebrow">{formatAlbumType(album.type)}</p>
        <h1 className="album-title">{album.title}</h1>
        <p className="album-artists">
          <span className="sr-only">By </span>
          <AlbumCredits credits={album.credits} fallback={album.artistCredit} />
        </p>
        <p className="album-summary muted">
          {[released, trackCount > 0 ? `${trackCount} ${trackCount === 1 ? 'track' : 'tracks'}` : '', totalMs ? formatRuntime(totalMs) : '']
            .filter(Boolean)
            .join(' · ')}
        </p>
        <dl className="album-facts">
          {facts.map((fact) => (
            <div key={fact.term}>
              <dt>{fact.term}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
        {(album.genres.length > 0 || album.styles.length > 0) && (
          <ul className="tag-list" aria-label="Genres and styles">
            {album.genres.map((genre) => (
              <li key={`g-${genre}`}>
                <Link className="tag tag-genre" to={`/charts?kind=genre&genre=${encodeURIComponent(genre)}`}>
                  {genre}
                </Link>
              </li>
            ))}
            {album.styles.map((style) => (
              <li key={`s-${style}`}>
                <span className="tag">{style}</span>
              </li>
            ))}
          </ul>
        )}
        {actions && <div className="album-actions">{actions}</div>}
      </div>
    </header>
  );
}

function formatRuntime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}
