import { Router } from 'express';
import { SearchQuerySchema, type SearchQuery } from '@muse/shared';
import type { Container } from '../../container';
import { validate, validQuery } from '../../http/validate';

/** `GET /api/search`: the search box and its autocomplete; open to everyone. */
export function createSearchRouter(c: Container): Router {
  const router = Router();
  const { search } = c.services;

  router.get('/', validate({ query: SearchQuerySchema }), async (req, res) => {
    res.json(await search.search(validQuery<SearchQuery>(req)));
  });

  return router;
}
