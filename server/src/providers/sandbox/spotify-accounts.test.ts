import { approve, authorizeQuery, pkcePair, REDIRECT_URI, signInSpotify, spotifyGet, startTestSandbox, tokenRequest } from './sandbox-test-kit';
import type { ProviderSandbox } from './start-sandbox';

let sandbox: ProviderSandbox;
let clock = Date.now();

beforeAll(async () => {
  sandbox = await startTestSandbox({ now: () => clock });
});
afterAll(() => sandbox.stop());
afterEach(() => sandbox.knobs.reset());

const BASIC = 'muse-sandbox-client:muse-sandbox-secret';

async function authorizePage(query: URLSearchParams) {
  const res = await fetch(`${sandbox.url}/spotify-accounts/authorize?${query.toString()}`, { redirect: 'manual' });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

async function codeFor(query: URLSearchParams, userId = 'demo-listener'): Promise<string> {
  const res = await approve(sandbox, query, userId);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(location.searchParams.get('state')).toBe(query.get('state'));
  return location.searchParams.get('code')!;
}

async function exchange(form: Record<string, string>, basic?: string) {
  const res = await tokenRequest(sandbox, form, basic);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('Spotify Accounts authorize page', () => {
  it('when Muse sends a valid PKCE request, then the page offers a sign-in button per demo user and the scopes asked', async () => {
    const page = await authorizePage(authorizeQuery());
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sign in to Spotify (sandbox)');
    expect(page.text).toContain('Continue as Demo Listener');
    expect(page.text).toContain('Continue as Someone Else');
    expect(page.text).toContain('playlist-modify-private');
  });

  it.each([
    ['an unknown client id', { client_id: 'someone-elses-app' }, 'INVALID_CLIENT: Invalid client'],
    ['a localhost redirect', { redirect_uri: 'http://localhost:4000/callback' }, 'INVALID_CLIENT: Insecure redirect URI'],
    ['a plain http redirect to a host', { redirect_uri: 'http://muse.example/callback' }, 'INVALID_CLIENT: Insecure redirect URI'],
    ['no redirect at all', { redirect_uri: undefined }, 'INVALID_CLIENT: Insecure redirect URI'],
    ['a redirect that is not a URL', { redirect_uri: 'not a url ✓' }, 'INVALID_CLIENT: Insecure redirect URI'],
  ])('when the request has %s, then an error page answers and nothing redirects', async (_name, overrides, message) => {
    const page = await authorizePage(authorizeQuery(overrides));
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.text).toContain(message);
  });

  it.each(['https://muse.example/api/auth/spotify/callback', 'http://127.0.0.1:8123/cb', 'http://[::1]:8123/cb'])(
    'when the redirect is %s, then it is accepted',
    async (redirect) => {
      expect((await authorizePage(authorizeQuery({ redirect_uri: redirect }))).status).toBe(200);
    },
  );

  it.each([
    ['response_type=token', { response_type: 'token' }, 'unsupported_response_type'],
    ['a plain PKCE method', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['a short code challenge', { code_challenge: 'abc' }, 'invalid_request'],
    ['an unknown scope', { scope: 'user-read-email user-read-minds' }, 'invalid_scope'],
    ['no state', { state: undefined }, 'invalid_request'],
    ['a state of 5,000 characters', { state: 'x'.repeat(5000) }, 'invalid_request'],
  ])('when the request has %s, then Spotify redirects back with the error', async (_name, overrides, error) => {
    const page = await authorizePage(authorizeQuery(overrides));
    expect(page.status).toBe(302);
    const location = new URL(page.location!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('error')).toBe(error);
  });

  it('when the listener presses Cancel, then the app gets access_denied with its state', async () => {
    const query = authorizeQuery({ state: 'ünïcödé & more=yes' });
    const res = await approve(sandbox, query, 'demo-listener', 'deny');
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('ünïcödé & more=yes');
    expect(location.searchParams.get('code')).toBeNull();
  });
});

describe('Spotify Accounts token endpoint', () => {
  it('when the code is exchanged with the right verifier, then tokens come back and work; the same code cannot be used twice', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor(authorizeQuery({}, challenge));
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: 'muse-sandbox-client', code_verifier: verifier };
    const first = await exchange(form);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String), refresh_token: expect.any(String) });
    expect(String(first.body.scope).split(' ')).toContain('playlist-read-private');
    const me = await spotifyGet(sandbox, '/me', String(first.body.access_token));
    expect(me.body).toMatchObject({ id: 'demo-listener', display_name: 'Demo Listener' });
    expect(await exchange(form)).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid authorization code' } });
  });

  it('when the verifier is wrong or missing, or the redirect differs, then the exchange is refused', async () => {
    const { challenge } = pkcePair();
    const base = { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI, client_id: 'muse-sandbox-client' };
    const wrong = await exchange({ ...base, code: await codeFor(authorizeQuery({}, challenge)), code_verifier: pkcePair().verifier });
    expect(wrong).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'code_verifier was incorrect' } });
    const missing = await exchange({ ...base, code: await codeFor(authorizeQuery({}, challenge)) });
    expect(missing.body.error).toBe('invalid_request');
    const redirect = await exchange({ ...base, code: await codeFor(authorizeQuery({}, challenge)), redirect_uri: 'http://127.0.0.1:9/other' });
    expect(redirect.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid redirect URI' });
  });

  it('when a confidential client skips PKCE, then it must authenticate with its secret (Basic header or body)', async () => {
    const query = authorizeQuery({ code_challenge: undefined, code_challenge_method: undefined });
    const form = { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI };
    expect((await exchange({ ...form, code: await codeFor(query), client_id: 'muse-sandbox-client' })).body.error).toBe('invalid_client');
    expect((await exchange({ ...form, code: await codeFor(query) }, BASIC)).status).toBe(200);
    expect((await exchange({ ...form, code: await codeFor(query), client_id: 'muse-sandbox-client', client_secret: 'muse-sandbox-secret' })).status).toBe(200);
    expect((await exchange({ ...form, code: await codeFor(query) }, 'muse-sandbox-client:wrong')).body).toEqual({
      error: 'invalid_client',
      error_description: 'Invalid client secret',
    });
  });

  it('when the access token is an hour old, then the API says it expired, and a refresh gives a working one', async () => {
    const tokens = await signInSpotify(sandbox);
    clock += 3601_000;
    expect(await spotifyGet(sandbox, '/me', tokens.access_token)).toMatchObject({
      status: 401,
      body: { error: { status: 401, message: 'The access token expired' } },
    });
    const refreshed = await exchange({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: 'muse-sandbox-client' });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toEqual(expect.any(String));
    expect((await spotifyGet(sandbox, '/me', String(refreshed.body.access_token))).status).toBe(200);
    const confidential = await exchange({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, BASIC);
    expect(confidential.status).toBe(200);
    expect(confidential.body).not.toHaveProperty('refresh_token');
  });

  it('when the listener revokes the app, then refreshing answers invalid_grant and the access token stops working', async () => {
    const tokens = await signInSpotify(sandbox, 'someone-else');
    sandbox.revoke('spotify', 'someone-else');
    const refreshed = await exchange({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, BASIC);
    expect(refreshed).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Refresh token revoked' } });
    expect((await spotifyGet(sandbox, '/me', tokens.access_token)).status).toBe(401);
  });

  it('when revocation comes over HTTP, then it works the same', async () => {
    const tokens = await signInSpotify(sandbox, 'someone-else');
    const res = await fetch(`${sandbox.url}/_sandbox/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'spotify', userId: 'someone-else' }),
    });
    expect(res.status).toBe(204);
    expect((await exchange({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, BASIC)).body.error).toBe('invalid_grant');
  });

  it('when the expireTokens knob is on, then new tokens say expires_in 0 and are refused at once', async () => {
    sandbox.knobs.set({ service: 'spotify', expireTokens: true });
    const tokens = await signInSpotify(sandbox);
    expect(tokens.expires_in).toBe(0);
    expect((await spotifyGet(sandbox, '/me', tokens.access_token)).body).toEqual({ error: { status: 401, message: 'The access token expired' } });
    sandbox.knobs.set({ service: 'spotify', expireTokens: false });
    expect((await spotifyGet(sandbox, '/me', tokens.access_token)).status).toBe(200);
  });

  it('when the app asks for a client-credentials token, then it works for catalog calls but not for the user', async () => {
    const ok = await exchange({ grant_type: 'client_credentials' }, BASIC);
    expect(ok.status).toBe(200);
    expect(ok.body).not.toHaveProperty('refresh_token');
    const token = String(ok.body.access_token);
    expect((await spotifyGet(sandbox, '/search?type=track&q=a', token)).status).toBe(200);
    expect((await spotifyGet(sandbox, '/me', token)).status).toBe(401);
    expect((await exchange({ grant_type: 'client_credentials', client_id: 'muse-sandbox-client' })).body.error).toBe('invalid_client');
  });

  it.each([
    ['no grant type', {}, 'unsupported_grant_type'],
    ['an unknown grant type', { grant_type: 'password' }, 'unsupported_grant_type'],
    ['a refresh without a token', { grant_type: 'refresh_token' }, 'invalid_request'],
    ['an unknown refresh token', { grant_type: 'refresh_token', refresh_token: '🎵'.repeat(100) }, 'invalid_grant'],
    ['a code exchange without a code', { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI }, 'invalid_request'],
  ])('when the request has %s, then the token endpoint refuses it with its OAuth error', async (_name, form, error) => {
    const res = await exchange(form, BASIC);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(error);
    expect(typeof res.body.error_description).toBe('string');
  });

  it('when an unknown client calls, then invalid_client answers before anything else', async () => {
    expect((await exchange({ grant_type: 'client_credentials' }, 'other-app:secret')).body).toEqual({
      error: 'invalid_client',
      error_description: 'Invalid client',
    });
  });
});
