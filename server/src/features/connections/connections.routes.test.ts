import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'superagent';
import { randomBytes } from 'node:crypto';
import type { ProviderName } from '@muse/shared';
import { createLogger } from '../../lib/logger';
import { TokenCipher, type TokenKey } from '../../lib/token-cipher';
import { signInApple } from '../../providers/sandbox/sandbox-test-kit';
import { connectSpotifyAs } from '../../testing/spotify-connection';
import { startWorker } from '../../roles/worker-role';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';
import { ConnectionsRepo } from './connections.repo';
import { ConnectionsService } from './connections.service';
import { registerUser } from '../../testing/factories';
import { tokenContext, type TokenField } from './token-context';
import { reencryptStoredTokens } from './token-reencryption';

// The app's current key is `test`; `old` is a key it still lists after a rotation.
const OLD_KEY: TokenKey = { id: 'old', key: randomBytes(32) };
const app = useTestApp({
  sandbox: true,
  env: { TOKEN_ENCRYPTION_KEYS: `test:${randomBytes(32).toString('base64')},old:${OLD_KEY.key.toString('base64')}` },
});

/** Answers a sandbox authorize page the way a person would: a demo user's button, or Cancel. */
async function answerAuthorizePage(pageUrl: string, as: 'demo-listener' | 'someone-else' | 'cancel'): Promise<URL> {
  const html = await (await fetch(pageUrl)).text();
  const forms = [...html.matchAll(/<form method="post" action="authorize">([\s\S]*?)<\/form>/g)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((i) => [i[1]!, unescape(i[2]!)])),
  );
  const chosen = as === 'cancel' ? forms.find((f) => f.decision === 'deny') : forms.find((f) => f.user === as);
  if (!chosen) throw new Error(`no ${as} button on ${pageUrl}: ${html}`);
  const res = await fetch(new URL('authorize', pageUrl), { method: 'POST', body: new URLSearchParams(chosen), redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

function unescape(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Runs "Sign in with Spotify" (or Connect, for a signed-in client) through the sandbox; answers the callback's response. */
async function spotifyRoundTrip(client: TestClient, as: 'demo-listener' | 'someone-else' | 'cancel' = 'demo-listener'): Promise<Response> {
  const start = await client.get('/api/auth/spotify');
  expect(start.status).toBe(303);
  const back = await answerAuthorizePage(start.headers.location!, as);
  expect(back.origin).toBe(app.url);
  return client.get(back.pathname + back.search);
}

async function connectionRow(userId: string, provider = 'spotify') {
  return app.container.knex('provider_connections').where({ user_id: userId, provider }).first();
}

/** Every token the sandbox handed out for this row, decrypted, to look for in answers and the database. */
async function plainTokens(userId: string): Promise<string[]> {
  const row = await connectionRow(userId);
  const cipher = new TokenCipher(app.container.config.TOKEN_ENCRYPTION_KEYS!);
  return [
    row.access_token_enc && cipher.decrypt(row.access_token_enc, `connection:${userId}:spotify:access`),
    row.refresh_token_enc && cipher.decrypt(row.refresh_token_enc, `connection:${userId}:spotify:refresh`),
  ].filter(Boolean);
}

async function signUpWithSpotify(handle: string): Promise<{ client: TestClient; userId: string }> {
  const client = app.client();
  const callback = await spotifyRoundTrip(client);
  expect(callback.status).toBe(303);
  expect(callback.headers.location).toBe('/signup/spotify');
  // The waiting identity's tokens are sealed in Redis too.
  const redis = app.container.redis;
  const waiting = await redis.keys(`${app.container.config.REDIS_PREFIX}oauth:pending:*`);
  expect(waiting.length).toBeGreaterThan(0);
  for (const key of waiting) expect(await redis.get(key)).toMatch(/^v1\.test\./);
  const pending = await client.get('/api/auth/spotify/pending');
  expect(pending.status).toBe(200);
  expect(pending.body).toEqual({ displayName: 'Demo Listener', suggestedHandle: 'demo_listener' });
  const done = await client.post('/api/auth/spotify/complete', { handle, displayName: 'Demo ✨ Listener' });
  expect(done.status).toBe(201);
  return { client, userId: String(done.body.user.id) };
}

beforeEach(async () => {
  // Each test starts with the sandbox's demo listener linked to nobody.
  await app.container.knex('provider_connections').delete();
  app.sandbox!.knobs.reset();
});

describe('Sign in with Spotify', () => {
  it('when someone new signs in, then they choose a handle, get an account linked to Spotify, and a second sign-in lands in the same account', async () => {
    const { client, userId } = await signUpWithSpotify('spotify_newbie');
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.handle).toBe('spotify_newbie');
    const row = await connectionRow(userId);
    // The account's country is kept as its region (conversions share what they found per region), through the pending sign-up too.
    expect(row).toMatchObject({ provider: 'spotify', provider_user_id: 'demo-listener', status: 'active', display_name: 'Demo Listener', storefront: 'us' });
    expect(row.scopes).toContain('playlist-read-private');
    // The pending identity is used up.
    expect((await client.post('/api/auth/spotify/complete', { handle: 'another_one', displayName: 'X' })).status).toBe(400);

    const again = app.client();
    const callback = await spotifyRoundTrip(again);
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/');
    const second = await again.get('/api/me');
    expect(second.body.user.id).toBe(me.body.user.id);
  });

  it('when an account with the Spotify email exists, then signing in with Spotify does not link to it', async () => {
    const existing = await registerUser(app, { email: 'demo-listener@sandbox.invalid', handle: 'email_owner' });
    const client = app.client();
    const callback = await spotifyRoundTrip(client);
    expect(callback.headers.location).toBe('/signup/spotify');
    expect((await client.get('/api/me')).status).toBe(401);
    const existingId = String(existing.session.user.id);
    expect(await connectionRow(existingId)).toBeUndefined();
    // The new account does not take the email either.
    const done = await client.post('/api/auth/spotify/complete', { handle: 'not_the_owner', displayName: 'Someone' });
    expect(done.status).toBe(201);
    expect(done.body.user.id).not.toBe(existing.session.user.id);
  });

  it('when a signed-in user connects Spotify from settings, then it is linked to them and sign-in with Spotify then opens their account', async () => {
    const owner = await registerUser(app, { handle: 'connects_spotify' });
    const callback = await spotifyRoundTrip(owner.client);
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/settings?connected=spotify#connections');
    const list = await owner.client.get('/api/connections');
    expect(list.status).toBe(200);
    expect(list.body.available).toEqual(['spotify', 'apple']);
    expect(list.body.items).toEqual([
      {
        provider: 'spotify',
        displayName: 'Demo Listener',
        scopes: expect.arrayContaining(['playlist-read-private']),
        status: 'active',
        connectedAt: expect.any(String),
      },
    ]);

    expect(await connectionRow(String(owner.session.user.id))).toMatchObject({ storefront: 'us' });

    const fresh = app.client();
    expect((await spotifyRoundTrip(fresh)).headers.location).toBe('/');
    expect((await fresh.get('/api/me')).body.user.handle).toBe('connects_spotify');

    // Settings' Connect button starts the same round trip, for signed-in people only.
    const fromSettings = await owner.client.get('/api/connections/spotify/start');
    expect(fromSettings.status).toBe(303);
    expect(fromSettings.headers.location).toMatch(/\/spotify-accounts\/authorize\?/);
    expect((await app.client().get('/api/connections/spotify/start')).status).toBe(401);

    // Another signed-in user cannot take the same Spotify account.
    const other = await registerUser(app);
    const taken = await spotifyRoundTrip(other.client);
    expect(taken.headers.location).toBe('/settings?oauth_error=spotify_taken#connections');
    expect(await connectionRow(String(other.session.user.id))).toBeUndefined();
  });

  it('when the linked account is suspended, then signing in with Spotify goes back to the login page with a message and no session', async () => {
    const { userId } = await signUpWithSpotify('gets_suspended');
    await app.container.knex('users').where({ id: userId }).update({ suspended_at: new Date() });
    const client = app.client();
    const callback = await spotifyRoundTrip(client);
    expect(callback.headers.location).toBe('/login?oauth_error=account_suspended');
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('when the person cancels on the authorize page, then they are sent back with a message and nothing is stored', async () => {
    const client = app.client();
    const callback = await spotifyRoundTrip(client, 'cancel');
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/login?oauth_error=spotify_cancelled');
    expect(await app.container.knex('provider_connections').count('* as n').first()).toEqual({ n: '0' });
  });

  it('when the state is missing, forged, reused or comes back to another browser, then the callback answers 400', async () => {
    const client = app.client();
    const start = await client.get('/api/auth/spotify');
    const back = await answerAuthorizePage(start.headers.location!, 'demo-listener');
    const path = back.pathname + back.search;

    // Another browser (no flow cookie) with the right state.
    const stranger = await app.client().get(path);
    expect(stranger.status).toBe(400);
    expect(stranger.body.code).toBe('invalid_oauth_state');

    const forged = new URL(back);
    forged.searchParams.set('state', 'forged-state');
    expect((await client.get(forged.pathname + forged.search)).status).toBe(400);
    expect((await client.get('/api/auth/spotify/callback?code=x')).status).toBe(400);
    expect((await client.get(`/api/auth/spotify/callback?state=${'x'.repeat(5000)}`)).status).toBe(400);
    expect((await client.get('/api/auth/spotify/callback?state[]=a&state[]=b')).status).toBe(400);

    // The stranger's attempt used the state up: the rightful browser must start again.
    expect((await client.get(path)).status).toBe(400);

    const second = await client.get('/api/auth/spotify');
    const backAgain = await answerAuthorizePage(second.headers.location!, 'demo-listener');
    const ok = await client.get(backAgain.pathname + backAgain.search);
    expect(ok.status).toBe(303);
    const reused = await client.get(backAgain.pathname + backAgain.search);
    expect(reused.status).toBe(400);
  });

  it('when the chosen handle is bad or taken, then completing answers 4xx and the pending sign-in stays usable', async () => {
    const client = app.client();
    await spotifyRoundTrip(client);
    await registerUser(app, { handle: 'handle_taken' });
    for (const body of [
      {},
      { handle: '', displayName: 'x' },
      { handle: 'no spaces', displayName: 'x' },
      { handle: 'ok_handle', displayName: 'x'.repeat(500) },
      { handle: 5, displayName: [] },
    ]) {
      const res = await client.post('/api/auth/spotify/complete', body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await client.post('/api/auth/spotify/complete', { handle: 'HANDLE_TAKEN', displayName: 'x' })).status).toBe(409);
    expect((await client.post('/api/auth/spotify/complete', { handle: 'handle_free', displayName: 'Ünïcödé 東京' })).status).toBe(201);
    expect((await app.client().post('/api/auth/spotify/complete', { handle: 'no_pending', displayName: 'x' })).status).toBe(400);
  });
});

describe('an account made by Sign in with Spotify', () => {
  it('when it has no password, then it says so, keeps Spotify (not Apple Music) connected, and sets a password without a current one', async () => {
    const { client, userId } = await signUpWithSpotify('sets_password');
    const elsewhere = app.client();
    expect((await spotifyRoundTrip(elsewhere)).headers.location).toBe('/');
    expect((await client.get('/api/me')).body.user.hasPassword).toBe(false);

    // Apple Music never signs anyone in, so it may go at any time.
    await app.container.services.connections.connect(userId, 'apple', {
      providerUserId: 'demo-listener',
      displayName: null,
      scopes: [],
      credentials: { accessToken: await signInApple(app.sandbox!) },
    });
    expect((await client.delete('/api/connections/apple')).status).toBe(204);
    const refused = await client.delete('/api/connections/spotify');
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'sign_in_method_needed', detail: 'Spotify is how you sign in: set a password first, then disconnect it.' });
    expect(await connectionRow(userId)).toBeDefined();

    // Setting the first password is checked like any new one.
    expect((await client.post('/api/me/password', { newPassword: 'qwertyuiop' })).body).toMatchObject({ code: 'password_too_common' });
    const set = await client.post('/api/me/password', { newPassword: 'a password of my own' });
    expect(set.status).toBe(200);
    expect(set.body.user.hasPassword).toBe(true);
    expect((await client.get('/api/me')).body.user.hasPassword).toBe(true);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await app.client().post('/api/auth/login', { identifier: 'sets_password', password: 'a password of my own' })).status).toBe(200);

    // From now on changing it needs the current one, like for any account.
    for (const body of [{ newPassword: 'yet another passphrase' }, { currentPassword: 'not the one at all', newPassword: 'yet another passphrase' }]) {
      const res = await client.post('/api/me/password', body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'currentPassword', message: expect.any(String) }]);
    }
    expect((await client.delete('/api/connections/spotify')).status).toBe(204);
    expect(await connectionRow(userId)).toBeUndefined();
  });

  it('when it has no password, then deleting it is confirmed by typing its handle, in any case', async () => {
    const { client, userId } = await signUpWithSpotify('leaves_by_handle');
    for (const [body, message] of [
      [{ handle: 'someone_else' }, 'That is not your handle'],
      [{ password: 'a guess at the password' }, 'Handle is required'],
    ] as const) {
      const res = await client.delete('/api/me', body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'handle', message }]);
    }
    expect(await app.container.knex('users').where({ id: userId }).first()).toBeDefined();

    expect((await client.delete('/api/me', { handle: '@Leaves_By_Handle' })).status).toBe(204);
    expect(await app.container.knex('users').where({ id: userId }).first()).toBeUndefined();
    expect(await connectionRow(userId)).toBeUndefined();
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('when an account with a password disconnects Spotify, then it goes', async () => {
    const { client, session } = await registerUser(app);
    const userId = String(session.user.id);
    await connectSpotifyAs(app, userId);
    expect((await client.delete('/api/connections/spotify')).status).toBe(204);
    expect(await connectionRow(userId)).toBeUndefined();
  });
});

