import { Client } from 'pg';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';

/** The environment variable naming the run's migrated template database (set by the jest global setup). */
export const TEMPLATE_DB_ENV = 'MUSE_TEST_TEMPLATE_DB';

/** The URL of database `name` on the test server. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(process.env.TEST_PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on a connection to the test server's admin database. */
export async function withTestAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: process.env.TEST_PG_URL! });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A throwaway Postgres database on the test server; drop() removes it even with open connections.
 * `migrated`: a copy of the run's migrated template when the global setup made one (migrations
 * still run on it, and find nothing to do), else an empty database.
 */
export async function createTestDatabase(label = 'test', options: { migrated?: boolean } = {}): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `muse_${label}_${randomBytes(6).toString('hex')}`;
  const template = options.migrated ? process.env[TEMPLATE_DB_ENV] : undefined;
  await withTestAdmin((admin) => admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return {
    url: testDatabaseUrl(name),
    name,
    drop: async () => {
      await withTestAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
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
