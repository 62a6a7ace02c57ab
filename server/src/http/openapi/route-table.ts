import type { Application } from 'express';
import { routeMetaOf, type RouteMeta } from '../route';

/** One route an Express app answers, with its full path and, if `createRoutes` made it, its declaration. */
export interface AppRoute {
  method: string;
  /** Express form, mount prefixes included: `/api/albums/:id`. */
  path: string;
  meta?: RouteMeta;
}

interface RouterLayer {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: RouterLayer[] };
}

function walk(stack: RouterLayer[], prefix: string): AppRoute[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const { route } = layer;
      const meta = routeMetaOf(route.stack.at(-1)?.handle);
      return Object.keys(route.methods)
        .filter((method) => method !== '_all')
        .map((method) => ({ method, path: `${prefix}${route.path}`, meta }));
    }
    if (!layer.handle?.stack) return [];
    const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    return walk(layer.handle.stack, `${prefix}${mount}`);
  });
}

/** Every method and path an Express app answers, routers mounted inside routers included, in the order Express tries them. */
export function listAppRoutes(app: Application): AppRoute[] {
  const router = (app as unknown as { router?: { stack: RouterLayer[] } }).router;
  return router ? walk(router.stack, '') : [];
}

/** `/api/albums/:id` in OpenAPI's form, `/api/albums/{id}`; a router's `/` route under a mount loses its trailing slash, as Express matches it without. */
export function toOpenApiPath(expressPath: string): string {
  const path = expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}