describe('connections', () => {
  it('stores tokens only encrypted, never answers them, and disconnecting deletes them', async () => {
    const { client, userId } = await signUpWithSpotify('keeps_secrets');
    const tokens = await plainTokens(userId);
    expect(tokens.length).toBe(2);
    for (const token of tokens) {
      const hits = await app.container.knex.raw(`SELECT count(*)::int AS n FROM provider_connections WHERE row_to_json(provider_connections)::text LIKE ?`, [
        `%${token}%`,
      ]);
      expect(hits.rows[0].n).toBe(0);
    }
    const row = await connectionRow(userId);
    expect(row.access_token_enc).toMatch(/^v1\.test\./);

    const answers = [await client.get('/api/connections'), await client.get('/api/me')];
    const exported = await client
      .get('/api/me/export')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(exported.status).toBe(200);
    const files = unzipSync(new Uint8Array(exported.body as Buffer));
    const texts = [...answers.map((a) => JSON.stringify(a.body)), ...Object.values(files).map((f) => strFromU8(f))];
    for (const text of texts) for (const token of tokens) expect(text).not.toContain(token);

    // Spotify is this account's sign-in until it has a password.
    expect((await client.post('/api/me/password', { newPassword: 'a password of my own' })).status).toBe(200);
    expect((await client.delete('/api/connections/spotify')).status).toBe(204);
    expect(await connectionRow(userId)).toBeUndefined();
    expect((await client.get('/api/connections')).body.items).toEqual([]);
    expect((await client.delete('/api/connections/spotify')).status).toBe(404);
    expect((await client.delete('/api/connections/tidal')).status).toBe(400);
    expect((await app.client().get('/api/connections')).status).toBe(401);
  });

  it('refreshes a token about to expire, storing the new one encrypted', async () => {
    const { userId } = await signUpWithSpotify('refreshes');
    const before = await connectionRow(userId);
    await app.container
      .knex('provider_connections')
      .where({ id: before.id })
      .update({ expires_at: new Date(Date.now() + 10_000) });
    app.sandbox!.resetCalls();
    const provider = await app.container.services.connections.providerFor(userId, 'spotify');
    const playlists = await provider.listPlaylists();
    expect(playlists.items.length).toBeGreaterThan(0);
    const after = await connectionRow(userId);
    expect(after.access_token_enc).not.toBe(before.access_token_enc);
    expect(after.expires_at.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(after.status).toBe('active');
    expect(JSON.stringify(app.sandbox!.calls())).toMatch(/api\/token/);
  });

  it('after a key rotation, old ciphertexts still open and a refresh re-encrypts the tokens under the new key', async () => {
    const { userId } = await signUpWithSpotify('rotates_keys');
    const before = await connectionRow(userId);
    expect(before.access_token_enc).toMatch(/^v1\.test\./);
    const rotated = new ConnectionsService({
      repo: new ConnectionsRepo(app.container.knex),
      cipher: new TokenCipher([{ id: 'k2', key: randomBytes(32) }, ...app.container.config.TOKEN_ENCRYPTION_KEYS!]),
      providers: app.container.providers,
      notifications: app.container.services.notifications,
      logger: app.container.logger,
    });
    await app.container
      .knex('provider_connections')
      .where({ id: before.id })
      .update({ expires_at: new Date(Date.now() + 10_000) });
    const provider = await rotated.providerFor(userId, 'spotify');
    expect((await provider.listPlaylists()).items.length).toBeGreaterThan(0);
    const after = await connectionRow(userId);
    expect(after.access_token_enc).toMatch(/^v1\.k2\./);
    expect(after.refresh_token_enc).toMatch(/^v1\.k2\./);
  });

  it('when the service revokes the grant, then the connection needs reconnecting and the user is told once', async () => {
    const { client, userId } = await signUpWithSpotify('gets_revoked');
    const row = await connectionRow(userId);
    await app.container
      .knex('provider_connections')
      .where({ id: row.id })
      .update({ expires_at: new Date(Date.now() - 1000) });
    app.sandbox!.revoke('spotify', 'demo-listener');
    const provider = await app.container.services.connections.providerFor(userId, 'spotify');
    await expect(provider.listPlaylists()).rejects.toMatchObject({ kind: 'unauthorized' });
    await expect(provider.listPlaylists()).rejects.toMatchObject({ kind: 'unauthorized' });

    const after = await connectionRow(userId);
    expect(after).toMatchObject({ status: 'needs_reconnect', access_token_enc: null, refresh_token_enc: null });
    const list = await client.get('/api/connections');
    expect(list.body.items[0].status).toBe('needs_reconnect');
    // The notice is stored before the failing call returns: no waiting needed.
    const res = await client.get('/api/notifications');
    const notices = (res.body.items as { type: string; link: string }[]).filter((n) => n.type === 'provider_reconnect');
    expect(notices).toEqual([expect.objectContaining({ type: 'provider_reconnect', link: '/settings#connections' })]);
    await expect(app.container.services.connections.providerFor(userId, 'spotify')).rejects.toMatchObject({ status: 409, code: 'connection_needs_reconnect' });

    // Reconnecting from settings makes it active again.
    const again = await spotifyRoundTrip(client);
    expect(again.headers.location).toBe('/settings?connected=spotify#connections');
    expect((await connectionRow(userId)).status).toBe('active');
  });

  it('connects Apple Music through its authorize page and stores the Music-User-Token encrypted', async () => {
    const { client, session } = await registerUser(app, { handle: 'apple_fan' });
    const userId = String(session.user.id);
    const start = await client.get('/api/connections/apple/start');
    expect(start.status).toBe(303);
    const back = await answerAuthorizePage(start.headers.location!, 'demo-listener');
    const token = back.searchParams.get('music_user_token')!;
    expect(token).toBeTruthy();
    const done = await client.get(back.pathname + back.search);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/settings?connected=apple#connections');
    const row = await connectionRow(userId, 'apple');
    expect(row).toMatchObject({ status: 'active', storefront: 'us' });
    expect(row.music_user_token_enc).not.toContain(token);
    expect(JSON.stringify((await client.get('/api/connections')).body)).not.toContain(token);
    // A reused state is refused.
    expect((await client.get(back.pathname + back.search)).status).toBe(400);
    // Signed out, the callback is refused.
    expect((await app.client().get(back.pathname + back.search)).status).toBe(401);
    const provider = await app.container.services.connections.providerFor(userId, 'apple');
    expect((await provider.listPlaylists()).items.length).toBeGreaterThan(0);
  });

  it('when Spotify and Apple Music are connected in two tabs at once, then both round trips complete', async () => {
    const { client, session } = await registerUser(app);
    const spotifyStart = await client.get('/api/connections/spotify/start');
    const appleStart = await client.get('/api/connections/apple/start');
    const appleBack = await answerAuthorizePage(appleStart.headers.location!, 'demo-listener');
    const spotifyBack = await answerAuthorizePage(spotifyStart.headers.location!, 'demo-listener');
    expect((await client.get(spotifyBack.pathname + spotifyBack.search)).headers.location).toBe('/settings?connected=spotify#connections');
    expect((await client.get(appleBack.pathname + appleBack.search)).headers.location).toBe('/settings?connected=apple#connections');
    const userId = String(session.user.id);
    expect(await connectionRow(userId, 'spotify')).toMatchObject({ status: 'active' });
    expect(await connectionRow(userId, 'apple')).toMatchObject({ status: 'active' });
  });

  it('hands MusicKit JS the app developer token only when signed in, uncached, and it is one Apple accepts', async () => {
    expect((await app.client().get('/api/connections/apple/developer-token')).status).toBe(401);
    const { client } = await registerUser(app);
    const res = await client.get('/api/connections/apple/developer-token');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ developerToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), storefront: 'us' });
    const catalog = await fetch(`${app.sandbox!.url}/apple/v1/catalog/us/search?term=love&types=songs`, {
      headers: { authorization: `Bearer ${res.body.developerToken}` },
    });
    expect(catalog.status).toBe(200);
  });

  it('when Apple Music access is cancelled, then the user goes back to settings with a message', async () => {
    const { client, session } = await registerUser(app);
    const start = await client.get('/api/connections/apple/start');
    const back = await answerAuthorizePage(start.headers.location!, 'cancel');
    const done = await client.get(back.pathname + back.search);
    expect(done.headers.location).toBe('/settings?oauth_error=apple_cancelled#connections');
    expect(await connectionRow(String(session.user.id), 'apple')).toBeUndefined();
  });
});

