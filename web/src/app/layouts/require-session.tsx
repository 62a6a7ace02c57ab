import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { getSignOutReason } from '../../features/auth/api/session';
import { loginPathFor } from '../../lib/redirects';

/**
 * Guards pages that only make sense signed in. The route loader checks on entry; this handles
 * a session that ends while the user is on the page (logout, deletion, expiry elsewhere).
 */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (!me) {
    const reason = getSignOutReason();
    if (reason === 'logged_out' || reason === 'account_deleted') return <Navigate to="/" replace state={{ signedOut: reason }} />;
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}
