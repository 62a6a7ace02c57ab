import type { ProfileStats as Stats } from '@muse/shared';
import { formatCount, formatNumber, formatStars } from '../../../lib/format-music';
import { BarList } from './bar-list';

const mean = (value: number) => value.toFixed(1);

/** The histogram of someone's ratings as bars from half a star to five. */
function RatingsHistogram({ histogram }: { histogram: number[] }) {
  const max = Math.max(1, ...histogram);
  return (
    <figure className="profile-histogram">
      <ol className="profile-histogram-bars" aria-label="Ratings by stars, from half a star to five">
        {histogram.map((count, bucket) => {
          const label = `${formatStars((bucket + 1) / 2)}: ${formatCount(count, 'rating')}`;
          return (
            <li key={bucket} title={label}>
              <span className="profile-histogram-fill" style={{ height: `${count === 0 ? 0 : Math.max(4, (count / max) * 100)}%` }} aria-hidden="true" />
              <span className="sr-only">{label}</span>
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

/**
 * Someone's listening in numbers: counts, the ratings histogram, ratings per release decade
 * and per year rated, top artists and genres, and the diary streak.
 */
export function ProfileStats({ stats }: { stats: Stats }) {
  const empty = stats.ratingCount === 0;
  return (
    <section className="card profile-stats" aria-labelledby="stats-title">
      <h2 id="stats-title" className="card-title">
        Stats
      </h2>
      <dl className="stat-tiles">
        <div>
          <dt>Ratings</dt>
          <dd data-testid="stat-ratings">{formatNumber(stats.ratingCount)}</dd>
        </div>
        <div>
          <dt>Reviews</dt>
          <dd>{formatNumber(stats.reviewCount)}</dd>
        </div>
        <div>
          <dt>Diary entries</dt>
          <dd>{formatNumber(stats.diaryCount)}</dd>
        </div>
        <div>
          <dt>Diary streak</dt>
          <dd title={`Longest: ${formatCount(stats.diaryStreak.longest, 'day')}`}>
            {formatCount(stats.diaryStreak.current, 'day')}
            <span className="stat-sub">best {stats.diaryStreak.longest}</span>
          </dd>
        </div>
      </dl>
      {empty ? (
        <p className="muted">No ratings yet, so no charts yet.</p>
      ) : (
        <div className="stats-grid">
          <div>
            <h3 className="card-subheading">Ratings</h3>
            <RatingsHistogram histogram={stats.histogram} />
          </div>
          {stats.byDecade.length > 0 && (
            <div>
              <h3 className="card-subheading">By release decade</h3>
              <BarList
                label="Ratings per release decade"
                bars={stats.byDecade.map((d) => ({
                  key: String(d.decade),
                  label: `${d.decade}s`,
                  value: d.count,
                  description: `${d.decade}s: ${formatCount(d.count, 'rating')}, mean ${mean(d.mean)}`,
                }))}
              />
            </div>
          )}
          {stats.byYearRated.length > 0 && (
            <div>
              <h3 className="card-subheading">By year rated</h3>
              <BarList
                label="Ratings per year they were made"
                bars={stats.byYearRated.map((y) => ({
                  key: String(y.year),
                  label: String(y.year),
                  value: y.count,
                  description: `${y.year}: ${formatCount(y.count, 'rating')}`,
                }))}
              />
            </div>
          )}
          {stats.topArtists.length > 0 && (
            <div>
              <h3 className="card-subheading">Top artists</h3>
              <BarList
                label="Most rated artists"
                bars={stats.topArtists.map((a) => ({
                  key: a.artistId,
                  label: a.name,
                  value: a.count,
                  description: `${a.name}: ${formatCount(a.count, 'rating')}, mean ${mean(a.mean)}`,
                }))}
              />
            </div>
          )}
          {stats.topGenres.length > 0 && (
            <div>
              <h3 className="card-subheading">Top genres</h3>
              <BarList
                label="Most rated genres"
                bars={stats.topGenres.map((g) => ({
                  key: g.genre,
                  label: g.genre,
                  value: g.count,
                  description: `${g.genre}: ${formatCount(g.count, 'rating')}, mean ${mean(g.mean)}`,
                }))}
              />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
