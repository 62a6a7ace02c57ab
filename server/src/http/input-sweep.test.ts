import request from 'supertest';
import { CSRF_HEADER } from '@muse/shared';
import { createApp } from './create-app';
import { useTestApp } from '../testing/test-app';
import { makeAlbum, registerUser } from '../testing/factories';
import { listAppRoutes } from './openapi/route-table';
import type { RouteMeta } from './route';

/**
 * Walks every route the api registers with ugly input, signed out, signed in and as an
 * administrator, and checks that none answers 5xx and that every 4xx is a problem document
 * without a stack trace.
 */

// Ugly path segments, already percent-encoded as a client would send them.
const UGLY_SEGMENTS = [
  '0',
  '-1',
  '1.5',
  '1e309',
  'NaN',
  '999999999999',
  '99999999999999999999999',
  'abc',
  '%00',
  'ab%00cd',
  '%E0%A4%A',
  '%ED%A0%80',
  encodeURIComponent('🎸🎸'),
  encodeURIComponent('\u202Eשלום'),
  'x'.repeat(3000),
  encodeURIComponent("' OR 1=1 --"),
  '%20',
];

// Ugly JSON values as raw JSON text, so that 1e309 and lone surrogates reach the parser as sent.
const UGLY_JSON = [
  '""',
  '"   "',
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  JSON.stringify('🎸'.repeat(6000)),
  JSON.stringify('\u202Eabc'),
  JSON.stringify('x'.repeat(20_000)),
  '"0000-01-01"',
  '"9999-99-99"',
  '"1e309"',
  '1e309',
  '-1e309',
  '-1',
  '0',
  '1.5',
  '18446744073709551616',
  'true',
  'null',
  '[]',
  '["a"]',
  '{}',
  '{"$gt":""}',
];

const MALFORMED_BODIES = ['{', '{"a":', '[]', 'null', '"text"', '123', '{"a":1e309}', `{"a":"${'y'.repeat(200_000)}"}`];

const cursorOf = (keys: unknown[]) => Buffer.from(JSON.stringify(keys)).toString('base64url');
const UGLY_CURSORS = [
  'not-a-cursor',
  '%00',
  cursorOf(['reviews.recent', '0000-01-01 00:00:00.000000', '1']),
  cursorOf(['reviews.popular', 1e308, '2024-01-01 00:00:00.000000', '1']),
  cursorOf(['followers', '2024-02-30 00:00:00.000000', '1']),
  cursorOf(['diary', '0000-01-01', '1']),
  cursorOf(['comments', '99999999999999999999']),
  Buffer.from('feed:ffffffff-ffff-ffff-ffff-ffffffffffff').toString('base64url'),
  Buffer.from('n:999999999999999999').toString('base64url'),
  Buffer.from('s:-999999999999999999:1').toString('base64url'),
  Buffer.from('r:0').toString('base64url'),
  'x'.repeat(201),
];
const QUERY_VALUES = ['', '-1', '0', 'NaN', '1e309', '1.5', '99999999999', '%00', '%E0%A4%A', encodeURIComponent('🎸'), 'x'.repeat(3000)];
const QUERY_KEYS = ['limit', 'q', 'type', 'genre', 'year', 'sort', 'kind', 'since', 'status'];

/** The keys a route's query schema names, or null when its shape cannot be read. */
function declaredQueryKeys(schema: unknown): string[] | null {
  let node = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown; schema?: unknown } } | undefined;
  for (let depth = 0; node && depth < 5; depth++) {
    if (node.shape && typeof node.shape === 'object') return Object.keys(node.shape);
    node = (node.def?.in ?? node.def?.innerType ?? node.def?.schema) as typeof node;
  }
  return null;
}

/**
 * The query keys and cursors to sweep a read with. A route declared with a query schema gets
 * every key its schema names, with every ugly value, plus one key it does not know; every ugly
 * cursor only if it pages. A route without a readable schema gets every key and cursor. (Sending
 * each unknown key with each value exercised the same rejection a hundred times a route.)
 */
