import fs from 'node:fs';
import { startProviderSandbox, type ProviderSandbox } from '../../../server/src/providers/sandbox/start-sandbox';
import { signInSpotify } from '../../../server/src/providers/sandbox/sandbox-test-kit';
import type { JobResult } from '../report/report';
import { startMuse } from '../server/muse-server';
import { benchUser, connectService, freePort, json, SANDBOX_USER } from './provider-session';
import type { ServiceImportRun } from './service-import';
import { connect } from '../lib/pg-admin';
import type { BenchSession } from '../server/session-pool';

/**
 * The conversion scenarios: a 500-track playlist to Apple Music, the same under throttling, the
 * same once another conversion of those tracks ran (`conversion-again`), and a 10,000-track one.
 */
export const CONVERSION_SCENARIOS = ['conversion', 'conversion-throttled', 'conversion-again', 'conversion-10k'] as const;
export type ConversionScenario = (typeof CONVERSION_SCENARIOS)[number];

const SMALL = 500;
const RSS_SAMPLE_MS = 100;

/** A 500-track Spotify playlist of the demo listener's, made through the sandbox's Web API (not counted). */
async function makeSpotifyPlaylist(sandbox: ProviderSandbox, size: number): Promise<string> {
  const { access_token: token } = await signInSpotify(sandbox, SANDBOX_USER);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const made = await json<{ id: string }>(
    await fetch(`${sandbox.url}/spotify/v1/me/playlists`, { method: 'POST', headers, body: JSON.stringify({ name: `Bench ${size}` }) }),
  );
  const uris = sandbox.catalog.spotify.tracks
    .filter((t) => t.playable)
    .slice(0, size)
    .map((t) => `spotify:track:${t.id}`);
  for (let i = 0; i < uris.length; i += 100)
    await json(
      await fetch(`${sandbox.url}/spotify/v1/playlists/${made.id}/items`, { method: 'POST', headers, body: JSON.stringify({ uris: uris.slice(i, i + 100) }) }),
    );
  return made.id;
}

/** `stop` run at most once, whoever asks first (the scenario's end or the bench's cleanup). */
function once(stop: () => Promise<unknown>): () => Promise<unknown> {
  let stopping: Promise<unknown> | null = null;
  return () => (stopping ??= stop());
}

