import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { Logo } from '../../components/ui/logo';
import { useMe } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/logout';
import { getSignOutReason } from '../../features/auth/api/session';
import { UserMenu } from '../../features/auth/components/user-menu';
import { useNotificationsSocket } from '../../features/notifications/api/use-notifications-socket';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { loginPathFor } from '../../lib/redirects';

/** Frame of every signed-in page: top nav, live notifications, account menu. */
export function AppShell() {
  const me = useMe();
  const location = useLocation();
  const logoutMutation = useLogout();
  useNotificationsSocket(me?.id ?? null);

  const handleLogout = () => logoutMutation.mutate();

  // The loader guards entry; this handles a session that ends while the user is here.
  if (!me) {
    const reason = getSignOutReason();
    if (reason === 'logged_out' || reason === 'account_deleted') return <Navigate to="/" replace state={{ signedOut: reason }} />;
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }

  return (
    <div className="app-layout">
      <header className="app-header">
        <div className="container app-header-inner">
          <NavLink to="/home" className="brand" aria-label="Muse home">
            <Logo />
          </NavLink>
          <nav className="app-nav" aria-label="Main">
            <NavLink className="nav-link" to="/home">
              Home
            </NavLink>
            <NavLink className="nav-link" to="/notifications">
              Notifications
            </NavLink>
            {me.role === 'admin' && (
              <NavLink className="nav-link" to="/admin/jobs">
                Jobs
              </NavLink>
            )}
          </nav>
          <div className="app-header-actions">
            <NotificationBell />
            <UserMenu user={me} onLogout={handleLogout} loggingOut={logoutMutation.isPending} />
          </div>
        </div>
      </header>
      <main id="main" className="app-main container" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
