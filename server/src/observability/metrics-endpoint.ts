import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { listenOn } from '../http/listen';
import express, { Router, type RequestHandler } from 'express';
import { sendProblem } from '../http/problem';
import type { MuseMetrics } from './metrics';

export const METRICS_PATH = '/metrics';

/** Answers a scrape with the exposition text. */
function scrape(metrics: MuseMetrics): RequestHandler {
  return async (_req, res) => {
    const { contentType, body } = await metrics.exposition();
    res.set('Cache-Control', 'no-store').type(contentType).send(body);
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the Authorization header carries `Bearer <token>`, compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m !== null && timingSafeEqual(digest(m[1]!), digest(token));
}

/**
 * `/metrics` on the api's own port: only with `Authorization: Bearer <METRICS_TOKEN>` (else 401).
 * Without a token configured it does not exist there (404), whether or not the admin port serves
 * the metrics instead.
 */
export function createMetricsRouter(metrics: MuseMetrics, token: string | undefined): Router {
  const router = Router();
  router.get(METRICS_PATH, (req, res, next) => {
    if (!token) return sendProblem(res, 404, 'not_found', 'No such resource.');
    if (!bearerMatches(req.get('authorization'), token)) {
      return sendProblem(res, 401, 'unauthenticated', 'Metrics need Authorization: Bearer <METRICS_TOKEN>.', undefined, {
        'WWW-Authenticate': 'Bearer realm="metrics"',
      });
    }
    return scrape(metrics)(req, res, next);
  });
  return router;
}

export interface MetricsServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The admin port: `/metrics` without a token, on an interface meant to be unreachable from outside
 * (loopback unless said otherwise). Every other path is a 404 problem.
 */
export async function startMetricsServer(metrics: MuseMetrics, listen: { host: string; port: number }): Promise<MetricsServer> {
  const app = express();
  app.disable('x-powered-by');
  app.get(METRICS_PATH, scrape(metrics));
  app.use((_req, res) => sendProblem(res, 404, 'not_found', 'Only /metrics is served here.'));
  // Four parameters make it Express's error handler; a failed scrape answers a bare 500.
  app.use(((_err, _req, res, _next) => sendProblem(res, 500, 'internal')) as express.ErrorRequestHandler);
  const server = http.createServer(app);
  const base = await listenOn(server, listen);
  return {
    url: `${base}${METRICS_PATH}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
