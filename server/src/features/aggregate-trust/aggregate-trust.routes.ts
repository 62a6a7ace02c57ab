import { Router } from 'express';
import {
  AggregateHoldListQuerySchema,
  AggregateHoldPageSchema,
  HoldDecisionSchema,
  IdParamsSchema,
  ModerationLogPageSchema,
  ModerationLogQuerySchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** The public moderation log, and the held albums moderators release or confirm. */
export function createAggregateTrustRouter(c: Container): Router {
  const router = Router();
  const { aggregateTrust } = c.services;
  const routes = createRoutes(router, c.services.routes);

  routes.get('/moderation-log', {
    query: ModerationLogQuerySchema,
    response: ModerationLogPageSchema,
    summary: 'The public log of weighted-score holds, releases and confirmed brigades, newest first.',
    handle: ({ query }) => aggregateTrust.log(query),
  });

  routes.get('/admin/aggregate-holds', {
    auth: 'admin',
    query: AggregateHoldListQuerySchema,
    response: AggregateHoldPageSchema,
    summary: 'Albums whose weighted score is held after a surge of ratings from low-history accounts, oldest hold first.',
    tags: ['admin'],
    handle: ({ query, res }) => {
      res.set('Cache-Control', 'no-store');
      return aggregateTrust.holds(query);
    },
  });

  routes.post('/admin/aggregate-holds/:id/decision', {
    auth: 'admin',
    limit: writeRateLimit(c),
    params: IdParamsSchema,
    body: HoldDecisionSchema,
    summary: 'Releases a held album (its ratings stand) or confirms the brigade (its low-history ratings lose their weight); both are logged.',
    tags: ['admin'],
    problems: [409],
    status: 204,
    handle: async ({ user, params, body }) => {
      await aggregateTrust.decide(String(user.id), params.id, body);
    },
  });

  return router;
}
