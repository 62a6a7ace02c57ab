import fs from 'node:fs';
import http from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CSRF_HEADER } from '@muse/shared';
import { createApp } from './create-app';
import { createTestApp, type TestApp } from '../testing/test-app';
import { makeAlbum, registerUser } from '../testing/factories';
import { listAppRoutes } from './openapi/route-table';

/**
 * Every page of the web app and every route the server registers answers with the browser
 * protections Muse relies on: a CSP that runs only Muse's own scripts and refuses framing,
 * nosniff, a referrer policy, and HSTS whenever the browser came over https.
 */

const ROUTER_FILE = path.resolve(__dirname, '../../../web/src/app/router.tsx');

/** The web app's page paths, read from its route table so that a page added there is checked here too. */
function webPagePaths(handle: string): string[] {
  const source = fs.readFileSync(ROUTER_FILE, 'utf8');
  const paths = [...source.matchAll(/\bpath: '([^']+)'/g)].map((m) => m[1]!);
  return [
    '/',
    ...paths.map((p) =>
      `/${p}`
        .replace(/:handle/g, handle)
        .replace(/:[A-Za-z]+/g, '1')
        .replace('*', 'no-such-page'),
    ),
  ];
}

/** CSP directives by name, each with its source list. */
function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

const UNSAFE_SCRIPT_SOURCES = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:'];
const REFERRER_POLICIES = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];
const ONE_YEAR = 365 * 24 * 3600;

interface Head {
  status: number;
  headers: http.IncomingHttpHeaders;
}

