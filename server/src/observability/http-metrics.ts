import type { Express, Request, RequestHandler } from 'express';
import type { MuseMetrics } from './metrics';

/** The route label of API requests no route matched (unknown paths, and requests refused before routing). */
export const UNMATCHED_ROUTE = '(unmatched)';
/** The route label of everything outside `/api` that no API route answered: the web app and its files. */
export const WEB_APP_ROUTE = '(web)';

const TEMPLATE = Symbol('muse.routeTemplate');
const ROUTE = Symbol('muse.route');

interface WithTemplate {
  [TEMPLATE]?: string;
  [ROUTE]?: unknown;
  baseUrl: string;
}

/**
 * Makes every request of `app` remember the template of the route that matched it. Express sets
 * `req.route` when a route matches, while `req.baseUrl` is still the mount path of the router
 * holding it; by the time a response ends that base may have been unwound (an error handled at
 * the app level), so the full template is taken at that moment. The accessor sits on the app's
 * own request prototype, so no request pays for more than an assignment.
 */
export function recordRouteTemplates(app: Express): void {
  Object.defineProperty(app.request, 'route', {
    configurable: true,
    get(this: WithTemplate) {
      return this[ROUTE];
    },
    set(this: WithTemplate, route: { path?: unknown } | undefined) {
      this[ROUTE] = route;
      // The mount path as the client spelled it (routing ignores case); every mount path is lower case.
      this[TEMPLATE] = typeof route?.path === 'string' ? this.baseUrl.toLowerCase() + route.path : undefined;
    },
  });
}

/** The template of the route that answered `req` (`/api/albums/:id`), or a fixed label when none did. */
export function routeTemplateOf(req: Request): string {
  const template = (req as unknown as WithTemplate)[TEMPLATE];
  if (template !== undefined) return template;
  return req.originalUrl.startsWith('/api/') || req.originalUrl === '/api' ? UNMATCHED_ROUTE : WEB_APP_ROUTE;
}

/**
 * Times every request into `muse_http_request_duration_seconds`. A request whose client went away
 * before its response ended is counted with the status `aborted`.
 */
export function httpMetrics(metrics: MuseMetrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.writableFinished ? String(res.statusCode) : 'aborted';
      metrics.httpRequestDuration.observe({ method: req.method, route: routeTemplateOf(req), status }, seconds);
    });
    next();
  };
}
