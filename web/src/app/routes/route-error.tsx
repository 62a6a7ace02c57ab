import { isRouteErrorResponse, useRouteError } from 'react-router';
import { isApiError } from '../../lib/api-client';

/** Shown when a loader or page fails unexpectedly, e.g. the API is unreachable. */
export function RouteError() {
  const error = useRouteError();
  const detail = isApiError(error)
    ? error.detail
    : isRouteErrorResponse(error)
      ? `${error.status} ${error.statusText}`
      : 'Something went wrong while loading this page.';

  return (
    <main id="main" className="message-page">
      <title>Something went wrong · Muse</title>
      <p className="message-code" aria-hidden="true">
        !
      </p>
      <h1>We hit a wrong note</h1>
      <p className="muted" role="alert">
        {detail}
      </p>
      <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
        Try again
      </button>
    </main>
  );
}