/** What is wrong with one answer's security headers, as readable lines (empty when all is well). */
function headerProblems(res: Head, method: string, overHttps: boolean): string[] {
  const problems: string[] = [];
  const csp = res.headers['content-security-policy'];
  if (typeof csp !== 'string') problems.push('no Content-Security-Policy');
  else {
    const d = parseCsp(csp);
    for (const name of ['script-src', 'script-src-elem', 'script-src-attr']) {
      const sources = d.get(name) ?? (name === 'script-src' ? d.get('default-src') : undefined);
      if (name === 'script-src' && !sources) problems.push('CSP has neither script-src nor default-src');
      const unsafe = (sources ?? []).filter((s) => UNSAFE_SCRIPT_SOURCES.includes(s.toLowerCase()));
      if (unsafe.length) problems.push(`CSP ${name} allows ${unsafe.join(' ')}`);
    }
    if (d.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`CSP frame-ancestors is ${d.get('frame-ancestors')?.join(' ') ?? 'missing'}`);
    if ((d.get('object-src') ?? d.get('default-src'))?.join(' ') !== "'none'") problems.push('CSP object-src is not none');
    if (!["'self'", "'none'"].includes(d.get('base-uri')?.join(' ') ?? '')) problems.push('CSP base-uri is neither self nor none');
  }
  if (String(res.headers['x-frame-options']).toUpperCase() !== 'DENY') problems.push(`X-Frame-Options is ${res.headers['x-frame-options']}`);
  if (res.headers['x-content-type-options'] !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  const referrer = String(res.headers['referrer-policy'] ?? '');
  if (!REFERRER_POLICIES.includes(referrer.split(',').pop()!.trim())) problems.push(`Referrer-Policy is "${referrer}"`);
  if (res.headers['x-powered-by']) problems.push('X-Powered-By is sent');
  const hsts = res.headers['strict-transport-security'];
  if (overHttps) {
    const maxAge = Number(/max-age=(\d+)/.exec(String(hsts))?.[1] ?? 0);
    if (maxAge < ONE_YEAR) problems.push(`over https, HSTS is ${hsts ?? 'missing'}`);
  } else if (hsts) {
    // A plain-http Muse (a laptop) must not pin its host, localhost included, to https.
    problems.push(`over plain http, HSTS is sent: ${hsts}`);
  }
  const hasBody = method !== 'HEAD' && ![204, 304].includes(res.status) && res.headers['content-length'] !== '0';
  const type = String(res.headers['content-type'] ?? '');
  if (hasBody && !type) problems.push('a body without Content-Type');
  if (/^(text\/|application\/(.+\+)?json|application\/(.+\+)?xml)/.test(type) && !/charset=utf-8/i.test(type))
    problems.push(`Content-Type ${type} names no utf-8 charset`);
  return problems;
}

/** Sends one request and resolves with its status and headers, dropping the body (event streams never end). */
function head(base: string, method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<Head> {
  return new Promise((resolve, reject) => {
    const sized = body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
    const req = http.request(`${base}${pathname}`, { method, headers: sized, agent: false }, (res) => {
      resolve({ status: res.statusCode!, headers: res.headers });
      res.destroy();
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Ids {
  albumId: string;
  trackId: string;
  reviewId: string;
  userId: string;
  handle: string;
}

/** The path with its parameters set to real things, so each route reaches its handler (which may set headers itself). */
function fillPath(routePath: string, ids: Ids): string {
  return routePath
    .replace(/:handle|:target/g, ids.handle)
    .replace(/:kind/g, 'user')
    .replace(/:queue/g, 'notifications')
    .replace(/:provider/g, 'spotify')
    .replace(/:userId/g, ids.userId)
    .replace(/:albumId/g, ids.albumId)
    .replace(
      /(albums|tracks|reviews)\/:id/g,
      (_m, segment: string) => `${segment}/${{ albums: ids.albumId, tracks: ids.trackId, reviews: ids.reviewId }[segment]}`,
    )
    .replace(/:[A-Za-z]+/g, '1');
}

let dist: string;
let app: TestApp;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'muse-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body></body></html>',
  );
  await writeFile(path.join(dist, 'assets/index-Ab12Cd34.js'), 'export {};\n');
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = await createTestApp({
    // Behind one proxy that says how the browser came (X-Forwarded-Proto); PUBLIC_URL unset, so only the proxy tells.
    env: { WEB_DIST_DIR: dist, TRUST_PROXY: '1', METRICS_TOKEN: 'security-headers-test-token', WRITE_RATE_USER_MAX: '100000' },
  });
});
afterAll(async () => {
  await app?.close();
  await rm(dist, { recursive: true, force: true });
});

describe('security headers on every route', () => {
  it('when every api route and every web page is asked for, signed in over https behind the proxy and signed out over http, then each answer carries the CSP, framing, nosniff, referrer and HSTS rules', async () => {
    const routes = listAppRoutes(createApp(app.container));
    expect(routes.filter((r) => r.path.startsWith('/api/')).length).toBeGreaterThan(50);
    expect(routes.some((r) => r.path === '/healthz')).toBe(true);

    const user = await registerUser(app);
    const album = await makeAlbum(app.container.knex);
    const review = await user.client.post(`/api/albums/${album.id}/reviews`, { body: 'Loud and clear', rating: 4 });
    expect(review.status).toBe(201);
    const ids: Ids = { albumId: album.id, trackId: album.trackIds[0]!, reviewId: review.body.id, userId: user.session.user.id, handle: user.input.handle };
    const pages = webPagePaths(ids.handle);
    expect(pages).toEqual(expect.arrayContaining(['/', '/login', `/users/${ids.handle}`, '/albums/1', '/no-such-page']));
    expect(pages.length).toBeGreaterThan(25);

    const signedIn = { Cookie: user.client.cookieHeader(), [CSRF_HEADER]: user.session.csrfToken, 'X-Forwarded-Proto': 'https' };
    const failures: string[] = [];
    const statuses = new Set<number>();
    const check = async (method: string, pathname: string, headers: Record<string, string>, overHttps: boolean) => {
      const write = !['GET', 'HEAD', 'TRACE'].includes(method);
      const res = await head(app.url, method, pathname, write ? { ...headers, 'Content-Type': 'application/json' } : headers, write ? '{}' : undefined);
      statuses.add(res.status);
      for (const problem of headerProblems(res, method, overHttps))
        failures.push(`${method} ${pathname} (${overHttps ? 'https' : 'http'}) -> ${res.status}: ${problem}`);
    };

    for (const route of routes) {
      const method = route.method.toUpperCase();
      const pathname = fillPath(route.path, ids);
      // Signing out or deleting the account would end the session the other routes use.
      const endsSession = method !== 'GET' && ['/api/auth/logout', '/api/me'].includes(route.path);
      if (!endsSession) await check(method, pathname, signedIn, true);
      await check(method, pathname, {}, false);
    }
    if (app.container.config.METRICS_TOKEN) await check('GET', '/metrics', { Authorization: `Bearer ${app.container.config.METRICS_TOKEN}` }, false);
    for (const page of [...pages, '/index.html', '/assets/index-Ab12Cd34.js', '/favicon.svg']) {
      await check('GET', page, signedIn, true);
      await check('GET', page, {}, false);
      await check('HEAD', page, {}, false);
    }
    // Errors carry the headers too: an unknown API path, a malformed one, and a method nothing answers.
    await check('GET', '/api/no-such-thing', {}, false);
    await check('GET', '/api/albums/%E0%A4%A', signedIn, true);
    await check('TRACE', '/api/me', {}, false);

    expect(failures).toEqual([]);
    // The walk reached handlers, not just the first middleware.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 201, 400, 401, 404]));
  }, 300_000);

  it('when Socket.IO answers over HTTP (the long-polling handshake), then it carries nosniff, a CSP that loads nothing and refuses framing, and the referrer policy', async () => {
    const res = await head(app.url, 'GET', '/socket.io/?EIO=4&transport=polling', {});
    expect(res.status).toBe(200);
    expect(headerProblems(res, 'GET', false)).toEqual([]);
    expect(parseCsp(String(res.headers['content-security-policy'])).get('default-src')).toEqual(["'none'"]);
  });

  it('when the trusted proxy does not say https, then no HSTS is sent; when it does, HSTS lasts a year and covers subdomains', async () => {
    const plain = await head(app.url, 'GET', '/api/csrf', { 'X-Forwarded-Proto': 'http' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const viaProxy = await head(app.url, 'GET', '/api/csrf', { 'X-Forwarded-Proto': 'https' });
    expect(viaProxy.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
