import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { startProviderSandbox, type ProviderSandbox } from '../../../server/src/providers/sandbox/start-sandbox';
import type { ChildServer } from '../lib/child-server';
import { connect } from '../lib/pg-admin';
import type { JobResult } from '../report/report';
import { startMuse } from '../server/muse-server';
import { signIn, type BenchSession } from '../server/session-pool';

/** Spotify's page of playlist items, and the size of the sandbox playlist imported. */
const ITEMS_PAGE = 100;
const TRACKS = 2000;
const SANDBOX_USER = 'demo-listener';
/**
 * The Spotify endpoints a playlist import calls (the user, the playlist, its pages, a token
 * refresh). The worker's other tasks (the cover backfill searches Spotify) reach the same
 * sandbox meanwhile; their calls are told apart, not counted as the import's.
 */
const IMPORT_ENDPOINTS = new Set(['GET /v1/me', 'GET /v1/playlists/{id}', 'GET /v1/playlists/{id}/items', 'POST /api/token']);

/** What the scenario reuses of the run: where the data set and Redis are, and how to stop what it starts. */
export interface ServiceImportRun {
  root: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  password: string;
  stopLater(label: string, stop: () => Promise<unknown>): void;
  log(line: string): void;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `name=value` of a cookie a response sets (with or without the `__Host-` prefix secure servers add). */
function cookieOf(res: Response, name: string): string {
  const pair = res.headers
    .getSetCookie()
    .map((line) => line.split(';', 1)[0]!)
    .find((p) => p.startsWith(`${name}=`) || p.startsWith(`__Host-${name}=`));
  if (!pair) throw new Error(`${res.url} set no ${name} cookie`);
  return pair;
}

/** A bench user signed in to the import server (the first handle of the data set's order). */
async function benchUser(museUrl: string, run: ServiceImportRun): Promise<BenchSession> {
  const db = await connect(run.databaseUrl);
  try {
    // The demo listener may be linked to a bench user from an earlier run: it is linked afresh below.
    await db.query(`DELETE FROM provider_connections WHERE provider = 'spotify' AND provider_user_id = $1`, [SANDBOX_USER]);
    const { rows } = await db.query<{ handle: string }>(`SELECT handle FROM users WHERE handle ~ '_[0-9]+$' ORDER BY hashint8(id) LIMIT 1`);
    if (!rows[0]) throw new Error('the data set has no users to sign in');
    return await signIn(museUrl, rows[0].handle, run.password);
  } finally {
    await db.end();
  }
}

/** Connects Spotify as the settings page does: Muse's start route, the sandbox's authorize button, Muse's callback. */
async function connectSpotify(museUrl: string, sandbox: ProviderSandbox, session: BenchSession): Promise<void> {
  const start = await fetch(`${museUrl}/api/connections/spotify/start`, { headers: { cookie: session.cookie }, redirect: 'manual' });
  if (start.status !== 303) throw new Error(`connecting Spotify answered ${start.status}: ${await start.text()}`);
  const flow = cookieOf(start, 'muse_oauth_spotify');
  const authorize = new URL(start.headers.get('location')!);
  const form = new URLSearchParams(authorize.searchParams);
  form.set('user', SANDBOX_USER);
  form.set('decision', 'allow');
  const approved = await fetch(`${sandbox.url}/spotify-accounts/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  const back = new URL(approved.headers.get('location') ?? '');
  const callback = await fetch(`${museUrl}${back.pathname}${back.search}`, { headers: { cookie: `${session.cookie}; ${flow}` }, redirect: 'manual' });
  if (!callback.headers.get('location')?.includes('connected=spotify')) {
    throw new Error(`the Spotify callback went to ${callback.headers.get('location')} (${callback.status})`);
  }
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/**
 * `service-import`: imports the sandbox's 2,000-track Spotify playlist through the API and a
 * worker, as a user would (connect Spotify, list playlists, start the import, follow it to the
 * end), and reports the time and the calls Spotify received against the fewest that can read it:
 * one playlist read and one call per page of 100 items.
 */
export async function runServiceImport(run: ServiceImportRun): Promise<JobResult> {
  const sandbox = await startProviderSandbox();
  run.stopLater('stop the provider sandbox', () => sandbox.stop());
  const port = await freePort();
  const muse: ChildServer = await startMuse({
    root: run.root,
    databaseUrl: run.databaseUrl,
    redisUrl: run.redisUrl,
    redisPrefix: run.redisPrefix,
    role: 'all',
    port,
    env: { PROVIDER_SANDBOX: 'on', PROVIDER_SANDBOX_URL: sandbox.url },
  });
  run.stopLater('stop the import server', () => muse.stop());
  run.log(`service-import: Muse api and worker at ${muse.url}, provider sandbox at ${sandbox.url}`);

  const session = await benchUser(muse.url, run);
  await connectSpotify(muse.url, sandbox, session);
  const listed = await json<{ items: { id: string; name: string; trackCount: number }[] }>(
    await fetch(`${muse.url}/api/connections/spotify/playlists`, { headers: { cookie: session.cookie } }),
  );
  const source = listed.items.find((p) => p.trackCount === TRACKS);
  if (!source) throw new Error(`the sandbox lists no ${TRACKS}-track playlist`);

  sandbox.resetCalls();
  const started = performance.now();
  const created = await json<{ id: string }>(
    await fetch(`${muse.url}/api/service-imports`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'spotify', playlistId: source.id }),
    }),
  );
  let view: { status: string; processed: number; linked: number; error: string | null; createdAt: string; finishedAt: string | null };
  for (;;) {
    view = await json(await fetch(`${muse.url}/api/service-imports/${created.id}`, { headers: { cookie: session.cookie } }));
    if (!['queued', 'importing'].includes(view.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const calls = sandbox.calls().spotify;
  const count = (mine: boolean) =>
    Object.entries(calls)
      .filter(([endpoint]) => IMPORT_ENDPOINTS.has(endpoint) === mine)
      .reduce((sum, [, n]) => sum + n, 0);
  const minimum = Math.ceil(TRACKS / ITEMS_PAGE) + 1;
  const serverSeconds = view.finishedAt ? (Date.parse(view.finishedAt) - Date.parse(view.createdAt)) / 1000 : null;
  return {
    name: 'service-import',
    status: view.status,
    tracks: view.processed,
    linked: view.linked,
    seconds: Math.round(seconds * 100) / 100,
    server_seconds: serverSeconds === null ? null : Math.round(serverSeconds * 100) / 100,
    provider_calls: count(true),
    minimum_provider_calls: minimum,
    other_provider_calls: count(false),
    calls_by_endpoint: calls,
    error: view.error,
  };
}
