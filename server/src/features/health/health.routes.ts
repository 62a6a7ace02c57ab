import { Router } from 'express';
import type { Container } from '../../container';
import { sendProblem } from '../../http/problem';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref())]);
}

/** /healthz says the process is alive; /readyz says whether its dependencies answer. */
export function createHealthRouter(c: Container): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, () => Promise<unknown>> = {
      postgres: () => c.knex.raw('SELECT 1'),
      redis: () => c.redis.ping(),
      documents: () => c.docs.ping(),
    };
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check());
          return [name, 'up'] as const;
        } catch {
          return [name, 'down'] as const;
        }
      }),
    );
    const down = results.filter(([, s]) => s === 'down').map(([n]) => n);
    if (down.length) return sendProblem(res, 503, 'not_ready', `Not ready: ${down.join(', ')} unreachable.`);
    res.json({ status: 'ready', checks: Object.fromEntries(results) });
  });
  return router;
}
