import { Router } from 'express';
import { ChartFacetsSchema, ChartRequestSchema, ChartSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** Public charts, read from the cache the worker fills (the global per-address limit applies). */
export function createChartsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { charts } = c.services;

  routes.get('/', { query: ChartRequestSchema, response: ChartSchema, handle: ({ query }) => charts.get(query) });
  routes.get('/facets', { response: ChartFacetsSchema, handle: () => charts.facets() });

  return router;
}
