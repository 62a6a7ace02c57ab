import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { ProviderError } from './music-provider.port';
import { ProviderHttp, type ProviderHttpOptions, parseRetryAfter } from './provider-http';
import { TokenBucket, type ProviderClock } from './token-bucket';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

/** A loopback server answering the n-th request (1-based) with `handler`; it records what it was sent. */
async function serve(handler: Handler) {
  const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, seen.length);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  servers.push(server);
  return { url, seen };
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** A clock whose sleeps pass at once but are recorded, so long waits cost no test time. */
function fakeClock() {
  let t = 1_000_000;
  const sleeps: number[] = [];
  const clock: ProviderClock = {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
  return { clock, sleeps };
}

function client(url: string, extra: Partial<ProviderHttpOptions> = {}) {
  const { clock, sleeps } = fakeClock();
  const http = new ProviderHttp({ baseUrl: url, clock, random: () => 0.5, requestsPerSecond: 1000, ...extra });
  return { http, sleeps };
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const GET = { method: 'GET' as const, path: '/things/42', endpoint: 'GET /v1/things/{id}' };

describe('ProviderHttp', () => {
  it('when the service answers 200, then the JSON, query and headers go through and the call is counted ok', async () => {
    const s = await serve((_req, res) => json(res, 200, { ok: true, name: 'Björk ✓' }));
    const { http } = client(s.url, { headers: () => ({ authorization: 'Bearer t1' }) });
    const r = await http.json<{ name: string }>({ ...GET, query: { q: 'a b&c', skip: undefined } });
    expect(r.body.name).toBe('Björk ✓');
    expect(s.seen[0]!.url).toBe('/v1/things/42?q=a+b%26c');
    expect(s.seen[0]!.headers.authorization).toBe('Bearer t1');
    expect(http.counter.snapshot()).toEqual({ 'GET /v1/things/{id}': { ok: 1 } });
  });

  it('when the service answers 429 with Retry-After, then the call waits that long and retries', async () => {
    const s = await serve((_req, res, n) => (n < 3 ? json(res, 429, { error: { status: 429 } }, { 'retry-after': '7' }) : json(res, 200, { n })));
    const { http, sleeps } = client(s.url);
    expect((await http.json<{ n: number }>(GET)).body.n).toBe(3);
    expect(sleeps.filter((ms) => ms === 7000)).toHaveLength(2);
    expect(http.counter.count(GET.endpoint, 'rate_limited')).toBe(2);
    expect(http.counter.count(GET.endpoint, 'ok')).toBe(1);
  });

  it('when the service answers 429 forever, then the call gives up after the bounded wait with rate_limited and the seconds', async () => {
    const s = await serve((_req, res) => json(res, 429, {}, { 'retry-after': '30' }));
    const { http, sleeps } = client(s.url, { maxRateLimitWaitMs: 120_000 });
    const err = await http.json(GET).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterSeconds: 30, endpoint: GET.endpoint });
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(120_000);
    expect(s.seen).toHaveLength(5);
  });

  it('when the service answers 5xx a few times, then the call backs off with jitter and succeeds', async () => {
    const s = await serve((_req, res, n) => (n <= 2 ? json(res, n === 1 ? 503 : 502, {}) : json(res, 200, { n })));
    const { http, sleeps } = client(s.url, { backoffBaseMs: 100 });
    expect((await http.json<{ n: number }>(GET)).body.n).toBe(3);
    expect(sleeps).toEqual([50, 100]); // random 0.5 of 100, then of 200
    expect(http.counter.snapshot()[GET.endpoint]).toEqual({ error_5xx: 2, ok: 1 });
  });

  it('when calls are retried, rate limited and refused, then the process’s observer is told of exactly the calls the counter counts', async () => {
    const s = await serve((req, res, n) => {
      if (req.url!.includes('/gone')) return json(res, 404, {});
      if (n === 1) return json(res, 429, {}, { 'retry-after': '1' });
      if (n === 2) return json(res, 503, {});
      json(res, 200, {});
    });
    const told: Record<string, Record<string, number>> = {};
    const { http } = client(s.url, {
      onCall: (endpoint, outcome) => {
        told[endpoint] ??= {};
        told[endpoint][outcome] = (told[endpoint][outcome] ?? 0) + 1;
      },
    });
    await http.json(GET);
    await expect(http.json({ method: 'GET', path: '/gone', endpoint: 'GET /v1/gone' })).rejects.toBeInstanceOf(ProviderError);
    expect(http.counter.snapshot()).toEqual({ [GET.endpoint]: { rate_limited: 1, error_5xx: 1, ok: 1 }, 'GET /v1/gone': { error_4xx: 1 } });
    expect(told).toEqual(http.counter.snapshot());
  });

  it('when the service keeps failing with 500, then the call stops after maxAttempts with unavailable', async () => {
    const s = await serve((_req, res) => json(res, 500, { error: { status: 500, message: 'Server error' } }));
    const { http } = client(s.url, { maxAttempts: 3 });
    await expect(http.json(GET)).rejects.toMatchObject({ kind: 'unavailable', status: 500 });
    expect(s.seen).toHaveLength(3);
  });

  it('when the service does not answer in time, then the call times out and is retried', async () => {
    const s = await serve((_req, res, n) => (n === 1 ? undefined : json(res, 200, { n })));
    const { http } = client(s.url, { timeoutMs: 100 });
    expect((await http.json<{ n: number }>(GET)).body.n).toBe(2);
    expect(http.counter.snapshot()[GET.endpoint]).toEqual({ timeout: 1, ok: 1 });
  });

  it('when the body is cut short or is not JSON, then the call is retried and finally fails with bad_response', async () => {
    const s = await serve((_req, res, n) => {
      if (n === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.end('{"items":[{"id":');
        res.destroy();
      } else if (n === 2) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"items":[');
      } else json(res, 200, { n });
    });
    const { http } = client(s.url);
    expect((await http.json<{ n: number }>(GET)).body.n).toBe(3);
    const counts = http.counter.snapshot()[GET.endpoint]!;
    expect((counts.network_error ?? 0) + (counts.invalid_body ?? 0)).toBe(2);

    const bad = await serve((_req, res) => res.end('{"truncated'));
    await expect(client(bad.url, { maxAttempts: 2 }).http.json(GET)).rejects.toMatchObject({ kind: 'bad_response' });
  });

  it('when nothing listens, then the call fails with unavailable after its attempts', async () => {
    const s = await serve((_req, res) => json(res, 200, {}));
    const dead = s.url.replace(/:\d+/, ':1');
    const { http } = client(dead, { maxAttempts: 2 });
    await expect(http.json(GET)).rejects.toMatchObject({ kind: 'unavailable', status: 0 });
    expect(http.counter.count(GET.endpoint, 'network_error')).toBe(2);
  });

  it('when the service answers another 4xx, then the call is not retried and the kind says why', async () => {
    const s = await serve((req, res) => {
      const status = Number(req.url!.split('/').pop());
      json(res, status, { error: { status, message: `no ${status}` } });
    });
    const { http } = client(s.url);
    for (const [status, kind] of [
      [404, 'not_found'],
      [403, 'forbidden'],
      [400, 'bad_response'],
      [401, 'unauthorized'],
      [302, 'bad_response'],
    ] as const) {
      const err = (await http.json({ method: 'GET', path: `/s/${status}`, endpoint: 'GET /v1/s/{status}' }).catch((e: unknown) => e)) as ProviderError;
      expect(err).toMatchObject({ kind, status });
      expect(err.message).toContain(`no ${status}`);
    }
    expect(s.seen).toHaveLength(5);
    expect(http.counter.count('GET /v1/s/{status}', 'error_4xx')).toBe(5);
  });

  it('when the token has expired, then the refresh hook runs once and the call is retried once with the new token', async () => {
    const s = await serve((req, res) =>
      req.headers.authorization === 'Bearer fresh' ? json(res, 200, { ok: 1 }) : json(res, 401, { error: { status: 401 } }),
    );
    let token = 'stale';
    const onUnauthorized = jest.fn(async () => {
      token = 'fresh';
      return true;
    });
    const { http } = client(s.url, { headers: () => ({ authorization: `Bearer ${token}` }), onUnauthorized });
    expect((await http.json(GET)).body).toEqual({ ok: 1 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    token = 'revoked';
    const stubborn = await serve((_req, res) => json(res, 401, {}));
    const hook = jest.fn(async () => true);
    const { http: http2 } = client(stubborn.url, { onUnauthorized: hook });
    await expect(http2.json(GET)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(hook).toHaveBeenCalledTimes(1);
    expect(stubborn.seen).toHaveLength(2);
  });

  it('when calls come faster than the connection rate, then they are spaced by the token bucket', async () => {
    const s = await serve((_req, res) => json(res, 200, {}));
    const { http, sleeps } = client(s.url, { requestsPerSecond: 2, burst: 1 });
    for (let i = 0; i < 4; i++) await http.json(GET);
    expect(sleeps).toEqual([500, 500, 500]);
    expect(s.seen).toHaveLength(4);
  });

  it('when JSON or a form is sent, then the body and content type match', async () => {
    const s = await serve((_req, res) => json(res, 201, { id: 'p1' }));
    const { http } = client(s.url);
    await http.json({ method: 'POST', path: '/p', endpoint: 'POST /v1/p', json: { uris: ['spotify:track:1'] } });
    await http.json({ method: 'POST', path: '/t', endpoint: 'POST /v1/t', form: { grant_type: 'refresh_token', refresh_token: 'a+b' } });
    expect(s.seen[0]).toMatchObject({ body: '{"uris":["spotify:track:1"]}', headers: { 'content-type': 'application/json' } });
    expect(s.seen[1]).toMatchObject({ body: 'grant_type=refresh_token&refresh_token=a%2Bb', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  });
});

describe('TokenBucket', () => {
  it('when calls come faster than the rate, then they are spaced to it after the burst', async () => {
    const { clock } = fakeClock();
    const start = clock.now();
    const bucket = new TokenBucket(5, 2, clock);
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      await bucket.take();
      times.push(clock.now() - start);
    }
    expect(times).toEqual([0, 0, 200, 400, 600, 800]);
  });

  it('when paused after a 429, then nobody goes before the pause ends', async () => {
    const { clock } = fakeClock();
    const bucket = new TokenBucket(100, 100, clock);
    bucket.pauseUntil(clock.now() + 3000);
    const start = clock.now();
    await bucket.take();
    expect(clock.now() - start).toBe(3000);
  });
});

describe('parseRetryAfter', () => {
  it('when given seconds, a date, or nothing, then it answers seconds', () => {
    expect(parseRetryAfter('12', 0)).toBe(12);
    expect(parseRetryAfter(new Date(30_000).toUTCString(), 0)).toBe(30);
    expect(parseRetryAfter(null, 0)).toBe(1);
    expect(parseRetryAfter('soon', 0)).toBe(1);
  });
});
