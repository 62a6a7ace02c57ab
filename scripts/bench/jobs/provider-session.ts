import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ProviderSandbox } from '../../../server/src/providers/sandbox/start-sandbox';
import { connect } from '../lib/pg-admin';
import { signIn, type BenchSession } from '../server/session-pool';
import type { JobRun } from './job-run';

/** The sandbox's demo listener, whose playlists the job scenarios import and convert. */
export const SANDBOX_USER = 'demo-listener';

/** A port nothing listens on now (Spotify's redirect needs Muse's port before it starts). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The JSON of a successful answer; any other answer is an error naming it. */
export async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
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

/**
 * A bench user signed in (the `nth` of the data set's fixed order, so scenarios do not share one),
 * with the demo listener's links to other bench users from earlier runs removed: they are made afresh.
 */
export async function benchUser(museUrl: string, run: JobRun, nth: number): Promise<BenchSession> {
  const db = await connect(run.databaseUrl);
  try {
    await db.query(`DELETE FROM provider_connections WHERE provider_user_id = $1`, [SANDBOX_USER]);
    const { rows } = await db.query<{ handle: string }>(`SELECT handle FROM users WHERE handle ~ '_[0-9]+$' ORDER BY hashint8(id) LIMIT 1 OFFSET $1`, [nth]);
    if (!rows[0]) throw new Error('the data set has no users to sign in');
    return await signIn(museUrl, rows[0].handle, run.password);
  } finally {
    await db.end();
  }
}

/** Connects a service as the settings page does: Muse's start route, the sandbox's page, Muse's callback. */
export async function connectService(museUrl: string, sandbox: ProviderSandbox, session: BenchSession, service: 'spotify' | 'apple'): Promise<void> {
  const start = await fetch(`${museUrl}/api/connections/${service}/start`, { headers: { cookie: session.cookie }, redirect: 'manual' });
  if (start.status !== 303) throw new Error(`connecting ${service} answered ${start.status}: ${await start.text()}`);
  const flow = cookieOf(start, `muse_oauth_${service}`);
  const page = new URL(start.headers.get('location')!);
  const form = new URLSearchParams(page.searchParams);
  form.set('user', SANDBOX_USER);
  form.set('decision', 'allow');
  const path = service === 'spotify' ? '/spotify-accounts/authorize' : '/apple-auth/authorize';
  const approved = await fetch(`${sandbox.url}${path}`, { method: 'POST', body: form, redirect: 'manual' });
  const back = new URL(approved.headers.get('location') ?? '');
  const callback = await fetch(`${museUrl}${back.pathname}${back.search}`, { headers: { cookie: `${session.cookie}; ${flow}` }, redirect: 'manual' });
  if (!callback.headers.get('location')?.includes(`connected=${service}`))
    throw new Error(`the ${service} callback went to ${callback.headers.get('location')} (${callback.status})`);
}
