import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { Logo } from '../../components/ui/logo';
import { PageSpinner } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { LazySearchBox } from '../../features/search/components/lazy-search-box';

/** Header and footer for pages anyone can see: landing, sign-in, sign-up, 404, and catalog pages while signed out. */
export function PublicLayout({ framed = false }: { framed?: boolean }) {
  const me = useMe();
  // Catalog pages bring no frame of their own; the landing and auth pages do.
  const mainClass = framed ? 'public-main app-main container' : 'public-main';
  return (
    <div className="public-layout">
      <header className="site-header">
        <div className="container site-header-inner">
          <Link to={me ? '/home' : '/'} className="brand" aria-label="Muse home">
            <Logo />
          </Link>
          <div className="site-header-search">
            <LazySearchBox />
          </div>
          <NavLink className="nav-link site-charts-link" to="/charts">
            Charts
          </NavLink>
          <nav className="public-nav" aria-label="Account">
            {me ? (
              <Link className="btn btn-secondary btn-sm" to="/home">
                Go to Muse
              </Link>
            ) : (
              <>
                <NavLink className="nav-link" to="/login">
                  Log in
                </NavLink>
                <Link className="btn btn-primary btn-sm" to="/register">
                  Create account
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
      {/* The footer waits with the page: shown under the spinner, the page's arrival would push it down. */}
      <Suspense
        fallback={
          <main id="main" className={mainClass} tabIndex={-1}>
            <PageSpinner />
          </main>
        }
      >
        <main id="main" className={mainClass} tabIndex={-1}>
          <Outlet />
        </main>
        <footer className="site-footer">
          <div className="container site-footer-inner">
            <Logo size={20} />
            <p className="muted">Rate, review and remember the music you love.</p>
            <NavLink className="muted" to="/moderation-log">
              Moderation log
            </NavLink>
          </div>
        </footer>
      </Suspense>
    </div>
  );
}
