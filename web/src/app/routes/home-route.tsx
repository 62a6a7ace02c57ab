import { Link, useLocation } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { useChart } from '../../features/charts/api/get-chart';
import { ChartList } from '../../features/charts/components/chart-list';
import { RecentDiary } from '../../features/diary/components/recent-diary';
import { SearchBox } from '../../features/search/components/search-box';

/** How many trending albums and diary entries the home page shows (the loader prefetches the same). */
export const HOME_TRENDING_SIZE = 10;
export const HOME_DIARY_SIZE = 6;

function greeting(hour: number): string {
  if (hour < 5) return 'Up late';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

function Trending() {
  const chart = useChart({ kind: 'trending', limit: HOME_TRENDING_SIZE });
  if (chart.isPending) return <p className="muted">Loading what’s trending…</p>;
  if (chart.isError) return <p className="muted">Trending is unavailable right now.</p>;
  if (chart.data.items.length === 0) {
    return (
      <p className="muted">
        Nothing is trending yet this week. Meanwhile, the <Link to="/charts">all-time chart</Link> is a good place to start.
      </p>
    );
  }
  return <ChartList items={chart.data.items} compact trending />;
}

/** `/home`: search, what is trending this week, and the user's latest listens. */
export function HomeRoute() {
  const me = useMe();
  const location = useLocation();
  const justJoined = (location.state as { justJoined?: boolean } | null)?.justJoined === true;
  if (!me) return null;

  return (
    <div className="page">
      <title>Home · Muse</title>
      <header className="page-header home-hero">
        <p className="eyebrow">{justJoined ? 'Welcome aboard' : 'Your Muse'}</p>
        <h1>
          {justJoined ? `Welcome to Muse, ${me.displayName}.` : `${greeting(new Date().getHours())}, ${me.displayName}.`}
        </h1>
        <p className="lead muted">What did you listen to today? Find it, rate it, log it.</p>
        <div className="home-search">
          <SearchBox variant="hero" placeholder="Search for an album, an artist or a song" />
        </div>
      </header>

      <div className="home-grid">
        <section className="card" aria-labelledby="home-trending-title">
          <div className="card-header">
            <h2 id="home-trending-title" className="card-title">
              Trending this week
            </h2>
            <Link to="/charts?kind=trending" className="card-link">
              All charts
            </Link>
          </div>
          <Trending />
        </section>
        <section className="card" aria-labelledby="home-diary-title">
          <div className="card-header">
            <h2 id="home-diary-title" className="card-title">
              Your recent listens
            </h2>
            <Link to={`/users/${encodeURIComponent(me.handle)}/diary`} className="card-link">
              Your diary
            </Link>
          </div>
          <RecentDiary handle={me.handle} />
        </section>
      </div>
    </div>
  );
}
