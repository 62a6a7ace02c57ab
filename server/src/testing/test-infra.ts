import { Client } from 'pg';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { TEMPLATE_DB_ENV } from './migrated-template';

/**
 * A throwaway Postgres database on the test server; drop() removes it even with open connections.
 * `migrated`: a copy of the run's migrated template when the global setup made one (migrations
 * still run on it, and find nothing to do), else an empty database.
 */
export async function createTestDatabase(label = 'test', options: { migrated?: boolean } = {}): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_PG_URL!;
  const name = `muse_${label}_${randomBytes(6).toString('hex')}`;
  const template = options.migrated ? process.env[TEMPLATE_DB_ENV] : undefined;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A unique Redis key prefix and a way to delete every key under it. */
export function createTestRedisPrefix(label = 'test', url = process.env.TEST_REDIS_URL!): { url: string; prefix: string; cleanup(): Promise<void> } {
  const prefix = `muse-${label}-${randomBytes(6).toString('hex')}:`;
  return {
    url,
    prefix,
    async cleanup() {
      const redis = new Redis(url);
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
