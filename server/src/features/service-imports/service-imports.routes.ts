import { Router, type Request } from 'express';
import {
  IdParamsSchema,
  ProviderParamsSchema,
  ServiceImportCreateSchema,
  ServiceImportListSchema,
  ServiceImportViewSchema,
  ServicePlaylistPageSchema,
  ServicePlaylistsQuerySchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { byIp, rateLimit } from '../../http/rate-limit';
import { createRoutes } from '../../http/route';

// Each start reads a whole playlist from the service: generous for people, a wall for scripts.
const STARTS_PER_HOUR = 60;
// Each page is a call to the service on the user's connection.
const LIST_PAGES_PER_MINUTE = 60;
const byAccount = (req: Request) => req.session?.userId ?? byIp(req);

/** The signed-in user's playlists on a connected service, and imports of them into Muse. */
export function createServiceImportsRouter(c: Container): Router {
  const router = Router();
  const { serviceImports } = c.services;
  const routes = createRoutes(router, c.services.routes);
  const startLimit = rateLimit(c.rateLimiter, { name: 'service-imports-start', max: STARTS_PER_HOUR, windowSeconds: 3600, key: byAccount });
  const listLimit = rateLimit(c.rateLimiter, { name: 'service-playlists', max: LIST_PAGES_PER_MINUTE, windowSeconds: 60, key: byAccount });

  routes.get('/connections/:provider/playlists', {
    summary: 'A page of your playlists on a connected service, as it lists them; 409 when it must be reconnected.',
    // 409 when the service took back Muse's access and the user must connect again.
    problems: [409],
    auth: 'signed-in',
    limit: listLimit,
    params: ProviderParamsSchema,
    query: ServicePlaylistsQuerySchema,
    response: ServicePlaylistPageSchema,
    handle: ({ user, params, query, res }) => {
      res.set('Cache-Control', 'no-store');
      return serviceImports.playlists(String(user.id), params.provider, query.cursor ?? null);
    },
  });

  routes.get('/service-imports', {
    summary: 'Your latest 50 imports from music services, newest first.',
    auth: 'signed-in',
    response: ServiceImportListSchema,
    handle: ({ user, res }) => {
      res.set('Cache-Control', 'no-store');
      return serviceImports.list(String(user.id));
    },
  });

  routes.post('/service-imports', {
    summary: 'Import a service playlist as a job (202); a repeat joins a running import or updates the playlist made before.',
    auth: 'signed-in',
    limit: startLimit,
    body: ServiceImportCreateSchema,
    status: 202,
    response: ServiceImportViewSchema,
    handle: ({ user, body }) => serviceImports.create(String(user.id), body),
  });

  routes.get('/service-imports/:id', {
    summary: "One of your imports and how far it got (someone else's is a 404).",
    auth: 'signed-in',
    params: IdParamsSchema,
    response: ServiceImportViewSchema,
    handle: ({ user, params, res }) => {
      res.set('Cache-Control', 'no-store');
      return serviceImports.get(String(user.id), params.id);
    },
  });

  return router;
}
