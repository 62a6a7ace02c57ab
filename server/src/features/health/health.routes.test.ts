import request from 'supertest';
import { useTestApp } from '../../testing/test-app';

const app = useTestApp();

describe('health', () => {
  it('when everything is up, then /healthz and /readyz answer 200 with a request id', async () => {
    const live = await request(app.url).get('/healthz').expect(200);
    expect(live.body).toEqual({ status: 'ok' });
    expect(live.headers['x-request-id']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    const ready = await request(app.url).get('/readyz').expect(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { postgres: 'up', redis: 'up', documents: 'up', 'domain-events': 'up' } });
  });

  it('when a caller sends a safe X-Request-Id, then it is echoed; an unsafe one is replaced', async () => {
    expect((await request(app.url).get('/healthz').set('X-Request-Id', 'abc-123-def')).headers['x-request-id']).toBe('abc-123-def');
    // A fresh UUID stands in for the unsafe id (matching /bad/ would fail whenever the UUID began with the hex digits b, a, d).
    const replaced = (await request(app.url).get('/healthz').set('X-Request-Id', 'bad id with spaces & symbols')).headers['x-request-id'];
    expect(replaced).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('when the document store is unreachable, then /readyz answers 503 naming it', async () => {
    const original = app.container.docs.ping;
    (app.container.docs as { ping: () => Promise<void> }).ping = () => Promise.reject(new Error('down'));
    try {
      const res = await request(app.url).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.detail).toMatch(/documents/);
      expect(res.body.detail).not.toMatch(/postgres|redis/);
    } finally {
      (app.container.docs as { ping: () => Promise<void> }).ping = original;
    }
  });

  it('when a running part reports it is not working, then /readyz answers 503 naming it until it works again', async () => {
    const remove = app.container.readiness.add('domain-events', () => Promise.reject(new Error('has not read for 9 s')));
    try {
      const res = await request(app.url).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.detail).toBe('Not ready: domain-events not working.');
    } finally {
      remove();
    }
    expect((await request(app.url).get('/readyz')).status).toBe(200);
  });
});

describe('http hardening', () => {
  it('when any page is served, then security headers and a CSP without inline scripts are set', async () => {
    const res = await request(app.url).get('/healthz');
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('when an unknown API path is asked, then it answers a 404 problem, not the SPA', async () => {
    const res = await request(app.url).get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'not_found', title: 'Not Found', type: '/problems/not_found' });
  });

  it('when a foreign origin calls the API, then no CORS grant is given', async () => {
    const res = await request(app.url).get('/api/csrf').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
