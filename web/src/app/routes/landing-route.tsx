import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { FEATURES, SHOWCASE } from './landing-content';

const SIGNED_OUT_MESSAGES: Record<string, string> = {
  logged_out: 'You have logged out. See you soon.',
  account_deleted: 'Your account has been deleted. Thank you for listening with us.',
};

function Stars({ value }: { value: number }) {
  const full = Math.floor(value);
  return (
    <span className="stars" aria-label={`${value} out of 5 stars`}>
      {'★'.repeat(full)}
      {value % 1 ? '½' : ''}
    </span>
  );
}

/** `/`: what Muse is, for people who are not signed in. */
export function LandingRoute() {
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: string } | null)?.signedOut;
  const flash = signedOut ? SIGNED_OUT_MESSAGES[signedOut] : undefined;

  return (
    <div className="landing">
      <title>Muse · Your music diary, shared with friends</title>
      {flash && (
        <div className="container landing-flash">
          <Alert tone="success">{flash}</Alert>
        </div>
      )}

      <section className="hero container" aria-labelledby="hero-title">
        <div className="hero-copy">
          <p className="eyebrow">The social diary for music</p>
          <h1 id="hero-title" className="hero-title">
            Every album you love, <span className="gradient-text">remembered.</span>
          </h1>
          <p className="hero-lead">
            Rate and review albums, log every listen, and keep a page that says who you are as a listener. Follow friends and discover what they are playing
            next.
          </p>
          <div className="hero-actions">
            <Link className="btn btn-primary btn-lg" to="/register">
              Create your free account
            </Link>
            <Link className="btn btn-secondary btn-lg" to="/login">
              Log in
            </Link>
          </div>
        </div>

        <ul className="showcase" aria-label="Example diary entries">
          {SHOWCASE.map((entry) => (
            <li key={entry.title} className="showcase-card">
              <div className={`cover ${entry.cover}`} role="img" aria-label={`Cover of ${entry.title}`}>
                <span className="cover-initials" aria-hidden="true">
                  {entry.title.slice(0, 1)}
                </span>
              </div>
              <div className="showcase-meta">
                <p className="showcase-title">{entry.title}</p>
                <p className="showcase-artist">{entry.artist}</p>
                <Stars value={entry.rating} />
                <p className="showcase-note">“{entry.note}”</p>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="features container" aria-labelledby="features-title">
        <h2 id="features-title" className="section-title">
          Everything a listener keeps, in one place
        </h2>
        <ul className="feature-grid">
          {FEATURES.map((feature) => (
            <li key={feature.title} className="feature-card">
              <span className={`feature-icon ${feature.tone}`} aria-hidden="true">
                {feature.icon}
              </span>
              <h3>{feature.title}</h3>
              <p>{feature.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="cta-band" aria-labelledby="cta-title">
        <div className="container cta-band-inner">
          <h2 id="cta-title">Start your diary tonight.</h2>
          <p>It takes a minute. Your first rating takes a second.</p>
          <Link className="btn btn-primary btn-lg" to="/register">
            Join Muse
          </Link>
        </div>
      </section>
    </div>
  );
}
