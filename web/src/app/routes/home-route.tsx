import { Link, useLocation } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { useChart } from '../../features/charts/api/get-chart';
import { ChartList } from '../../features/charts/components/chart-list';
import { RecentDiary } from '../../features/diary/components/recent-diary';
import { FeedEmptyState } from '../../features/feed/components/feed-empty';
import { FeedList } from '../../features/feed/components/feed-list';
import { LazySearchBox } from '../../features/search/components/lazy-search-box';
import { HOME_TRENDING_SIZE } from '../route-params';

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

/** `/home`: the feed of people you follow (live), with search, trending and your latest listens on the side. */
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
        <h1>{justJoined ? `Welcome to Muse, ${me.displayName}.` : `${greeting(new Date().getHours())}, ${me.displayName}.`}</h1>
      </header>

      <div className="home-layout">
        <div className="home-feed">
          <FeedList viewerId={me.id} empty={<FeedEmptyState handle={me.handle} viewerId={me.id} />} />
        </div>
        <aside className="home-aside" aria-label="Discover">
          <section className="card" aria-labelledby="home-search-title">
            <h2 id="home-search-title" className="card-title">
              Find music or people
            </h2>
            <LazySearchBox placeholder="Album, artist, song or person" />
          </section>
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
        </aside>
      </div>
    </div>
  );
}
