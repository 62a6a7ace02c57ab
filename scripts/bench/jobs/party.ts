import { fork } from 'node:child_process';
import path from 'node:path';
import { connect } from '../lib/pg-admin';
import type { ScenarioResult } from '../report/report';
import { verdictOf } from '../report/report';
import { startMuse } from '../server/muse-server';
import { signInPool, type BenchSession } from '../server/session-pool';
import type { FromPartyClients, PartyConnectOrder, Seen } from '../sockets/party-clients';
import { percentile, round2, type LoadJobRun } from './job-run';

/** Issue 15's party: this many participants in the room (fewer on a data set with fewer users). */
const PARTICIPANTS = 1000;
/** Host actions (seeks and play/pause) and chat messages timed, one every GAP_MS. */
const ACTIONS = 50;
const MESSAGES = 50;
const GAP_MS = 200;
/** How long deliveries may trail the last trigger before the missing ones count as lost. */
const SETTLE_MS = 5_000;
/** How long the room may take to catch up with the joins before the timed phases start anyway. */
const DRAIN_LIMIT_MS = 120_000;
/** Joins sent at once while filling the room. */
const JOIN_CONCURRENCY = 20;

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Trigger {
  key: string;
  sentAt: number;
  status: number;
}

async function call(session: BenchSession, url: string, method: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const res = await fetch(url, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** One row: latency per delivery from the trigger leaving the bench, deliveries missing as errors. */
function row(name: string, triggers: Trigger[], seen: Seen[], fanout: number, seconds: number): ScenarioResult {
  const sentAt = new Map(triggers.filter((t) => t.status < 300).map((t) => [t.key, t.sentAt]));
  const latencies = seen.filter((s) => sentAt.has(s.key) && s.at >= sentAt.get(s.key)!).map((s) => s.at - sentAt.get(s.key)!);
  const sorted = latencies.sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const t of triggers) statuses[String(t.status)] = (statuses[String(t.status)] ?? 0) + 1;
  const result = {
    name,
    rps: round2(latencies.length / Math.max(1, fanout) / seconds),
    p50_ms: sorted.length ? round2(percentile(sorted, 50)) : 0,
    p99_ms: sorted.length ? round2(percentile(sorted, 99)) : 0,
    errors: Math.max(0, sentAt.size * fanout - latencies.length) + (triggers.length - sentAt.size),
    budget_p99_ms: 200,
    target_rate: 1000 / GAP_MS,
    max_rps: 0,
    requests: latencies.length,
    status_codes: statuses,
  };
  return { ...result, verdict: verdictOf(result) };
}

/**
 * `party`: issue 15's listening-party budgets. Starts an api on the data set, signs in a host and
 * 1,000 participants, who join one party on an album; a separate load process holds one Socket.IO
 * client per participant in the party's room. Once every participant has a first host action
 * (the joins' presence events go out before it; how long that takes is printed), (1) 50 host actions (seeks, pauses, track
 * changes), one every 200 ms: row `party-host-action`, latency from the host's request leaving
 * the bench until each participant has that player state (by its version); (2) 50 chat messages
 * by different participants, one every 200 ms: row `party-chat`, latency until each participant
 * has the message. Budgets p99 < 200 ms. A delivery missing 5 s after the last trigger counts as
 * an error. The party (with its participants, chat and ratings) is deleted at the end.
 */
export async function runParty(run: LoadJobRun): Promise<{ scenarios: ScenarioResult[] }> {
  const api = await startMuse({
    databaseUrl: run.databaseUrl,
    redisUrl: run.redisUrl,
    redisPrefix: run.redisPrefix,
    root: run.root,
    env: { PROVIDER_SANDBOX: 'off', RECS_REBUILD_EVERY_MINUTES: '0', PARTY_CHAT_RATE_MAX: '1000000' },
  });
  run.stopLater('stop the party api', () => api.stop());
  const participants = Math.min(PARTICIPANTS, run.scale.users - 1);
  const sessions = await signInPool(api.url, run.databaseUrl, participants + 1, run.password);
  const [host, ...guests] = sessions as [BenchSession, ...BenchSession[]];
  run.log(`party: Muse api at ${api.url}; ${sessions.length} users signed in`);
  const db = await connect(run.databaseUrl);
  let partyId: string | null = null;
  const clients = fork(path.join(__dirname, '../sockets/party-clients.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  run.stopLater('stop the party socket process', async () => {
    if (clients.exitCode === null) clients.kill('SIGKILL');
  });
  const next = (type: FromPartyClients['type']) =>
    new Promise<FromPartyClients>((resolve) => clients.once('message', (m: FromPartyClients) => m.type === type && resolve(m)));
  try {
    const { rows } = await db.query<{ album_id: string; ids: string[] }>(
      `SELECT album_id::text, array_agg(id::text ORDER BY position) AS ids FROM tracks GROUP BY album_id HAVING count(*) >= 3 ORDER BY album_id LIMIT 1`,
    );
    const album = rows[0]!;
    const created = await call(host, `${api.url}/api/parties`, 'POST', { albumId: album.album_id });
    if (created.status !== 201) throw new Error(`creating the party answered ${created.status}`);
    partyId = String(created.json!.id);
    const started = now();
    let joined = 0;
    let cursor = 0;
    await Promise.all(
      Array.from({ length: JOIN_CONCURRENCY }, async () => {
        while (cursor < guests.length) {
          const guest = guests[cursor++]!;
          if ((await call(guest, `${api.url}/api/parties/${partyId}/participation`, 'PUT', {})).status === 200) joined += 1;
        }
      }),
    );
    run.log(`party: ${joined} of ${guests.length} joined in ${((now() - started) / 1000).toFixed(1)} s`);

    const connected = next('connected');
    clients.send({ type: 'connect', url: api.url, partyId, cookies: guests.map((g) => g.cookie) } satisfies PartyConnectOrder);
    const opened = (await connected) as Extract<FromPartyClients, { type: 'connected' }>;
    run.log(`party: ${opened.sockets} sockets connected in ${opened.seconds.toFixed(1)} s (${opened.failed} refused), ${opened.watching} in the room`);

    // The joins' presence events are delivered first: time the moment the room has caught up
    // (a first host action every participant has), then measure from there.
    const drainStarted = now();
    const warmUp = await call(host, `${api.url}/api/parties/${partyId}/playback`, 'PUT', { trackId: album.ids[0]!, positionMs: 0, playing: false });
    const warmVersion = String(warmUp.json?.version);
    for (let caughtUp = 0; caughtUp < opened.watching && now() - drainStarted < DRAIN_LIMIT_MS;) {
      await sleep(500);
      const polled = next('report');
      clients.send({ type: 'report' });
      caughtUp = ((await polled) as Extract<FromPartyClients, { type: 'report' }>).playback.filter((p) => p.key === warmVersion).length;
    }
    run.log(`party: every participant had the first host action ${((now() - drainStarted) / 1000).toFixed(1)} s after it was sent`);

    // 1. Host actions: the shared player moves, one change at a time.
    const actions: Trigger[] = [];
    for (let k = 0; k < ACTIONS; k += 1) {
      const slot = now();
      const move = { trackId: album.ids[k % album.ids.length]!, positionMs: (k * 1000) % 25_000, playing: k % 5 !== 4 };
      const res = await call(host, `${api.url}/api/parties/${partyId}/playback`, 'PUT', move);
      actions.push({ key: String(res.json?.version ?? `failed-${k}`), sentAt: slot, status: res.status });
      await sleep(Math.max(0, slot + GAP_MS - now()));
    }
    // 2. Chat: each message by another participant.
    const messages: Trigger[] = [];
    for (let k = 0; k < MESSAGES; k += 1) {
      const slot = now();
      const res = await call(guests[k % guests.length]!, `${api.url}/api/parties/${partyId}/messages`, 'POST', { body: `bench message ${k} ✨` });
      messages.push({ key: String(res.json?.id ?? `failed-${k}`), sentAt: slot, status: res.status });
      await sleep(Math.max(0, slot + GAP_MS - now()));
    }
    await sleep(SETTLE_MS);

    const reported = next('report');
    clients.send({ type: 'report' });
    const report = (await reported) as Extract<FromPartyClients, { type: 'report' }>;
    const seconds = (ACTIONS * GAP_MS) / 1000;
    const rowsOut = [
      row(`party-host-action (${opened.watching} participants)`, actions, report.playback, opened.watching, seconds),
      row(`party-chat (${opened.watching} participants)`, messages, report.messages, opened.watching, (MESSAGES * GAP_MS) / 1000),
    ];
    run.log(
      `party: ${report.playback.length} player states and ${report.messages.length} messages delivered; ${report.disconnects} sockets disconnected during the run`,
    );
    return { scenarios: rowsOut };
  } finally {
    clients.send({ type: 'close' });
    if (partyId) await db.query('DELETE FROM parties WHERE id = $1', [partyId]).catch(() => undefined);
    await db.end();
  }
}
