import { Router } from 'express';
import { ChartQuerySchema, type ChartQuery } from '@muse/shared';
import type { Container } from '../../container';
import { validate, validQuery } from '../../http/validate';

// A year or genre chart without its year or genre is a mistake worth naming, not an empty page.
const ChartRequestSchema = ChartQuerySchema.superRefine((q, ctx) => {
  if (q.kind === 'year' && q.year === undefined) ctx.addIssue({ code: 'custom', path: ['year'], message: 'Choose a year for a year chart' });
  if (q.kind === 'genre' && q.genre === undefined) ctx.addIssue({ code: 'custom', path: ['genre'], message: 'Choose a genre for a genre chart' });
});

/** Public charts, read from the cache the worker fills (the global per-address limit applies). */
export function createChartsRouter(c: Container): Router {
  const router = Router();
  const { charts } = c.services;

  router.get('/', validate({ query: ChartRequestSchema }), async (req, res) => {
    res.json(await charts.get(validQuery<ChartQuery>(req)));
  });

  router.get('/facets', async (_req, res) => {
    res.json(await charts.facets());
  });

  return router;
}