/** Starts a conversion of the Spotify playlist through the API and answers it once it has ended. */
async function convertAndWait(museUrl: string, session: BenchSession, playlistId: string, target: 'apple' | 'muse'): Promise<ConversionViewLike> {
  const created = await json<{ id: string }>(
    await fetch(`${museUrl}/api/conversions`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ source: { kind: 'service', provider: 'spotify', playlistId }, target }),
    }),
  );
  for (;;) {
    const view = await json<ConversionViewLike>(await fetch(`${museUrl}/api/conversions/${created.id}`, { headers: { cookie: session.cookie } }));
    if (!['queued', 'running'].includes(view.status)) return view;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Empties the shared memory of conversion verdicts in the bench database. */
async function forgetCounterparts(run: ServiceImportRun): Promise<void> {
  const db = await connect(run.databaseUrl);
  try {
    await db.query('DELETE FROM track_counterparts');
  } finally {
    await db.end();
  }
}

/**
 * Report rows the job searched the target service for: every row but skips, the user's rules,
 * earlier verdicts and the ones an ISRC lookup settled (matched, or offered for review).
 */
async function searchedTracks(museUrl: string, session: BenchSession, id: string): Promise<number> {
  let searched = 0;
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ outcome: string; method: string | null }>; nextCursor: string | null } = await json(
      await fetch(`${museUrl}/api/conversions/${id}/report?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
        headers: { cookie: session.cookie },
      }),
    );
    for (const row of page.items) {
      const settledByIsrc = row.method === 'isrc' && (row.outcome === 'matched' || row.outcome === 'needs_review');
      if (row.outcome !== 'skipped' && !settledByIsrc && !['rule', 'known', 'manual'].includes(row.method ?? '')) searched += 1;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return searched;
}

/** Resident memory of a process in MB, from /proc (null where there is none). */
function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

interface ConversionViewLike {
  id: string;
  status: string;
  processed: number;
  matched: number;
  written: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  calls: { made: number; minimum: number };
}

/**
 * Converts a playlist through the API and a worker (`--role=all`) against a provider sandbox,
 * as a user would: `conversion` a 500-track Spotify playlist to Apple Music, `conversion-throttled`
 * the same while Apple Music answers every tenth call 429 (Retry-After 1 s), `conversion-10k` the
 * sandbox's 10,000-track Spotify playlist to a Muse playlist, sampling the server's resident
 * memory every 100 ms for its peak growth. Reports the time and the provider calls the job made
 * against the fewest it could (pages read + ISRC lookup batches + write batches).
 */
export async function runConversion(run: ServiceImportRun, scenario: ConversionScenario): Promise<JobResult> {
  const sandbox = await startProviderSandbox();
  const stopSandbox = once(() => sandbox.stop());
  run.stopLater(`stop the ${scenario} sandbox`, stopSandbox);
  const muse = await startMuse({
    root: run.root,
    databaseUrl: run.databaseUrl,
    redisUrl: run.redisUrl,
    redisPrefix: run.redisPrefix,
    role: 'all',
    port: await freePort(),
    env: { PROVIDER_SANDBOX: 'on', PROVIDER_SANDBOX_URL: sandbox.url },
  });
  const stopMuse = once(() => muse.stop());
  run.stopLater(`stop the ${scenario} server`, stopMuse);
  run.log(`${scenario}: Muse api and worker at ${muse.url}, provider sandbox at ${sandbox.url}`);
  try {
    return await convertOnce(run, scenario, sandbox, muse);
  } finally {
    // Stopped before the next scenario starts: its worker would take that scenario's jobs with this sandbox's tokens.
    await stopMuse();
    await stopSandbox();
  }
}

/** Runs one conversion scenario on a server and sandbox of its own. */
async function convertOnce(
  run: ServiceImportRun,
  scenario: ConversionScenario,
  sandbox: ProviderSandbox,
  muse: Awaited<ReturnType<typeof startMuse>>,
): Promise<JobResult> {
  const session = await benchUser(muse.url, run, 1);
  await connectService(muse.url, sandbox, session, 'spotify');
  await connectService(muse.url, sandbox, session, 'apple');
  let playlistId: string;
  if (scenario === 'conversion-10k') {
    const listed = await json<{ items: { id: string; trackCount: number }[] }>(
      await fetch(`${muse.url}/api/connections/spotify/playlists`, { headers: { cookie: session.cookie } }),
    );
    const big = listed.items.find((p) => p.trackCount === 10_000);
    if (!big) throw new Error('the sandbox lists no 10,000-track playlist');
    playlistId = big.id;
  } else playlistId = await makeSpotifyPlaylist(sandbox, SMALL);
  // What earlier runs' conversions found is forgotten, so each scenario says what it claims:
  // `conversion-again` first converts the same playlist once, untimed, as another listener would have.
  await forgetCounterparts(run);
  const convert = (target: 'apple' | 'muse') => convertAndWait(muse.url, session, playlistId, target);
  if (scenario === 'conversion-again') await convert('apple');
  if (scenario === 'conversion-throttled') sandbox.knobs.set({ service: 'apple', throttle: { everyN: 10, retryAfterSeconds: 1 } });

  sandbox.resetCalls();
  const rssBefore = rssMb(muse.child.pid);
  let rssPeak = rssBefore ?? 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(muse.child.pid) ?? 0)), RSS_SAMPLE_MS);
  const started = performance.now();
  let view: ConversionViewLike;
  try {
    view = await convert(scenario === 'conversion-10k' ? 'muse' : 'apple');
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const searched = await searchedTracks(muse.url, session, view.id);
  const calls = sandbox.calls();
  const byEndpoint: Record<string, number> = {};
  for (const [service, endpoints] of Object.entries(calls)) for (const [endpoint, n] of Object.entries(endpoints)) byEndpoint[`${service} ${endpoint}`] = n;
  const received = Object.values(byEndpoint).reduce((a, b) => a + b, 0);
  const serverSeconds = view.finishedAt ? (Date.parse(view.finishedAt) - Date.parse(view.createdAt)) / 1000 : null;
  return {
    name: scenario,
    status: view.status,
    tracks: view.processed,
    linked: view.matched,
    seconds: Math.round(seconds * 100) / 100,
    server_seconds: serverSeconds === null ? null : Math.round(serverSeconds * 100) / 100,
    provider_calls: view.calls.made,
    minimum_provider_calls: view.calls.minimum,
    searched_tracks: searched,
    other_provider_calls: Math.max(0, received - view.calls.made),
    calls_by_endpoint: byEndpoint,
    error: view.error,
    ...(rssBefore === null ? {} : { peak_rss_growth_mb: Math.round((rssPeak - rssBefore) * 10) / 10 }),
  };
}
