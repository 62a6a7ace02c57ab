import { startProviderSandbox } from '../../../server/src/providers/sandbox/start-sandbox';
import type { ChildServer } from '../lib/child-server';
import type { JobResult } from '../report/report';
import { startMuse } from '../server/muse-server';
import type { JobRun } from './job-run';
import { benchUser, connectService, freePort, json } from './provider-session';

/** Spotify's page of playlist items, and the size of the sandbox playlist imported. */
const ITEMS_PAGE = 100;
const TRACKS = 2000;
/**
 * The fewest calls that import the playlist: the playlist itself (name, description, size, and its
 * first page of 100 items, which Spotify embeds in the answer) and the rest of its items a page of
 * 100 at a time, 20 for 2,000 tracks. The adapter of a connection already knows the listener's
 * Spotify id, so it asks nothing else; `calls_by_endpoint` shows any call beyond these.
 */
function minimumImportCalls(tracks: number): number {
  return 1 + Math.ceil(Math.max(0, tracks - ITEMS_PAGE) / ITEMS_PAGE);
}
/**
 * The Spotify endpoints a playlist import calls (the user, the playlist, its pages, a token
 * refresh). The worker's other tasks (the cover backfill searches Spotify) reach the same
 * sandbox meanwhile; their calls are told apart, not counted as the import's.
 */
const IMPORT_ENDPOINTS = new Set(['GET /v1/me', 'GET /v1/playlists/{id}', 'GET /v1/playlists/{id}/items', 'POST /api/token']);

/** What the scenario reuses of the run (the job scenarios share one shape). */
export type ServiceImportRun = JobRun;

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
  run.log(`service-import: Muse api and worker at ${muse.url} (Redis prefix ${run.redisPrefix}), provider sandbox at ${sandbox.url}`);

  const session = await benchUser(muse.url, run, 0);
  await connectService(muse.url, sandbox, session, 'spotify');
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
  const minimum = minimumImportCalls(TRACKS);
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
