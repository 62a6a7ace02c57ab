import { formatCount, formatStars } from '../../../lib/format-music';

/** "4.5 stars: 12 ratings": what each bar says to a screen reader and in its tooltip. */
export function histogramBarLabel(bucket: number, count: number): string {
  return `${formatStars((bucket + 1) / 2)}: ${formatCount(count, 'rating')}`;
}

/**
 * Ten bars, half a star to five stars, scaled to the fullest bucket. Each bar carries its
 * label as text (read by screen readers) and as a tooltip; the viewer's own bucket is marked.
 */
export function RatingHistogram({ histogram, viewerRating }: { histogram: number[]; viewerRating?: number | null }) {
  const max = Math.max(1, ...histogram);
  const mine = viewerRating ? Math.round(viewerRating * 2) - 1 : -1;
  return (
    <figure className="histogram">
      <ol className="histogram-bars" aria-label="How people rated it, from half a star to five stars">
        {histogram.map((count, bucket) => {
          const label = histogramBarLabel(bucket, count);
          return (
            <li key={bucket} className={`histogram-bar${bucket === mine ? ' histogram-bar-mine' : ''}`} title={label} data-count={count}>
              <span className="histogram-fill" style={{ height: `${count === 0 ? 0 : Math.max(4, (count / max) * 100)}%` }} aria-hidden="true" />
              <span className="sr-only">
                {label}
                {bucket === mine ? ' (your rating)' : ''}
              </span>
            </li>
          );
        })}
      </ol>
      <figcaption className="histogram-axis" aria-hidden="true">
        <span>½★</span>
        <span>★★★★★</span>
      </figcaption>
    </figure>
  );
}
