import { Router, type Request } from 'express';
import {
  ConversionCandidatesSchema,
  ConversionCreateSchema,
  ConversionFixSchema,
  ConversionListQuerySchema,
  ConversionPageSchema,
  ConversionParamsSchema,
  ConversionReportPageSchema,
  ConversionReportQuerySchema,
  ConversionReportRowSchema,
  ConversionRowParamsSchema,
  ConversionSearchQuerySchema,
  ConversionViewSchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { byIp, rateLimit } from '../../http/rate-limit';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

const STARTS_PER_HOUR = 60;
const SEARCHES_PER_MINUTE = 30;
const byAccount = (req: Request) => req.session?.userId ?? byIp(req);

/** The signed-in user's playlist conversions: start, follow, cancel, read and download the report, fix rows. */
export function createConversionsRouter(c: Container): Router {
  const router = Router();
  const { conversions } = c.services;
  const routes = createRoutes(router, c.services.routes);
  const startLimit = rateLimit(c.rateLimiter, { name: 'conversions-start', max: STARTS_PER_HOUR, windowSeconds: 3600, key: byAccount });
  const searchLimit = rateLimit(c.rateLimiter, { name: 'conversions-search', max: SEARCHES_PER_MINUTE, windowSeconds: 60, key: byAccount });
  const noStore = (res: { set(field: string, value: string): unknown }) => res.set('Cache-Control', 'no-store');

  routes.post('/', {
    summary: 'Convert a Muse or service playlist to Spotify, Apple Music or Muse, new or synced; it runs as a job (202).',
    auth: 'signed-in',
    limit: startLimit,
    body: ConversionCreateSchema,
    status: 202,
    response: ConversionViewSchema,
    handle: ({ user, body }) => conversions.create(String(user.id), body),
  });

  routes.get('/', {
    summary: 'Your playlist conversions, newest first.',
    auth: 'signed-in',
    query: ConversionListQuerySchema,
    response: ConversionPageSchema,
    handle: ({ user, query, res }) => {
      noStore(res);
      return conversions.list(String(user.id), query);
    },
  });

  routes.get('/:id', {
    summary: "One of your conversions: status, progress and counts (someone else's is a 404).",
    auth: 'signed-in',
    params: ConversionParamsSchema,
    response: ConversionViewSchema,
    handle: ({ user, params, res }) => {
      noStore(res);
      return conversions.get(String(user.id), params.id);
    },
  });

  routes.post('/:id/cancel', {
    summary: 'Stop a queued or running conversion (its report and writes stay); a finished one is answered as it is.',
    auth: 'signed-in',
    limit: writeRateLimit(c),
    params: ConversionParamsSchema,
    status: 202,
    response: ConversionViewSchema,
    handle: ({ user, params }) => conversions.cancel(String(user.id), params.id),
  });

  routes.get('/:id/report', {
    summary: "A page of the conversion's per-track report, optionally of one outcome only.",
    auth: 'signed-in',
    params: ConversionParamsSchema,
    query: ConversionReportQuerySchema,
    response: ConversionReportPageSchema,
    handle: ({ user, params, query, res }) => {
      noStore(res);
      return conversions.report(String(user.id), params.id, query);
    },
  });

  routes.get('/:id/report.csv', {
    summary: "Download the conversion's whole report as CSV.",
    auth: 'signed-in',
    params: ConversionParamsSchema,
    produces: 'text/csv',
    handle: ({ user, params, res }) => conversions.downloadCsv(String(user.id), params.id, res),
  });

  routes.post('/:id/rows/:index/fix', {
    summary: 'After the run, add a picked track for a row to the target or mark it not there; remembered for next time.',
    auth: 'signed-in',
    limit: writeRateLimit(c),
    // 422 when the chosen track is none of those offered.
    problems: [422],
    params: ConversionRowParamsSchema,
    body: ConversionFixSchema,
    response: ConversionReportRowSchema,
    handle: ({ user, params, body }) => conversions.fix(String(user.id), params.id, params.index, body),
  });

  routes.get('/:id/rows/:index/search', {
    summary: 'Search the target service for a row being fixed; the hits stay pickable for a day.',
    // 409 when the target service is not connected or needs connecting again.
    problems: [409],
    auth: 'signed-in',
    limit: searchLimit,
    params: ConversionRowParamsSchema,
    query: ConversionSearchQuerySchema,
    response: ConversionCandidatesSchema,
    handle: ({ user, params, query }) => conversions.search(String(user.id), params.id, params.index, query.q),
  });

  return router;
}
