import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { toOpenApiPath, type AppRoute } from './route-table';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/**
 * Where an app and its OpenAPI document disagree: routes the app answers that the document lacks
 * (a route not declared through `createRoutes`, say), and operations the document names that no
 * route answers. Routes outside `/api/` count only if `createRoutes` made them. Both lists are `METHOD /path` in OpenAPI form, sorted.
 */
export function contractGaps(routes: AppRoute[], doc: OpenAPIObject): { undocumented: string[]; unrouted: string[] } {
  const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
  const documented = new Set(
    Object.entries(doc.paths ?? {}).flatMap(([path, item]) => METHODS.filter((method) => item[method]).map((method) => key(method, path))),
  );
  // The web app's pages (the SPA fallback) are not part of the API.
  const api = routes.filter((route) => route.meta || route.path.startsWith('/api/'));
  const routed = new Set(api.map((route) => key(route.method, toOpenApiPath(route.path))));
  return {
    undocumented: [...routed].filter((op) => !documented.has(op)).sort(),
    unrouted: [...documented].filter((op) => !routed.has(op)).sort(),
  };
}
