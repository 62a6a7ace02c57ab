import { CHART_MIN_COUNT, type ChartEntry } from '@muse/shared';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { formatAlbumType, formatCount, formatScore } from '../../../lib/format-music';
import { ChartGrowthMark } from './chart-growth';

/** Marks an entry ranked on too few ratings, saying why in its accessible description. */
function ProvisionalMark({ minCount }: { minCount: number }) {
  const hintId = useId();
  return (
    <span className="chart-provisional" aria-describedby={hintId}>
      Provisional
      <span id={hintId} hidden>
        Fewer than {minCount} ratings so far: its place may change.
      </span>
    </span>
  );
}

/**
 * A ranked list of albums: rank, cover, title, artist, weighted score and rating count (and this week's
 * count when trending, the mean rise on relistens for growers); entries with fewer than `minCount` ratings are marked provisional.
 * `renderAlbumAction` adds a control to each row that another feature provides (Listen later).
 */
export function ChartList({
  items,
  compact = false,
  trending = false,
  minCount = CHART_MIN_COUNT,
  renderAlbumAction,
}: {
  items: ChartEntry[];
  compact?: boolean;
  trending?: boolean;
  minCount?: number;
  renderAlbumAction?: (album: ChartEntry['album']) => ReactNode;
}) {
  return (
    <ol className={`chart-list${compact ? ' chart-list-compact' : ''}${renderAlbumAction ? ' chart-list-actions' : ''}`}>
      {items.map((entry) => (
        <li key={entry.album.id} className="chart-row">
          <span className="chart-rank" aria-label={`Rank ${entry.rank}`}>
            {entry.rank}
          </span>
          <Link to={`/albums/${entry.album.id}`} tabIndex={-1} aria-hidden="true" className="chart-cover">
            <AlbumCover title={entry.album.title} artist={entry.album.artistCredit} coverUrl={entry.album.coverUrl} size={compact ? 44 : 72} decorative />
          </Link>
          <span className="chart-text">
            <Link to={`/albums/${entry.album.id}`} className="chart-title">
              {entry.album.title}
            </Link>
            {entry.provisional && <ProvisionalMark minCount={minCount} />}
            <span className="chart-detail">
              {entry.album.artistCredit}
              {entry.album.releaseYear ? ` · ${entry.album.releaseYear}` : ''}
              {!compact && entry.album.type !== 'album' ? ` · ${formatAlbumType(entry.album.type)}` : ''}
            </span>
            {!compact && entry.album.genres.length > 0 && <span className="chart-genres">{entry.album.genres.slice(0, 3).join(', ')}</span>}
          </span>
          <span className="chart-score">
            <span className="chart-score-value" title="Weighted score">
              <span className="sr-only">Weighted score </span>
              {formatScore(entry.stats.weighted)}
            </span>
            <span className="chart-score-count">
              {trending && entry.recentCount !== undefined ? `${formatCount(entry.recentCount, 'rating')} this week` : formatCount(entry.stats.count, 'rating')}
            </span>
            {entry.growth && <ChartGrowthMark growth={entry.growth} />}
          </span>
          {renderAlbumAction && <span className="chart-action">{renderAlbumAction(entry.album)}</span>}
        </li>
      ))}
    </ol>
  );
}
