import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import request from 'supertest';
import { CSRF_HEADER } from '@muse/shared';
import { makeAlbum, newUserInput, type Db } from '../testing/factories';
import { TestClient } from '../testing/test-app';

/**
 * What the fault drills share: a load of real HTTP requests (rating writes and album reads by
 * several signed-in people at once) that records how each request ended and how long it took,
 * and the check that every rating acknowledged with a 2xx is stored.
 */

/** A request not answered within this counts as hung (`timeout`): the drills expect none. */
export const CLIENT_TIMEOUT_MS = 8_000;
/** A client waits this long after a failed request before its next one, as the web app backs off. */
const FAILURE_PAUSE_MS = 25;
const PASSWORD = 'correct horse battery staple';

/**
 * How a request ended: `unavailable` is a 503 problem+json `service_unavailable`; `signed_out` a
 * 401 (the session went with Redis's data); `refused` and `reset` are connections the server
 * refused or dropped; `timeout` is no answer within CLIENT_TIMEOUT_MS; any other answer is its status.
 */
export type Outcome = 'ok' | 'unavailable' | 'signed_out' | 'refused' | 'reset' | 'timeout' | `status_${number}` | `error_${string}`;

export interface Rater {
  client: TestClient;
  userId: string;
  handle: string;
}

export interface Acknowledged {
  userId: string;
  albumId: string;
  value: number;
}

/** Counts of one phase of a drill (before, during and after a fault). */
export interface PhaseFigures {
  requests: number;
  counts: Partial<Record<Outcome, number>>;
  slowestMs: number;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: { code?: string; detail?: string };
}

function classify(res: Answer): Outcome {
  if (res.status >= 200 && res.status < 300) return 'ok';
  // A lost session makes a write's CSRF token stale (it was bound to the session) before auth is asked.
  if (res.status === 401 || (res.status === 403 && res.body.code === 'csrf_invalid')) return 'signed_out';
  if (res.status === 503 && /problem\+json/.test(res.headers['content-type'] ?? '') && res.body.code === 'service_unavailable') return 'unavailable';
  return `status_${res.status}`;
}

function classifyError(err: unknown): Outcome {
  const e = err as { code?: string; timeout?: number; message?: string };
  if (e.timeout !== undefined || e.code === 'ECONNABORTED') return 'timeout';
  if (e.code === 'ECONNREFUSED') return 'refused';
  if (e.code === 'ECONNRESET' || e.code === 'EPIPE' || /socket hang up/.test(e.message ?? '')) return 'reset';
  return `error_${e.code ?? e.message ?? 'unknown'}`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Albums to rate, written straight to the catalog. */
export async function makeAlbums(db: Db, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push((await makeAlbum(db, { tracks: [] })).id);
  return ids;
}

/** Registers a person through the API at `url` and answers them signed in. */
export async function registerRater(url: string): Promise<Rater> {
  const client = new TestClient(url);
  const input = newUserInput({ password: PASSWORD });
  const res = await client.post('/api/auth/register', input);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, userId: String(res.body.user.id), handle: input.handle };
}

/** `/readyz` as a load balancer sees it. */
export async function readiness(url: string): Promise<{ status: number; detail?: string }> {
  const res = await request(url).get('/readyz').timeout(CLIENT_TIMEOUT_MS);
  return { status: res.status, detail: res.body.detail };
}

/** The stars rater `r` gives album `a`: always the same for one pair, so a repeated write changes nothing. */
const starsOf = (raterIndex: number, albumIndex: number) => ((raterIndex + albumIndex) % 10) / 2 + 0.5;

/**
 * Several signed-in people each rating albums one after another and reading the album back, as
 * fast as answers come, until stopped. Each request's outcome and time is counted under the
 * current phase; each 2xx rating is remembered as acknowledged.
 */
