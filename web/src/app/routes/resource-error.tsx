import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { isApiError } from '../../lib/api-client';

/** What a page shows when its data could not be loaded: a 404 in words, or the API's reason. */
export function ResourceError({ error, what }: { error: unknown; what: string }) {
  if (isApiError(error) && (error.status === 404 || (error.status === 400 && error.code !== 'csrf_invalid'))) {
    return (
      <div className="message-page">
        <title>{`Not found · Muse`}</title>
        <p className="message-code" aria-hidden="true">
          404
        </p>
        <h1>This {what} isn’t on the record</h1>
        <p className="muted">It may have been removed, or the link is wrong.</p>
        <Link className="btn btn-primary" to="/charts">
          Browse the charts
        </Link>
      </div>
    );
  }
  return (
    <Alert tone="error" title={`Could not load this ${what}`}>
      {isApiError(error) ? error.detail : 'Something went wrong. Please try again.'}
    </Alert>
  );
}
