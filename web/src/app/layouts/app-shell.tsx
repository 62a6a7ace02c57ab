import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { Logo } from '../../components/ui/logo';
import { PageSpinner } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/logout';
import { UserMenu } from '../../features/auth/components/user-menu';
import { useNotificationsSocket } from '../../features/notifications/api/use-notifications-socket';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { PreviewPlayerProvider } from '../../features/player/components/preview-player-provider';
import { LazySearchBox } from '../../features/search/components/lazy-search-box';
import { appDestinations } from './app-destinations';
import { MobileNav } from './mobile-nav';

/**
 * Frame of every page seen while signed in: top nav (a Menu button on small screens) with search,
 * live notifications, account menu, and the preview player, which stays mounted (and playing) as
 * pages change.
 */
export function AppShell() {
  const me = useMe();
  const logoutMutation = useLogout();
  useNotificationsSocket(me?.id ?? null);

  const handleLogout = () => logoutMutation.mutate();

  // The frame only renders this while someone is signed in; a session ending here swaps the frame.
  if (!me) return null;
  const destinations = appDestinations(me);

  return (
    <PreviewPlayerProvider>
      <div className="app-layout">
        <header className="app-header">
          <div className="container app-header-inner">
            <NavLink to="/home" className="brand" aria-label="Muse home">
              <Logo />
            </NavLink>
            <nav className="app-nav" aria-label="Main">
              {destinations
                .filter((destination) => !destination.menuOnly)
                .map((destination) => (
                  <NavLink key={destination.to} className="nav-link" to={destination.to} end={destination.end}>
                    {destination.label}
                  </NavLink>
                ))}
            </nav>
            <div className="app-header-search">
              <LazySearchBox />
            </div>
            <div className="app-header-actions">
              <MobileNav destinations={destinations} />
              <NotificationBell />
              <UserMenu user={me} onLogout={handleLogout} loggingOut={logoutMutation.isPending} />
            </div>
          </div>
        </header>
        <main id="main" className="app-main container" tabIndex={-1}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </PreviewPlayerProvider>
  );
}