export class RatingLoad {
  readonly acknowledged: Acknowledged[] = [];
  private readonly phases = new Map<string, PhaseFigures>();
  private current = 'before';
  private stopped = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly url: string,
    private readonly raters: Rater[],
    private readonly albumIds: string[],
  ) {}

  start(): void {
    this.loops = this.raters.map((rater, i) => this.run(rater, i));
  }

  /** Requests from now on count under `name`. */
  phase(name: string): void {
    this.current = name;
  }

  /** Stops the loops and waits for their last requests. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  figures(phase: string): PhaseFigures {
    return this.phases.get(phase) ?? { requests: 0, counts: {}, slowestMs: 0 };
  }

  /** Every phase together. */
  totals(): PhaseFigures {
    const all: PhaseFigures = { requests: 0, counts: {}, slowestMs: 0 };
    for (const p of this.phases.values()) {
      all.requests += p.requests;
      all.slowestMs = Math.max(all.slowestMs, p.slowestMs);
      for (const [k, n] of Object.entries(p.counts) as [Outcome, number][]) all.counts[k] = (all.counts[k] ?? 0) + n;
    }
    return all;
  }

  /** How many requests ended as `outcome`, in one phase or all of them. */
  count(outcome: Outcome, phase?: string): number {
    return (phase ? this.figures(phase) : this.totals()).counts[outcome] ?? 0;
  }

  /** "1,234 requests (1,100 ok, 134 unavailable), slowest 41 ms" per phase and in total. */
  describe(): string {
    const one = (p: PhaseFigures) =>
      `${p.requests} requests (${Object.entries(p.counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}), slowest ${Math.round(p.slowestMs)} ms`;
    const phases = [...this.phases.entries()].map(([name, p]) => `${name}: ${one(p)}`).join('; ');
    return `${one(this.totals())} [${phases}]; ${this.acknowledged.length} ratings acknowledged`;
  }

  /**
   * Signs the first rater in on a new client and rates an album once, outside the load; answers
   * whether the rating was acknowledged (and remembers it if so).
   */
  async probe(): Promise<boolean> {
    const client = new TestClient(this.url);
    const signedIn = await this.attempt(() => this.signInRequest(client, this.raters[0]!.handle), false);
    if (signedIn !== 'ok') return false;
    return (await this.rate(client, 0, this.raters[0]!.userId, 0, false)) === 'ok';
  }

  private record(outcome: Outcome, ms: number, counted: boolean): void {
    if (!counted) return;
    const p = this.phases.get(this.current) ?? { requests: 0, counts: {}, slowestMs: 0 };
    p.requests += 1;
    p.counts[outcome] = (p.counts[outcome] ?? 0) + 1;
    p.slowestMs = Math.max(p.slowestMs, ms);
    this.phases.set(this.current, p);
  }

  private async attempt(send: () => Promise<Answer>, counted = true): Promise<Outcome> {
    const started = performance.now();
    let outcome: Outcome;
    try {
      outcome = classify(await send());
    } catch (err) {
      outcome = classifyError(err);
    }
    this.record(outcome, performance.now() - started, counted);
    return outcome;
  }

  private async signInRequest(client: TestClient, handle: string): Promise<Answer> {
    const csrf = await client.agent.get('/api/csrf').timeout(CLIENT_TIMEOUT_MS);
    if (csrf.status !== 200) return csrf;
    client.csrfToken = csrf.body.csrfToken as string;
    const res = await client.agent
      .post('/api/auth/login')
      .set(CSRF_HEADER, client.csrfToken)
      .send({ identifier: handle, password: PASSWORD })
      .timeout(CLIENT_TIMEOUT_MS);
    if (typeof res.body?.csrfToken === 'string') client.csrfToken = res.body.csrfToken;
    return res;
  }

  private async rate(client: TestClient, raterIndex: number, userId: string, albumIndex: number, counted = true): Promise<Outcome> {
    const albumId = this.albumIds[albumIndex]!;
    const stars = starsOf(raterIndex, albumIndex);
    const outcome = await this.attempt(
      () =>
        client.agent
          .put(`/api/albums/${albumId}/rating`)
          .set(CSRF_HEADER, client.csrfToken ?? '')
          .send({ rating: stars })
          .timeout(CLIENT_TIMEOUT_MS),
      counted,
    );
    if (outcome === 'ok') this.acknowledged.push({ userId, albumId, value: stars * 2 });
    return outcome;
  }

  private async run(rater: Rater, index: number): Promise<void> {
    let { client } = rater;
    for (let step = 0; !this.stopped; step += 1) {
      const albumIndex = (index * 7 + step) % this.albumIds.length;
      const wrote = await this.rate(client, index, rater.userId, albumIndex);
      const read = await this.attempt(() => client.agent.get(`/api/albums/${this.albumIds[albumIndex]}`).timeout(CLIENT_TIMEOUT_MS));
      if (wrote === 'signed_out' || read === 'signed_out') {
        const fresh = new TestClient(this.url);
        if ((await this.attempt(() => this.signInRequest(fresh, rater.handle))) === 'ok') client = fresh;
      }
      if (wrote !== 'ok' || read !== 'ok') await pause(FAILURE_PAUSE_MS);
    }
  }
}

/** The acknowledged ratings Postgres does not hold with the acknowledged value. */
export async function missingAcknowledged(knex: Knex, acknowledged: Acknowledged[]): Promise<Acknowledged[]> {
  const userIds = [...new Set(acknowledged.map((a) => a.userId))];
  if (!userIds.length) return [];
  const rows: { user_id: string; album_id: string; value: number }[] = await knex('album_ratings')
    .whereIn('user_id', userIds)
    .select('user_id', 'album_id', 'value');
  const stored = new Map(rows.map((r) => [`${r.user_id}:${r.album_id}`, Number(r.value)]));
  return acknowledged.filter((a) => stored.get(`${a.userId}:${a.albumId}`) !== a.value);
}

/** Milliseconds since `start`, rounded, for the printed figures. */
export const since = (start: number): number => Math.round(performance.now() - start);

/** Prints a drill's one-line summary (the README quotes these lines). */
export function printFigures(line: string): void {
  process.stdout.write(`${line}\n`);
}
