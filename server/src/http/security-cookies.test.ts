import request from 'supertest';
import { CSRF_HEADER } from '@muse/shared';
import { useTestApp } from '../testing/test-app';
import { newUserInput } from '../testing/factories';

/**
 * Muse deployed at an https address (PUBLIC_URL): every cookie is pinned to the origin and never
 * travels over plain http, and browsers are told to use https from then on.
 */

const app = useTestApp({ sandbox: true, env: { PUBLIC_URL: 'https://muse.test' } });

interface SetCookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

function setCookies(res: { headers: Record<string, unknown> }): SetCookie[] {
  const lines = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return lines.map((line) => {
    const [pair, ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair!.indexOf('=');
    const attributes = new Map(
      attrs.map((a) => {
        const i = a.indexOf('=');
        return i < 0 ? [a.toLowerCase(), ''] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
      }),
    );
    return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1), attributes };
  });
}

/** What is wrong with one cookie for an https origin (empty when all is well). */
function cookieProblems(c: SetCookie): string[] {
  const problems: string[] = [];
  if (!c.name.startsWith('__Host-')) problems.push(`${c.name} lacks the __Host- prefix`);
  if (!c.attributes.has('secure')) problems.push(`${c.name} is not Secure`);
  if (!c.attributes.has('httponly')) problems.push(`${c.name} is readable by scripts`);
  if (c.attributes.get('samesite')?.toLowerCase() !== 'lax') problems.push(`${c.name} SameSite is ${c.attributes.get('samesite')}`);
  if (c.attributes.get('path') !== '/') problems.push(`${c.name} Path is ${c.attributes.get('path')}`);
  if (c.attributes.has('domain')) problems.push(`${c.name} names a Domain`);
  return problems;
}

describe('cookies on an https deployment', () => {
  it('when the CSRF, session and OAuth round-trip cookies are set, then each is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and without Domain', async () => {
    const csrf = await request(app.url).get('/api/csrf').expect(200);
    const token = csrf.body.csrfToken as string;
    const input = newUserInput();
    const register = await request(app.url)
      .post('/api/auth/register')
      .set('Cookie', `__Host-muse_csrf=${token}`)
      .set(CSRF_HEADER, token)
      .send(input)
      .expect(201);
    const login = await request(app.url)
      .post('/api/auth/login')
      .set('Cookie', `__Host-muse_csrf=${token}`)
      .set(CSRF_HEADER, token)
      .send({ identifier: input.handle, password: input.password })
      .expect(200);
    const spotify = await request(app.url).get('/api/auth/spotify').expect(303);

    const cookies = [csrf, register, login, spotify].flatMap(setCookies);
    expect(cookies.map((c) => c.name)).toEqual(['__Host-muse_csrf', '__Host-muse_sid', '__Host-muse_sid', '__Host-muse_oauth_spotify']);
    expect(cookies.flatMap(cookieProblems)).toEqual([]);

    // The session works when the browser sends the prefixed cookie back.
    const sid = cookies.find((c) => c.name === '__Host-muse_sid')!.value;
    expect((await request(app.url).get('/api/me').set('Cookie', `__Host-muse_sid=${sid}`)).status).toBe(200);
  });

  it('when a session id comes in a cookie without the prefix (as a sibling subdomain could plant), then it is not taken as a session', async () => {
    const csrf = await request(app.url).get('/api/csrf').expect(200);
    const token = csrf.body.csrfToken as string;
    const input = newUserInput();
    const register = await request(app.url)
      .post('/api/auth/register')
      .set('Cookie', `__Host-muse_csrf=${token}`)
      .set(CSRF_HEADER, token)
      .send(input)
      .expect(201);
    const sid = setCookies(register).find((c) => c.name === '__Host-muse_sid')!.value;

    const planted = await request(app.url).get('/api/me').set('Cookie', `muse_sid=${sid}`);
    expect(planted.status).toBe(401);
    expect(planted.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('when PUBLIC_URL is https, then every answer carries a year of HSTS and the CSP upgrades insecure requests, even without a proxy', async () => {
    for (const path of ['/healthz', '/api/csrf', '/api/no-such-thing']) {
      const res = await request(app.url).get(path);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['content-security-policy']).toMatch(/(^|;)\s*upgrade-insecure-requests\s*(;|$)/);
    }
    // Socket.IO's own HTTP answers too.
    const polling = await request(app.url).get('/socket.io/?EIO=4&transport=polling').expect(200);
    expect(polling.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
