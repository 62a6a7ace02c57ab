import { Link } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';

/** Any unknown path. */
export function NotFoundRoute() {
  const me = useMe();
  return (
    <div className="message-page">
      <title>Page not found · Muse</title>
      <p className="message-code" aria-hidden="true">
        404
      </p>
      <h1>This track isn’t on the record</h1>
      <p className="muted">The page you asked for does not exist or has moved.</p>
      <Link className="btn btn-primary" to={me ? '/home' : '/'}>
        {me ? 'Back to your home' : 'Back to the start'}
      </Link>
    </div>
  );
}
