import express from 'express';
import request from 'supertest';
import { apiRouters, type ApiMount } from './api-routers';
import { createApp } from './create-app';
import { listAppRoutes } from './openapi/route-table';
import { useTestApp } from '../testing/test-app';

/** Routers shaped like Muse's: literal first segments, a parameter first, a root middleware, a sub-mount, an error, next('router'). */
function featureRouters(calls: string[]): ApiMount[] {
  const albums = express.Router();
  albums.use('/albums', (_req, _res, next) => {
    calls.push('albums');
    next();
  });
  albums.get('/albums/:id', (req, res) => res.json({ from: 'albums', id: req.params.id }));
  albums.get('/albums/:id/tracks', (_req, res) => res.json({ from: 'album tracks' }));
  const me = express.Router();
  me.get('/me/ratings', (_req, res) => res.json({ from: 'me ratings' }));
  me.get('/me/fail', () => {
    throw new Error('boom');
  });
  me.get('/me/skip', (_req, _res, next) => next('router'));
  const notes = express.Router();
  notes.get('/', (_req, res) => res.json({ from: 'notifications index' }));
  notes.get('/:id', (req, res) => res.json({ from: 'notification', id: req.params.id }));
  const profiles = express.Router();
  profiles.get('/me/skip', (_req, res) => res.json({ from: 'profiles after skip' }));
  profiles.get('/:handle', (req, res) => res.json({ from: 'profile', handle: req.params.handle }));
  return [
    ['', albums],
    ['', me],
    ['/notifications', notes],
    ['', profiles],
  ];
}

function plainApp(calls: string[]): express.Express {
  const app = express();
  for (const [prefix, router] of featureRouters(calls)) app.use(`/api${prefix}`, router);
  app.use('/api', (_req, res) => res.status(404).json({ from: 'not found' }));
  app.use(((err, _req, res, _next) => res.status(500).json({ error: (err as Error).message })) as express.ErrorRequestHandler);
  return app;
}

function indexedApp(calls: string[]): express.Express {
  const app = express();
  app.use('/api', apiRouters(featureRouters(calls)));
  app.use('/api', (_req, res) => res.status(404).json({ from: 'not found' }));
  app.use(((err, _req, res, _next) => res.status(500).json({ error: (err as Error).message })) as express.ErrorRequestHandler);
  return app;
}

describe('the /api routers walked by first segment', () => {
  const paths = [
    '/api/albums/7',
    '/api/ALBUMS/7/tracks',
    '/api/albums/7/',
    '/api/me/ratings',
    '/api/me/fail',
    '/api/me/skip',
    '/api/notifications',
    '/api/Notifications/42',
    '/api/someone',
    '/api/someone/else',
    '/api/',
    '/api',
    '/api/%61lbums/7',
    '/api/albums%2F7',
  ];

  it('when the same routers are mounted one by one and through the index, then every path gets the same answer', async () => {
    const plain = plainApp([]);
    const indexed = indexedApp([]);
    for (const path of paths) {
      const [a, b] = await Promise.all([request(plain).get(path), request(indexed).get(path)]);
      expect({ path, status: b.status, body: b.body }).toEqual({ path, status: a.status, body: a.body });
    }
  });

  it('when a request names a segment a router has no route for, then that router is not walked, and it is when it has', async () => {
    const calls: string[] = [];
    const app = indexedApp(calls);
    expect((await request(app).get('/api/me/ratings')).body).toEqual({ from: 'me ratings' });
    expect(calls).toEqual([]);
    expect((await request(app).get('/api/albums/3')).body).toEqual({ from: 'albums', id: '3' });
    expect(calls).toEqual(['albums']);
  });
});

describe("Muse's own /api routers", () => {
  const app = useTestApp();

  it('when the app is built, then the OpenAPI route table still sees every route, and a playlist request walks a few routers, not all of them', () => {
    const muse = createApp(app.container);
    const routes = listAppRoutes(muse).filter((r) => r.path.startsWith('/api/playlists'));
    expect(routes.length).toBeGreaterThan(15);
    type Index = { routersFor(segment: string): number; stack: unknown[] };
    const layers = (muse as unknown as { router: { stack: Array<{ handle: Partial<Index> }> } }).router.stack;
    const index = layers.map((l) => l.handle).find((h): h is Index => typeof h.routersFor === 'function');
    if (!index) throw new Error('no /api router index in the app');
    const total = index.stack.length;
    expect(total).toBeGreaterThan(25);
    expect(index.routersFor('playlists')).toBeLessThan(8);
    expect(index.routersFor('albums')).toBeLessThan(10);
    // No router claims every path, so an unknown one goes straight to the 404.
    expect(index.routersFor('no-such-thing')).toBe(0);
  });
});
