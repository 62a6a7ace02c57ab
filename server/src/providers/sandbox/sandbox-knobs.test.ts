import { clientCredentialsToken, developerToken, signInApple, spotifyGet, startTestSandbox, tokenRequest } from './sandbox-test-kit';
import type { ProviderSandbox } from './start-sandbox';

let sandbox: ProviderSandbox;
let app: string;
let trackPath: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  app = await clientCredentialsToken(sandbox);
  trackPath = `/tracks/${sandbox.catalog.spotify.tracks[0]!.id}`;
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.knobs.reset();
  sandbox.resetCalls();
});

async function knobs(body: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/_sandbox/knobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('sandbox knobs', () => {
  it('when Spotify is throttled every 3rd call, then exactly those answer 429 with Retry-After and the rest go through', async () => {
    expect((await knobs({ service: 'spotify', throttle: { everyN: 3, retryAfterSeconds: 7 } })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const res = await spotifyGet(sandbox, trackPath, app);
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBe('7');
        expect(res.body).toEqual({ error: { status: 429, message: 'API rate limit exceeded' } });
      }
    }
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
  });

  it('when Apple is throttled always, then every Apple call is 429 in Apple’s errors shape and Spotify is untouched', async () => {
    sandbox.knobs.set({ service: 'apple', throttle: { always: true, retryAfterSeconds: 1 } });
    const res = await fetch(`${sandbox.url}/apple/v1/catalog/us/songs/${sandbox.catalog.apple.songs[0]!.id}`, {
      headers: { authorization: `Bearer ${developerToken(sandbox)}` },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as { errors: Array<{ status: string }> }).errors[0]!.status).toBe('429');
    expect((await spotifyGet(sandbox, trackPath, app)).status).toBe(200);
  });

  it('when Spotify fails twice with 503, then two calls get 503 and the third succeeds', async () => {
    sandbox.knobs.set({ service: 'spotify', fail: { status: 503, times: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await spotifyGet(sandbox, trackPath, app)).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('when the token endpoint fails with 500, then the OAuth error body says server_error', async () => {
    sandbox.knobs.set({ service: 'spotify', fail: { status: 500, times: 1 } });
    const res = await tokenRequest(sandbox, { grant_type: 'client_credentials' }, 'muse-sandbox-client:muse-sandbox-secret');
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: 'server_error' });
  });

  it('when a truncated body is asked for, then the answer is 200 with JSON that cannot be parsed, once', async () => {
    sandbox.knobs.set({ service: 'spotify', fail: { status: 500, times: 1, mode: 'truncated' } });
    const res = await fetch(`${sandbox.url}/spotify/v1${trackPath}`, { headers: { authorization: `Bearer ${app}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(text.startsWith('{"album"')).toBe(true);
    expect((await spotifyGet(sandbox, trackPath, app)).status).toBe(200);
  });

  it('when a timeout is asked for, then the call never answers until the client gives up, and the next call answers', async () => {
    sandbox.knobs.set({ service: 'apple', fail: { status: 503, times: 1, mode: 'timeout' } });
    const url = `${sandbox.url}/apple/v1/catalog/us/songs/${sandbox.catalog.apple.songs[0]!.id}`;
    const headers = { authorization: `Bearer ${developerToken(sandbox)}` };
    await expect(fetch(url, { headers, signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect([200, 404]).toContain((await fetch(url, { headers })).status);
  });

  it('when Spotify is slowed by 250 ms, then a call takes at least that long', async () => {
    sandbox.knobs.set({ service: 'spotify', slowMs: 250 });
    const started = performance.now();
    await spotifyGet(sandbox, trackPath, app);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('when Apple tokens are set to expire, then Apple answers 401 until the knob is reset', async () => {
    const userToken = await signInApple(sandbox);
    const call = () =>
      fetch(`${sandbox.url}/apple/v1/me/storefront`, { headers: { authorization: `Bearer ${developerToken(sandbox)}`, 'music-user-token': userToken } });
    sandbox.knobs.set({ service: 'apple', expireTokens: true });
    expect((await call()).status).toBe(401);
    await fetch(`${sandbox.url}/_sandbox/knobs`, { method: 'DELETE' });
    expect((await call()).status).toBe(200);
  });

  it('when calls are made, then /_sandbox/calls counts them per method and path template, ids folded', async () => {
    await spotifyGet(sandbox, trackPath, app);
    await spotifyGet(sandbox, `/tracks/${sandbox.catalog.spotify.tracks[1]!.id}`, app);
    await spotifyGet(sandbox, '/search?type=track&q=a', app);
    await fetch(`${sandbox.url}/apple/v1/catalog/gb/songs?filter[isrc]=USAAA9900001`, { headers: { authorization: `Bearer ${developerToken(sandbox)}` } });
    const counts = (await (await fetch(`${sandbox.url}/_sandbox/calls`)).json()) as Record<string, Record<string, number>>;
    expect(counts.spotify).toEqual({ 'GET /v1/tracks/{id}': 2, 'GET /v1/search': 1 });
    expect(counts.apple).toEqual({ 'GET /v1/catalog/{storefront}/songs': 1 });
    expect(sandbox.calls()).toEqual(counts);
  });

  it.each([
    ['an unknown service', { service: 'deezer' }],
    ['a 404 failure', { service: 'spotify', fail: { status: 404, times: 1 } }],
    ['zero times', { service: 'spotify', fail: { status: 500, times: 0 } }],
    ['a negative delay', { service: 'spotify', slowMs: -1 }],
    ['an unknown knob', { service: 'spotify', chaos: true }],
    ['a string', 'spotify'],
  ])('when the knobs get %s, then 400 problem+json and nothing changes', async (_name, body) => {
    const res = await knobs(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await spotifyGet(sandbox, trackPath, app)).status).toBe(200);
  });

  it('when the knobs get unreadable JSON, then 400 problem+json', async () => {
    const res = await fetch(`${sandbox.url}/_sandbox/knobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('when the knobs are read after a reset, then development-mode 403s are on and nothing else is', async () => {
    const body = (await (await fetch(`${sandbox.url}/_sandbox/knobs`)).json()) as Record<string, unknown>;
    expect(body.spotify).toEqual({ throttle: null, fail: null, slowMs: 0, devMode403: true, expireTokens: false });
  });
});
