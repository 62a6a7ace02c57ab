import type { ChartGrowth } from '@muse/shared';
import { formatCount } from '../../../lib/format-music';
import { formatStarChange } from '../../../lib/format-star-change';

/** A growers entry's rise: the mean gain in stars on relistens and how many people it is over. */
export function ChartGrowthMark({ growth }: { growth: ChartGrowth }) {
  return (
    <span className="chart-score-count chart-growth">
      {formatStarChange(growth.meanRise)} on relistens · {formatCount(growth.pairs, 'relistener')}
    </span>
  );
}