const TOKEN_COLUMNS: [string, TokenField][] = [
  ['access_token_enc', 'access'],
  ['refresh_token_enc', 'refresh'],
  ['music_user_token_enc', 'music_user'],
];

type SealedColumns = Record<string, string | null>;

/** The stored tokens of a connection sealed again under `keys` alone, as rows written before a rotation (or under a key since removed) are. */
async function sealedUnder(keys: TokenKey[], userId: string, provider: ProviderName): Promise<SealedColumns> {
  const current = new TokenCipher(app.container.config.TOKEN_ENCRYPTION_KEYS!);
  const target = new TokenCipher(keys);
  const row = await connectionRow(userId, provider);
  const sealed: SealedColumns = {};
  for (const [column, field] of TOKEN_COLUMNS) {
    const context = tokenContext(userId, provider, field);
    sealed[column] = row[column] && target.encrypt(current.decrypt(row[column], context), context);
  }
  return sealed;
}

/** Stores those sealed tokens as the connection's, active again. */
async function storeSealed(userId: string, provider: ProviderName, sealed: SealedColumns): Promise<void> {
  await app.container
    .knex('provider_connections')
    .where({ user_id: userId, provider })
    .update({ ...sealed, status: 'active' });
}

async function resealUnder(keys: TokenKey[], userId: string, provider: ProviderName): Promise<void> {
  await storeSealed(userId, provider, await sealedUnder(keys, userId, provider));
}