function querySweepOf(meta: RouteMeta | undefined): { keys: string[]; cursors: string[] } {
  const declared = meta ? (meta.query ? declaredQueryKeys(meta.query) : []) : null;
  if (declared === null) return { keys: QUERY_KEYS, cursors: UGLY_CURSORS };
  const unknown = QUERY_KEYS.find((k) => !declared.includes(k));
  return {
    keys: [...declared.filter((k) => k !== 'cursor'), ...(unknown ? [unknown] : [])],
    cursors: declared.includes('cursor') ? UGLY_CURSORS : UGLY_CURSORS.slice(0, 1),
  };
}

// Bodies whose encoding or type is wrong, sent to every write.
const TRANSPORT_VARIANTS: Record<string, string>[] = [
  { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
  { 'Content-Type': 'application/json', 'Content-Encoding': 'deflate' },
  { 'Content-Type': 'application/json', 'Content-Encoding': 'br' },
  { 'Content-Type': 'application/json', 'Content-Encoding': 'x-unknown' },
  { 'Content-Type': 'application/json; charset=latin1' },
  { 'Content-Type': 'application/json; charset=utf-16' },
  { 'Content-Type': 'text/plain' },
];

// Cookie headers a broken or hostile client may send.
const UGLY_COOKIES = ['sid=%E0%A4%A', 'sid=', '=; ;=', `sid=${'x'.repeat(4000)}`, 'muse_sid=%00; muse_csrf=%00', '__Host-muse_sid=%ff%fe'];

interface Fixtures {
  albumId: string;
  trackId: string;
  reviewId: string;
  commentId: string;
  diaryId: string;
  reportId: string;
  userId: string;
  handle: string;
}

/** Valid bodies for the writes whose deeper code only a mostly-valid body reaches. */
function validBodies(f: Fixtures): Record<string, Record<string, unknown>> {
  return {
    'POST /api/auth/login': { identifier: f.handle, password: 'not the password' },
    'POST /api/albums/:id/reviews': { body: 'A review', rating: 4, listenedOn: '2024-01-02' },
    'PATCH /api/reviews/:id': { body: 'Edited', rating: 3, listenedOn: '2024-01-03' },
    'POST /api/reviews/:id/comments': { body: 'A comment' },
    'PUT /api/albums/:id/rating': { rating: 4 },
    'PUT /api/tracks/:id/rating': { rating: 4 },
    'POST /api/diary': { albumId: f.albumId, listenedOn: '2024-01-02', rating: 4, review: 'Good', isRelisten: false },
    'POST /api/me/mutes': { kind: 'user', target: f.handle },
    'POST /api/reports': { targetType: 'review', targetId: f.reviewId, reason: 'Spam' },
    'POST /api/admin/reports/:id/resolve': { action: 'dismiss', note: 'Fine' },
    'PATCH /api/me/profile': { displayName: 'Sweeper', bio: 'Hello', avatarUrl: 'https://example.test/a.png' },
    'PATCH /api/me/privacy': { isPrivate: false, defaultVisibility: 'public', hideUnloggedTakes: false },
    'PUT /api/me/favourites': { albumIds: [f.albumId] },
    'PUT /api/me/notification-preferences': { preferences: [{ type: 'review_liked', enabled: true }] },
    'POST /api/imports': { source: 'letterboxd', csv: 'Date,Name,Year,Rating\n2024-01-01,Blue,1971,4\n' },
    'POST /api/imports/:id/confirm': { skipLines: [1] },
  };
}

/** Bodies for one write: malformed text, every known field at once with each ugly value, and one field at a time of a valid body. */
function bodiesFor(key: string, f: Fixtures): string[] {
  const base = validBodies(f)[key];
  const fields = base ? Object.keys(base) : ['body', 'rating', 'identifier', 'password', 'target', 'kind'];
  const bodies = [...MALFORMED_BODIES, ...UGLY_JSON.map((v) => `{${fields.map((k) => `${JSON.stringify(k)}:${v}`).join(',')}}`)];
  if (base) {
    bodies.push(JSON.stringify(base));
    for (const field of fields) {
      for (const v of UGLY_JSON) {
        const rest = Object.entries(base)
          .filter(([k]) => k !== field)
          .map(([k, value]) => `${JSON.stringify(k)}:${JSON.stringify(value)}`);
        bodies.push(`{${[...rest, `${JSON.stringify(field)}:${v}`].join(',')}}`);
      }
    }
  }
  return bodies;
}

/** The path with each `:param` replaced by the same value. */
const fill = (path: string, value: string) => path.replace(/:[A-Za-z]+/g, value);

/** Real ids for each path, so that the sweep also reaches past the lookups (someone else's things). */
function realPaths(path: string, f: Fixtures): string[] {
  const ids = [f.albumId, f.trackId, f.reviewId, f.commentId, f.diaryId, f.reportId, f.userId];
  return [...new Set([fill(path, f.handle), ...ids.map((id) => fill(path.replace(/:handle/g, f.handle), id))])];
}

const ID_BY_SEGMENT: Record<string, keyof Fixtures> = {
  albums: 'albumId',
  tracks: 'trackId',
  reviews: 'reviewId',
  comments: 'commentId',
  diary: 'diaryId',
  reports: 'reportId',
  users: 'userId',
};

/** The path with each parameter set to the real thing it names, so query and body sweeps get past the lookup. */
function targetPath(path: string, f: Fixtures): string {
  return path
    .replace(/:handle/g, f.handle)
    .replace(/:kind/g, 'user')
    .replace(/:target/g, f.handle)
    .replace(/:queue/g, 'notifications')
    .replace(/([a-z]+)\/:id/g, (_m, segment: string) => `${segment}/${f[ID_BY_SEGMENT[segment] ?? 'reviewId']}`);
}

const app = useTestApp({ env: { ADMIN_HANDLES: 'sweep_admin', LOGIN_RATE_ACCOUNT_MAX: '100000', WRITE_RATE_USER_MAX: '100000' } });

describe('input sweep over every api route', () => {
  it('when any route gets ugly input, signed out, signed in or as an administrator, then it never answers 5xx and every 4xx is a problem document without a stack', async () => {
    const routes = listAppRoutes(createApp(app.container)).filter((r) => r.path.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(50);
    // Each declared query schema is read for its keys (else that route is swept with every key, slowly).
    expect(routes.filter((r) => r.meta?.query && declaredQueryKeys(r.meta.query) === null).map((r) => r.path)).toEqual([]);

    const victim = await registerUser(app);
    const album = await makeAlbum(app.container.knex);
    const review = await victim.client.post(`/api/albums/${album.id}/reviews`, { body: 'Victim review', rating: 4 });
    const comment = await victim.client.post(`/api/reviews/${review.body.id}/comments`, { body: 'Victim comment' });
    const diary = await victim.client.post('/api/diary', { albumId: album.id, listenedOn: '2024-01-02' });
    const user = await registerUser(app);
    const report = await user.client.post('/api/reports', { targetType: 'comment', targetId: comment.body.id, reason: 'Spam' });
    const admin = await registerUser(app, { handle: 'sweep_admin' });
    const f: Fixtures = {
      albumId: album.id,
      trackId: album.trackIds[0]!,
      reviewId: review.body.id,
      commentId: comment.body.id,
      diaryId: diary.body.id,
      reportId: report.body.id,
      userId: victim.session.user.id,
      handle: victim.session.user.handle,
    };
    expect(Object.values(f).every(Boolean)).toBe(true);

    const anon = app.client();
    await anon.ensureCsrf();
    const callers = [
      { who: 'signed out', cookie: anon.cookieHeader(), csrf: anon.csrfToken! },
      { who: 'signed in', cookie: user.client.cookieHeader(), csrf: user.session.csrfToken },
      { who: 'admin', cookie: admin.client.cookieHeader(), csrf: admin.session.csrfToken },
    ];

    const failures: string[] = [];
    // Writes that got through prove the sweep reaches past validation into services and SQL.
    const acceptedWrites = new Map<string, number>();
    const send = async (
      caller: (typeof callers)[number],
      method: string,
      path: string,
      body?: string,
      headers: Record<string, string> = { 'Content-Type': 'application/json' },
    ) => {
      let req = request(app.url)[method as 'get'](path).set('Cookie', caller.cookie).set(CSRF_HEADER, caller.csrf);
      if (body !== undefined) req = req.set(headers).send(body);
      const res = await req.ok(() => true);
      const type = String(res.headers['content-type'] ?? '');
      if (method !== 'get' && res.status < 300) acceptedWrites.set(caller.who, (acceptedWrites.get(caller.who) ?? 0) + 1);
      const bad = res.status >= 500 || (res.status >= 400 && (!type.startsWith('application/problem+json') || /\n\s+at |"stack"/.test(res.text)));
      if (bad)
        failures.push(
          `${caller.who}: ${method.toUpperCase()} ${path.slice(0, 120)} ${body?.slice(0, 80) ?? ''} -> ${res.status} ${type} ${res.text.slice(0, 200)}`,
        );
    };
    const clearRateLimits = async () => {
      const keys = await app.container.redis.keys(`${app.container.config.REDIS_PREFIX}rl:*`);
      if (keys.length) await app.container.redis.del(...keys);
    };
    const inParallel = async (jobs: Array<() => Promise<void>>, width = 4) => {
      const queue = [...jobs];
      await Promise.all(
        Array.from({ length: width }, async () => {
          for (let job = queue.shift(); job; job = queue.shift()) await job();
        }),
      );
    };

    for (const caller of callers) {
      for (const route of routes) {
        // Signing out or deleting the account would end the sweep's session.
        if (caller.who !== 'signed out' && ['/api/auth/logout', '/api/me'].includes(route.path) && route.method !== 'get') continue;
        const key = `${route.method.toUpperCase()} ${route.path}`;
        const jobs: Array<() => Promise<void>> = [];
        const paths = route.path.includes(':') ? [...realPaths(route.path, f), ...UGLY_SEGMENTS.map((v) => fill(route.path, v))] : [route.path];
        for (const path of paths) jobs.push(() => send(caller, route.method, path, route.method === 'get' ? undefined : '{}'));
        const target = targetPath(route.path, f);
        // Auth runs before validation (route.ts): a caller the route refuses (signed out, or not an
        // administrator) meets the same 401/403 whatever the query or the fields say, so only what
        // comes before it (paths, the body parser, transport) is swept for them.
        const refused =
          route.meta && ((caller.who === 'signed out' && route.meta.auth !== 'public') || (caller.who === 'signed in' && route.meta.auth === 'admin'));
        if (refused) {
          if (route.method !== 'get') {
            for (const body of MALFORMED_BODIES) jobs.push(() => send(caller, route.method, target, body));
            for (const headers of TRANSPORT_VARIANTS) jobs.push(() => send(caller, route.method, target, 'not what it claims', headers));
          }
        } else if (route.method === 'get') {
          const { keys, cursors } = querySweepOf(route.meta);
          for (const cursor of cursors) jobs.push(() => send(caller, 'get', `${target}?cursor=${cursor}`));
          for (const k of keys) for (const v of QUERY_VALUES) jobs.push(() => send(caller, 'get', `${target}?${k}=${v}`));
          jobs.push(() => send(caller, 'get', `${target}?q=ab&q=cd&limit=1&limit=2&cursor=a&cursor=b`));
        } else {
          // Registering signed in would swap the sweep's session for a new account's.
          const bodies = caller.who !== 'signed out' && route.path === '/api/auth/register' ? MALFORMED_BODIES : bodiesFor(key, f);
          for (const body of bodies) jobs.push(() => send(caller, route.method, target, body));
          for (const headers of TRANSPORT_VARIANTS) jobs.push(() => send(caller, route.method, target, 'not what it claims', headers));
        }
        await inParallel(jobs);
        await clearRateLimits();
      }
    }
    for (const cookie of UGLY_COOKIES) {
      for (const [method, path] of [
        ['get', '/api/me'],
        ['get', '/api/csrf'],
        ['post', '/api/auth/logout'],
      ] as const) {
        await send({ who: `cookie ${cookie.slice(0, 20)}`, cookie, csrf: 'x' }, method, path, method === 'get' ? undefined : '{}');
      }
    }
    expect(failures).toEqual([]);
    expect(acceptedWrites.get('signed in')).toBeGreaterThan(100);
    expect(acceptedWrites.get('admin')).toBeGreaterThan(100);
  }, 600_000);
});
