import { Router } from 'express';
import type { Container } from '../../container';
import { sendProblem } from '../../http/problem';
import type { ReadinessCheck } from './readiness';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref())]);
}

/**
 * /healthz says the process is alive; /readyz says whether its dependencies answer and the parts
 * that registered a readiness check (the domain-event consumer) are working.
 */
export function createHealthRouter(c: Container): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: { name: string; check: ReadinessCheck }[] = [
      { name: 'postgres', check: () => c.knex.raw('SELECT 1') },
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
    res.json({ status: 'ready', checks: Object.fromEntries(results) });
  });
  return router;
}
