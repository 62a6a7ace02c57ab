import { Router } from 'express';
import { SearchQuerySchema, SearchResultsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** `GET /api/search`: the search box and its autocomplete; open to everyone. */
export function createSearchRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { search } = c.services;

  routes.get('/', {
    summary: 'Search albums, artists, tracks and users, or public playlists with type=playlist; open to everyone.',
    query: SearchQuerySchema,
    response: SearchResultsSchema,
    handle: ({ query, viewerId }) => search.answer(query, viewerId),
  });

  return router;
}