/** Every sealed token column of every connection. */
async function sealedColumns(): Promise<string[]> {
  const rows = await app.container.knex('provider_connections').select('access_token_enc', 'refresh_token_enc', 'music_user_token_enc');
  return rows.flatMap((r) => [r.access_token_enc, r.refresh_token_enc, r.music_user_token_enc]).filter((v): v is string => v !== null);
}

async function connectSomeoneElse(userId: string): Promise<void> {
  await connectSpotifyAs(app, userId, { id: 'someone-else', displayName: 'Someone Else' });
}

async function connectApple(userId: string): Promise<void> {
  const musicUserToken = await signInApple(app.sandbox!);
  await app.container.services.connections.connect(userId, 'apple', {
    providerUserId: `apple-${userId}`,
    displayName: null,
    scopes: [],
    credentials: { accessToken: musicUserToken, musicUserToken, storefront: 'us' },
  });
}

const reconnectNotices = async (client: TestClient) =>
  ((await client.get('/api/notifications')).body.items as { type: string }[]).filter((n) => n.type === 'provider_reconnect').length;

describe('per-connection pacing', () => {
  it('when several uses of one connection call at once, then they share its pace, while another connection is not slowed by them', async () => {
    const { connections } = app.container.services;
    const { userId: listener } = await signUpWithSpotify('paced_listener');
    const other = await registerUser(app, { handle: 'paced_other' });
    const otherId = String(other.session.user.id);
    await connectSomeoneElse(otherId);
    // Each use gets its own provider, as each import, conversion and request does; the default pace is 10 a second, bursts of 10.
    const uses = (userId: string, n: number) => Promise.all(Array.from({ length: n }, () => connections.providerFor(userId, 'spotify')));

    const apart = [...(await uses(listener, 10)), ...(await uses(otherId, 10))];
    let started = Date.now();
    await Promise.all(apart.map((p) => p.currentUser()));
    const apartMs = Date.now() - started;

    const together = await uses(otherId, 20);
    started = Date.now();
    await Promise.all(together.map((p) => p.currentUser()));
    const togetherMs = Date.now() - started;
    // One connection: its burst is spent, so 20 calls are spaced 100 ms apart whichever provider makes them.
    expect(togetherMs).toBeGreaterThanOrEqual(1_500);
    // Two connections, a burst each: no pacing wait at all (one shared bucket would space the 20
    // calls like the line above). Compared with that run rather than a fixed time, as the machine may be slow.
    expect(apartMs).toBeLessThan(togetherMs / 2);
  });
});

