import type { RatingTimelinePoint } from '@muse/shared';
import { Link } from 'react-router';
import { formatDay, formatStars } from '../../../lib/format-music';
import { formatStarChange } from '../../../lib/format-star-change';

const WIDTH = 240;
const HEIGHT = 72;
const PAD = 8;

/** y of a rating (0.5–5 stars) inside the drawing, five stars at the top. */
const yOf = (stars: number) => PAD + ((5 - stars) / 4.5) * (HEIGHT - 2 * PAD);

/** What one point is, in words. */
function describe(point: RatingTimelinePoint): string {
  const listen = point.listenNumber === 1 ? 'First listen' : `Listen ${point.listenNumber}`;
  return `${listen}, ${formatDay(point.on)}: ${formatStars(point.rating)}`;
}

/**
 * The viewer's ratings of an album over time as a small line chart (one point per listen, evenly
 * spaced, oldest on the left), with the same points as a list for screen readers and keyboards.
 */
export function RatingTimelineChart({ points, change }: { points: RatingTimelinePoint[]; change: number | null }) {
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const xOf = (i: number) => (points.length > 1 ? PAD + i * step : WIDTH / 2);
  const summary =
    change === null
      ? `One rating: ${formatStars(points[0]!.rating)}`
      : `${points.length} ratings, from ${formatStars(points[0]!.rating)} to ${formatStars(points[points.length - 1]!.rating)}`;
  return (
    <figure className="rating-timeline">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="rating-timeline-chart" role="img" aria-label={summary}>
        {points.length > 1 && <polyline className="rating-timeline-line" fill="none" points={points.map((p, i) => `${xOf(i)},${yOf(p.rating)}`).join(' ')} />}
        {points.map((p, i) => (
          <circle key={`${p.on}-${i}`} className={`rating-timeline-dot rating-timeline-${p.source}`} cx={xOf(i)} cy={yOf(p.rating)} r={4}>
            <title>{describe(p)}</title>
          </circle>
        ))}
      </svg>
      <figcaption>
        {change !== null && <p className="rating-timeline-change">{formatStarChange(change)} since your first listen</p>}
        <ol className="rating-timeline-points">
          {points.map((p, i) => (
            <li key={`${p.on}-${i}`}>
              {describe(p)}
              {p.source === 'rating' && <span className="muted"> (rated without a logged listen)</span>}
              {p.reviewId && (
                <>
                  {' · '}
                  <Link to={`/reviews/${p.reviewId}`}>review</Link>
                </>
              )}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
