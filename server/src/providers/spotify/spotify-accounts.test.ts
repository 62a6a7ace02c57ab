import { createHash } from 'node:crypto';
import { approve, startTestSandbox } from '../sandbox/sandbox-test-kit';
import { type ProviderSandbox } from '../sandbox/start-sandbox';
import { fakeClock } from '../testing/fake-clock';
import { createOAuthState, createPkcePair, SPOTIFY_SCOPES, SpotifyAccounts, spotifyAuthorizeUrl } from './spotify-accounts';

const REDIRECT = 'http://127.0.0.1:4000/api/auth/spotify/callback';

describe('PKCE and state', () => {
  it('when a pair is made, then the challenge is the base64url SHA-256 of a 43..128 character verifier', () => {
    const { verifier, challenge } = createPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('when pairs and states are made, then none repeats', () => {
    const verifiers = new Set(Array.from({ length: 200 }, () => createPkcePair().verifier));
    const states = new Set(Array.from({ length: 200 }, () => createOAuthState()));
    expect(verifiers.size).toBe(200);
    expect(states.size).toBe(200);
    expect([...states][0]).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('when the authorize URL is built, then it carries the client, redirect, state, S256 challenge and scopes', () => {
    const url = new URL(
      spotifyAuthorizeUrl({ accountsBaseUrl: 'https://accounts.spotify.com/', clientId: 'cid', redirectUri: REDIRECT, state: 's&t', codeChallenge: 'c' }),
    );
    expect(url.origin + url.pathname).toBe('https://accounts.spotify.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cid',
      response_type: 'code',
      redirect_uri: REDIRECT,
      state: 's&t',
      code_challenge_method: 'S256',
      code_challenge: 'c',
      scope: SPOTIFY_SCOPES.join(' '),
    });
  });
});

describe('Spotify Accounts against the sandbox', () => {
  let sandbox: ProviderSandbox;
  beforeAll(async () => (sandbox = await startTestSandbox()));
  afterAll(() => sandbox.stop());
  beforeEach(() => {
    sandbox.knobs.reset();
    sandbox.resetCalls();
  });
  const accounts = () => new SpotifyAccounts({ accountsBaseUrl: `${sandbox.url}/spotify-accounts`, ...sandbox.spotifyCredentials(), clock: fakeClock().clock });

  async function codeFor(challenge: string): Promise<string> {
    const url = new URL(
      spotifyAuthorizeUrl({
        accountsBaseUrl: `${sandbox.url}/spotify-accounts`,
        clientId: 'muse-sandbox-client',
        redirectUri: REDIRECT,
        state: 'st',
        codeChallenge: challenge,
      }),
    );
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const redirect = await approve(sandbox, url.searchParams);
    const back = new URL(redirect.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('st');
    return back.searchParams.get('code')!;
  }

  it('when the code comes back with the right verifier, then tokens with the granted scopes come out, and refresh gives new ones', async () => {
    const pkce = createPkcePair();
    const tokens = await accounts().exchangeCode(await codeFor(pkce.challenge), REDIRECT, pkce.verifier);
    expect(tokens.accessToken).toBeTruthy();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.scopes.sort()).toEqual([...SPOTIFY_SCOPES].sort());
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    const refreshed = await accounts().refresh(tokens.refreshToken!);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBeTruthy();
  });

  it('when the verifier is wrong or the code is reused, then the exchange is unauthorized', async () => {
    const pkce = createPkcePair();
    const code = await codeFor(pkce.challenge);
    await expect(accounts().exchangeCode(code, REDIRECT, createPkcePair().verifier)).rejects.toMatchObject({ kind: 'unauthorized', status: 400 });
    await expect(accounts().exchangeCode(code, REDIRECT, pkce.verifier)).rejects.toMatchObject({ kind: 'unauthorized' });
    await expect(accounts().refresh('sbxrt-made-up')).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('when the app token is asked for many times at once and again later, then one token request is made until it nears expiry', async () => {
    const time = fakeClock();
    const acc = new SpotifyAccounts({ accountsBaseUrl: `${sandbox.url}/spotify-accounts`, ...sandbox.spotifyCredentials(), clock: time.clock });
    const tokens = await Promise.all(Array.from({ length: 5 }, () => acc.clientCredentialsToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(await acc.clientCredentialsToken()).toBe(tokens[0]);
    expect(acc.http.counter.count('POST /api/token')).toBe(1);
    await time.clock.sleep(3600_000 - 30_000); // within the last minute of its hour
    expect(await acc.clientCredentialsToken()).not.toBe(tokens[0]);
    expect(acc.http.counter.count('POST /api/token')).toBe(2);
  });

  it('when the client secret is wrong, then no token comes out', async () => {
    const acc = new SpotifyAccounts({ accountsBaseUrl: `${sandbox.url}/spotify-accounts`, clientId: 'muse-sandbox-client', clientSecret: 'wrong' });
    await expect(acc.clientCredentialsToken()).rejects.toMatchObject({ kind: 'unauthorized' });
  });
});
