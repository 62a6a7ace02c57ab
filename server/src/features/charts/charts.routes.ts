import { Router } from 'express';
import { ChartFacetsSchema, ChartRequestSchema, ChartSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** Public charts, read from the cache the worker fills (the global per-address limit applies). */
export function createChartsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { charts } = c.services;

  routes.get('/', {
    summary: 'One chart (all time, a year, a genre, trending or growers) from the cache; empty until first computed.',
    query: ChartRequestSchema,
    response: ChartSchema,
    handle: ({ query }) => charts.get(query),
  });
  routes.get('/facets', {
    summary: 'The years (newest first) and genres (A to Z) that have a chart, for the chart filters.',
    response: ChartFacetsSchema,
    handle: () => charts.facets(),
  });

  return router;
}
