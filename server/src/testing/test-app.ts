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
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolveProviderSetup } from '../providers/provider-config';
import { startProviderSandbox, type ProviderSandbox, type StartSandboxOptions } from '../providers/sandbox/start-sandbox';

export interface TestApp {
  url: string;
  container: Container;
  api: RunningApi;
  worker?: RunningWorker;
  /** The app's own provider sandbox, when the test asked for one. */
  sandbox?: ProviderSandbox;
  /** A browser-like client: keeps cookies and sends the CSRF header on writes. */
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  worker?: boolean;
  /** A Redis of the test's own (e.g. one it stops and restarts); default TEST_REDIS_URL. */
  redisUrl?: string;
  /**
   * Starts a provider sandbox of the app's own and points Spotify and Apple Music at it; the api
   * then listens on a port chosen beforehand, so the Spotify redirect URL names it. Off by default:
   * without it no music service is configured.
   */
  sandbox?: boolean | StartSandboxOptions;
}

/** A free loopback port, for an api whose own URL must be known before it listens. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a real api (and optionally worker) on a fresh database and Redis prefix. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase('test', { migrated: true });
  const redis = createTestRedisPrefix('test', options.redisUrl);
  const sandbox = options.sandbox ? await startProviderSandbox(options.sandbox === true ? {} : options.sandbox) : undefined;
  const port = sandbox ? await freePort() : 0;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    // A key of the test's own, so no test writes one under DATA_DIR.
    TOKEN_ENCRYPTION_KEYS: `test:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_PREFIX: redis.prefix,
    LOGIN_RATE_IP_MAX: '100000',
    API_RATE_IP_MAX: '100000',
    JOB_BACKOFF_MS: '20',
    ...options.env,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const providerSetup = sandbox ? resolveProviderSetup({ ...config, PROVIDER_SANDBOX: 'on' }, sandbox) : undefined;
  const container = await createContainer({ config, logger, databaseUrl: db.url, redisUrl: redis.url, providerSetup });
  await migrateLatest(container.knex);
  const api = await startApi(container, { host: '127.0.0.1', port });
  const worker = options.worker ? await startWorker(container, { coverBackfill: false }) : undefined;
  return {
    url: api.url,
    container,
    api,
    worker,
    sandbox,
    client: () => new TestClient(api.url),
    async close() {
      await api.stop();
      await worker?.stop();
      await container.close();
      await sandbox?.stop();
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
