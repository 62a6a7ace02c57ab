import { Router, type Response } from 'express';
import { HealthSchema, ReadinessSchema, type Readiness } from '@muse/shared';
import type { Container } from '../../container';
import { pingDatabase } from '../../db/ping';
import { createRoutes } from '../../http/route';
import { sendProblem } from '../../http/problem';
import { withDeadline } from '../../lib/deadline';
import type { ReadinessCheck } from './readiness';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return withDeadline(p, CHECK_TIMEOUT_MS, () => {
    throw new Error('timeout');
  });
}

/**
 * /healthz says the process is alive; /readyz says whether its dependencies answer and the parts
 * that registered a readiness check (the domain-event consumer) are working.
 */
export function createHealthRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  routes.get('/healthz', { summary: 'The process is alive', tags: ['health'], response: HealthSchema, handle: () => ({ status: 'ok' as const }) });
  routes.get('/readyz', {
    summary: 'Its dependencies answer (503 naming those that do not)',
    tags: ['health'],
    problems: [503],
    response: ReadinessSchema,
    handle: ({ res }) => readiness(c, res),
  });
  return router;
}

/** Runs every check at once; 200 with each one's state, or 503 naming those that are down. */
async function readiness(c: Container, res: Response): Promise<Readiness | void> {
  const checks: { name: string; check: ReadinessCheck }[] = [
    { name: 'postgres', check: () => pingDatabase(c.knex) },
    { name: 'redis', check: () => c.redis.ping() },
    { name: 'documents', check: () => c.docs.ping() },
    ...c.readiness.list(),
  ];
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check());
        return [name, 'up'] as const;
      } catch {
        return [name, 'down'] as const;
      }
    }),
  );
  const down = [...new Set(results.filter(([, s]) => s === 'down').map(([n]) => n))];
  if (down.length) return sendProblem(res, 503, 'not_ready', `Not ready: ${down.join(', ')} not working.`);
  return { status: 'ready', checks: Object.fromEntries(results.map(([name]) => [name, 'up' as const])) };
}