describe('token key rotation', () => {
  it('when tokens are left under an old key, then one pass re-encrypts every one under the current key, and a second pass changes nothing', async () => {
    const { connections } = app.container.services;
    const { userId } = await signUpWithSpotify('rotation_all');
    await connectApple(userId);
    const lapsed = await registerUser(app);
    await connectApple(String(lapsed.session.user.id));
    for (const [id, provider] of [
      [userId, 'spotify'],
      [userId, 'apple'],
      [String(lapsed.session.user.id), 'apple'],
    ] as const)
      await resealUnder([OLD_KEY], id, provider);
    expect(await sealedColumns()).toHaveLength(4);
    for (const sealed of await sealedColumns()) expect(sealed).toMatch(/^v1\.old\./);

    // Batches of one: the pass reads on until no row is left.
    expect(await connections.reencryptTokens(1)).toEqual({ reencrypted: 3, unreadable: 0, changedMeanwhile: 0 });
    for (const sealed of await sealedColumns()) expect(sealed).toMatch(/^v1\.test\./);
    const left = await app.container.knex.raw(
      `SELECT count(*)::int AS n FROM provider_connections WHERE access_token_enc LIKE 'v1.old.%' OR refresh_token_enc LIKE 'v1.old.%' OR music_user_token_enc LIKE 'v1.old.%'`,
    );
    expect(left.rows[0].n).toBe(0);
    // The tokens still work: same plaintext, new key.
    expect((await (await connections.providerFor(userId, 'apple')).listPlaylists()).items.length).toBeGreaterThan(0);
    expect((await (await connections.providerFor(userId, 'spotify')).currentUser()).id).toBe('demo-listener');

    const rows = await app.container.knex('provider_connections').orderBy('id');
    expect(await connections.reencryptTokens()).toEqual({ reencrypted: 0, unreadable: 0, changedMeanwhile: 0 });
    expect(await app.container.knex('provider_connections').orderBy('id')).toEqual(rows);
  });

  it('when a token is refreshed between the pass reading a row and writing it, then the refresh wins', async () => {
    const { connections } = app.container.services;
    const { userId } = await signUpWithSpotify('rotation_race');
    await resealUnder([OLD_KEY], userId, 'spotify');
    const row = await connectionRow(userId);
    await app.container
      .knex('provider_connections')
      .where({ id: row.id })
      .update({ expires_at: new Date(Date.now() + 10_000) });
    const repo = new ConnectionsRepo(app.container.knex);
    const summary = await reencryptStoredTokens({
      cipher: new TokenCipher(app.container.config.TOKEN_ENCRYPTION_KEYS!),
      logger: createLogger('silent'),
      repo: {
        replaceSealedTokens: (...args) => repo.replaceSealedTokens(...args),
        // The pass has read the row; a real refresh (the token is about to expire) lands before it writes.
        sealedUnderOtherKeys: async (...args) => {
          const rows = await repo.sealedUnderOtherKeys(...args);
          if (rows.length) await (await connections.providerFor(userId, 'spotify')).listPlaylists();
          return rows;
        },
      },
    });
    expect(summary).toEqual({ reencrypted: 0, unreadable: 0, changedMeanwhile: 1 });
    const refreshed = await connectionRow(userId);
    expect(refreshed.access_token_enc).toMatch(/^v1\.test\./);
    expect(refreshed.expires_at.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect((await (await connections.providerFor(userId, 'spotify')).currentUser()).id).toBe('demo-listener');
  });

  it('when the worker starts, then it re-encrypts tokens left under an old key', async () => {
    const { userId } = await signUpWithSpotify('rotation_worker');
    await resealUnder([OLD_KEY], userId, 'spotify');
    const worker = await startWorker(app.container, { coverBackfill: false });
    try {
      await waitFor('the start-up pass', async () => (await connectionRow(userId)).refresh_token_enc.startsWith('v1.test.'));
      expect((await connectionRow(userId)).access_token_enc).toMatch(/^v1\.test\./);
    } finally {
      await worker.stop();
    }
  });

  it('when the key of a connection was removed, then importing, listing and enriching answer as for a revoked grant, never a 500, and the user is told once', async () => {
    const removed: TokenKey[] = [{ id: 'removed', key: randomBytes(32) }];
    const { client, userId } = await signUpWithSpotify('lost_key');
    await connectApple(userId);
    const listed = await client.get('/api/connections/spotify/playlists');
    expect(listed.status).toBe(200);
    const queued = await client.post('/api/service-imports', { provider: 'spotify', playlistId: listed.body.items[0].id });
    expect(queued.status).toBe(202);
    const lostSpotify = await sealedUnder(removed, userId, 'spotify');
    const lostApple = await sealedUnder(removed, userId, 'apple');

    // The import job finds tokens no configured key opens: it fails asking to reconnect, and the connection needs reconnecting.
    await storeSealed(userId, 'spotify', lostSpotify);
    const worker = await startWorker(app.container, { coverBackfill: false });
    try {
      const ended = await waitFor('the import to end', async () => {
        const res = await client.get(`/api/service-imports/${queued.body.id}`);
        return res.body.status === 'failed' ? res.body : undefined;
      });
      expect(ended.error).toMatch(/Reconnect it in Settings/);
    } finally {
      await worker.stop();
    }
    expect(await connectionRow(userId)).toMatchObject({ status: 'needs_reconnect', access_token_enc: null, refresh_token_enc: null });
    expect(await reconnectNotices(client)).toBe(1);

    // Listing: 409 connection_needs_reconnect, and asking again tells the user nothing new.
    await storeSealed(userId, 'spotify', lostSpotify);
    for (let i = 0; i < 2; i++) {
      const res = await client.get('/api/connections/spotify/playlists');
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('connection_needs_reconnect');
    }
    expect(await reconnectNotices(client)).toBe(2);
    await storeSealed(userId, 'apple', lostApple);
    const apple = await client.get('/api/connections/apple/playlists');
    expect(apple.status).toBe(409);
    expect(apple.body.code).toBe('connection_needs_reconnect');
    expect((await connectionRow(userId, 'apple')).status).toBe('needs_reconnect');

    // Starting an import: 409 before anything is queued.
    await storeSealed(userId, 'spotify', lostSpotify);
    const start = await client.post('/api/service-imports', { provider: 'spotify', playlistId: listed.body.items[0].id });
    expect(start.status).toBe(409);
    expect(start.body.code).toBe('connection_needs_reconnect');

    // Enrichment: the catalog is public, so the search goes on with the app's own access.
    await storeSealed(userId, 'spotify', lostSpotify);
    const search = await client.get('/api/catalog/external-search?provider=spotify&q=love');
    expect(search.status).toBe(200);
    expect(search.body.albums.length).toBeGreaterThan(0);
    expect((await connectionRow(userId)).status).toBe('needs_reconnect');

    // The pass leaves rows it cannot read alone (this process may lack a newer key), counting them.
    const other = String((await registerUser(app)).session.user.id);
    await connectSomeoneElse(other);
    await resealUnder(removed, other, 'spotify');
    expect(await app.container.services.connections.reencryptTokens()).toMatchObject({ reencrypted: 0, unreadable: 1 });
    expect((await connectionRow(other)).access_token_enc).toMatch(/^v1\.removed\./);
  });
});
