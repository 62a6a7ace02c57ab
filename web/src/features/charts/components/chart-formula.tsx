import { GROWERS_MIN_PAIRS, type Chart } from '@muse/shared';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';

/** The published ranking formula with this chart's own prior, minimum count and age. */
export function ChartFormula({ chart }: { chart: Chart }) {
  return (
    <aside className="chart-formula" aria-label="How charts are ranked">
      <p>
        Ranked by weighted score, a Bayesian average: <code>(C × m + Σ ratings) ÷ (C + n)</code>, where <var>n</var> is the album’s number of ratings,{' '}
        <var>m</var> = {chart.priorMean.toFixed(2)} the average of all album ratings and <var>C</var> = {chart.priorWeight}.
        {chart.kind === 'trending'
          ? ' Trending ranks by ratings given in the last seven days.'
          : chart.kind === 'growers'
            ? ` Growers rank instead by how much people who relistened rate an album above their first rating (the mean of current minus first, in stars), for albums at least ${GROWERS_MIN_PAIRS} people relistened.`
            : ` Albums with fewer than ${chart.minCount} ratings are listed after the rest, marked provisional.`}
      </p>
      {chart.computedAt && (
        <p className="muted">
          Updated{' '}
          <time dateTime={chart.computedAt} title={formatDateTime(chart.computedAt)}>
            {formatRelativeTime(chart.computedAt)}
          </time>
          .
        </p>
      )}
    </aside>
  );
}
