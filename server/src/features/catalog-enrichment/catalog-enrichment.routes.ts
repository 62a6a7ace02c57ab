import { Router, type Request } from 'express';
import { ExternalAlbumAddedSchema, ExternalAlbumAddSchema, ExternalSearchQuerySchema, ExternalSearchResultsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { byIp, rateLimit } from '../../http/rate-limit';
import { createRoutes, createdOrFound } from '../../http/route';

// Each search and each add calls the service (an add reads the album, on Spotify one call per
// track, and looks for it on the other service, again one call per track when that is Spotify),
// so both are budgeted per account, well under what the services allow the app.
const SEARCHES_PER_MINUTE = 30;
const ADDS_PER_HOUR = 60;

const byAccount = (req: Request) => (req.session ? `user:${req.session.userId}` : `ip:${byIp(req)}`);

/**
 * Catalog enrichment: albums from Spotify or Apple Music for what Muse's own search lacks, and
 * adding one to the catalog (`/api/catalog/external-search`, `/api/catalog/external-albums`).
 */
export function createCatalogEnrichmentRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { catalogEnrichment } = c.services;
  const searchLimit = rateLimit(c.rateLimiter, { name: 'external-search', max: SEARCHES_PER_MINUTE, windowSeconds: 60, key: byAccount });
  const addLimit = rateLimit(c.rateLimiter, { name: 'external-albums', max: ADDS_PER_HOUR, windowSeconds: 3600, key: byAccount });

  routes.get('/catalog/external-search', {
    summary: 'Albums on Spotify or Apple Music matching the text, each with the catalog album it already is, if any.',
    auth: 'signed-in',
    problems: [404],
    limit: searchLimit,
    query: ExternalSearchQuerySchema,
    response: ExternalSearchResultsSchema,
    handle: ({ user, query }) => catalogEnrichment.search(String(user.id), query),
  });

  routes.post('/catalog/external-albums', {
    summary: 'Add a Spotify or Apple Music album with its tracks to the catalog: 201 when new, 200 when already there.',
    auth: 'signed-in',
    limit: addLimit,
    body: ExternalAlbumAddSchema,
    // 201 when the album is new, 200 when it was in the catalog already.
    status: 201,
    statuses: [200],
    response: ExternalAlbumAddedSchema,
    handle: async ({ user, body }) => {
      const added = await catalogEnrichment.addAlbum(String(user.id), body);
      return createdOrFound(added.created, added);
    },
  });

  return router;
}
