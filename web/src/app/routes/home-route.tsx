import { Link, useLocation } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';

function greeting(hour: number): string {
  if (hour < 5) return 'Up late';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/** `/home`: a greeting and an honest view of what is ready and what is coming. */
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
        <p className="lead muted">
          This is where your listening life will live: what you played, what you thought, and what your friends are spinning.
        </p>
      </header>

      <div className="grid grid-3">
        <section className="card tile" aria-labelledby="tile-catalog">
          <span className="tile-icon tile-icon-rose" aria-hidden="true">
            ★
          </span>
          <h2 id="tile-catalog" className="card-title">
            The catalog is on its way
          </h2>
          <p className="muted">
            Soon you will search albums and songs, rate them in half stars and log each listen in your diary, right from here.
          </p>
          <span className="pill">Coming soon</span>
        </section>
        <section className="card tile" aria-labelledby="tile-feed">
          <span className="tile-icon tile-icon-violet" aria-hidden="true">
            ◎
          </span>
          <h2 id="tile-feed" className="card-title">
            Your friends feed
          </h2>
          <p className="muted">
            Once you can follow people, their ratings, reviews and diary entries will appear here as they happen.
          </p>
          <span className="pill">Coming soon</span>
        </section>
        <section className="card tile" aria-labelledby="tile-ready">
          <span className="tile-icon tile-icon-teal" aria-hidden="true">
            ✓
          </span>
          <h2 id="tile-ready" className="card-title">
            Ready today
          </h2>
          <ul className="check-list">
            <li>
              Your account, <strong>@{me.handle}</strong>
            </li>
            <li>
              Live <Link to="/notifications">notifications</Link>
            </li>
            <li>
              Password and account controls in <Link to="/settings">settings</Link>
            </li>
          </ul>
        </section>
      </div>
    </div>
  );
}
