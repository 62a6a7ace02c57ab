import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { CSRF_HEADER } from '@muse/shared';
import { loadConfig } from '../config/config';
import { createContainer, type Container } from '../container';
import { migrateLatest } from '../db/knex';
import { createLogger } from '../lib/logger';
import { startApi, type RunningApi } from '../roles/api-role';
import { startWorker, type RunningWorker } from '../roles/worker-role';
import { createTestDatabase, createTestRedisPrefix } from './test-infra';

export interface TestApp {
  url: string;
  container: Container;
  api: RunningApi;
  worker?: RunningWorker;
  /** A browser-like client: keeps cookies and sends the CSRF header on writes. */
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  worker?: boolean;
  /** A Redis of the test's own (e.g. one it stops and restarts); default TEST_REDIS_URL. */
  redisUrl?: string;
}

/** Starts a real api (and optionally worker) on a fresh database and Redis prefix. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const redis = createTestRedisPrefix('test', options.redisUrl);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_PREFIX: redis.prefix,
    LOGIN_RATE_IP_MAX: '100000',
    API_RATE_IP_MAX: '100000',
    JOB_BACKOFF_MS: '20',
    ...options.env,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const container = await createContainer({ config, logger, databaseUrl: db.url, redisUrl: redis.url });
  await migrateLatest(container.knex);
  const api = await startApi(container, { host: '127.0.0.1', port: 0 });
  const worker = options.worker ? await startWorker(container) : undefined;
  return {
    url: api.url,
    container,
    api,
    worker,
    client: () => new TestClient(api.url),
    async close() {
      await api.stop();
      await worker?.stop();
      await container.close();
      await db.drop();
      await redis.cleanup();
    },
  };
}

/**
 * The one way a test file gets its app: started before the file's tests, closed after them.
 * Returns a stand-in that forwards to the running app, so tests read `app.client()` and
 * `app.container` as usual.
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  let running: TestApp | undefined;
  beforeAll(async () => {
    running = await createTestApp(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  const started = (): TestApp => {
    if (!running) throw new Error('The test app is used before it started (outside a test or hook).');
    return running;
  };
  return new Proxy({} as TestApp, {
    get(_target, property) {
      const app = started();
      const value = Reflect.get(app, property, app);
      return typeof value === 'function' ? value.bind(app) : value;
    },
    has: (_target, property) => Reflect.has(started(), property),
  });
}

type Method = 'post' | 'put' | 'patch' | 'delete';

/** Wraps a supertest agent the way the SPA talks to the API. */
export class TestClient {
  readonly agent: TestAgent;
  csrfToken?: string;

  constructor(readonly url: string) {
    this.agent = request.agent(url);
  }

  get(path: string) {
    return this.agent.get(path);
  }

  /** The Cookie header this client would send, for connections made outside supertest (sockets). */
  cookieHeader(): string {
    const jar = (this.agent as unknown as { jar: { getCookies(o: object): { toValueString(): string }[] } }).jar;
    return jar
      .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
      .map((c) => c.toValueString())
      .join('; ');
  }

  /** Fetches an anonymous CSRF token unless the client already holds one. */
  async ensureCsrf(): Promise<string> {
    if (!this.csrfToken) {
      const res = await this.agent.get('/api/csrf').expect(200);
      this.csrfToken = res.body.csrfToken as string;
    }
    return this.csrfToken!;
  }

  /** A state-changing request carrying the CSRF header; remembers a rotated token. */
  async send(method: Method, path: string, body?: unknown) {
    const token = await this.ensureCsrf();
    const res = await this.agent[method](path)
      .set(CSRF_HEADER, token)
      .send(body as object);
    if (res.body && typeof res.body.csrfToken === 'string') this.csrfToken = res.body.csrfToken;
    return res;
  }

  post(path: string, body?: unknown) {
    return this.send('post', path, body);
  }

  delete(path: string, body?: unknown) {
    return this.send('delete', path, body);
  }
}
