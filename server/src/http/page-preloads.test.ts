import fs from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { pagePreloads } from './page-preloads';
import { serveWebApp } from './web-app';

const MANIFEST = {
  'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_react-1.js', '_app-1.js'] },
  '_react-1.js': { file: 'assets/react-1.js' },
  '_app-1.js': { file: 'assets/app-1.js', imports: ['_react-1.js'], css: ['assets/app-1.css'] },
  '_common-1.js': { file: 'assets/common-1.js', imports: ['_app-1.js', '_schemas-1.js'] },
  '_schemas-1.js': { file: 'assets/schemas-1.js' },
  'src/app/routes/album-route.tsx': { file: 'assets/album.js', imports: ['_common-1.js', '_react-1.js'], css: ['assets/album.css'] },
  'src/app/routes/playlist-route.tsx': { file: 'assets/playlist.js', imports: ['_common-1.js'] },
  'src/app/routes/profile-route.tsx': { file: 'assets/profile.js', imports: ['_common-1.js'] },
};

let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'muse-preloads-'));
  await mkdir(path.join(dist, '.vite'));
  await writeFile(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Muse</title>');
});
afterAll(() => rm(dist, { recursive: true, force: true }));

const none = new URLSearchParams();
const links = (header: string | null) => (header ?? '').split(', ').filter(Boolean);

describe('pagePreloads', () => {
  it('when an album page is asked for, then its chunks the first download lacks and its data are preloaded, nothing index.html loads already', () => {
    const preloads = pagePreloads(dist);
    expect(links(preloads('/albums/42', none))).toEqual([
      '</assets/album.js>; rel=modulepreload; crossorigin',
      '</assets/album.css>; rel=preload; as=style; crossorigin',
      '</assets/common-1.js>; rel=modulepreload; crossorigin',
      '</assets/schemas-1.js>; rel=modulepreload; crossorigin',
      '</api/albums/42>; rel=preload; as=fetch; crossorigin',
    ]);
  });

  it('when a link-only playlist is opened with its token, then only its code is preloaded (the page asks for the data in its own encoding of the token)', () => {
    const preloads = pagePreloads(dist);
    const id = '018e45a5-e3f1-723e-a9ed-0ce11d7c1f16';
    expect(links(preloads(`/playlists/${id}`, none))).toContain(`</api/playlists/${id}>; rel=preload; as=fetch; crossorigin`);
    const withToken = links(preloads(`/playlists/${id}`, new URLSearchParams('token=abc')));
    expect(withToken).toContain('</assets/playlist.js>; rel=modulepreload; crossorigin');
    expect(withToken.some((l) => l.includes('/api/'))).toBe(false);
  });

  it('when the path is another page, a malformed id or a handle with other characters, then nothing is preloaded', () => {
    const preloads = pagePreloads(dist);
    for (const p of ['/', '/home', '/albums/0', '/albums/1/extra', '/albums/abc', '/users/a%20b', '/users/<x>', '/playlists/not-an-id']) {
      expect(preloads(p, none)).toBeNull();
    }
    expect(links(preloads('/users/nuno_39', none))).toContain('</api/users/nuno_39>; rel=preload; as=fetch; crossorigin');
  });

  it('when the build has no manifest, then nothing is preloaded; when a page module is missing from it, then it says which', async () => {
    const bare = await mkdtemp(path.join(tmpdir(), 'muse-preloads-bare-'));
    try {
      expect(pagePreloads(bare)('/albums/1', none)).toBeNull();
      await mkdir(path.join(bare, '.vite'));
      const { ['src/app/routes/profile-route.tsx']: _gone, ...rest } = MANIFEST;
      await writeFile(path.join(bare, '.vite', 'manifest.json'), JSON.stringify(rest));
      expect(() => pagePreloads(bare)).toThrow(/profile-route\.tsx/);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });

  it('when the web app serves an album page, then the Link header comes with index.html; an asset gets none', async () => {
    const app = express().use(serveWebApp(dist));
    const page = await request(app).get('/albums/7');
    expect(page.status).toBe(200);
    expect(page.headers['link']).toContain('</api/albums/7>; rel=preload; as=fetch; crossorigin');
    expect((await request(app).get('/home')).headers['link']).toBeUndefined();
  });
});

// The real build (when `npm test` built it): every page the server preloads is a chunk of it.
const realDist = path.resolve(__dirname, '../../../web/dist');
const built = fs.existsSync(path.join(realDist, '.vite', 'manifest.json'));
(built ? describe : describe.skip)('pagePreloads over the web build', () => {
  if (!built) console.warn('page preloads over web/dist skipped: web/dist has no build; run `npm run build -w web` first');
  it('when the server reads web/dist, then each preloaded page names its route chunk', () => {
    const preloads = pagePreloads(realDist);
    for (const p of ['/albums/1', '/playlists/018e45a5-e3f1-723e-a9ed-0ce11d7c1f16', '/users/someone']) {
      expect(links(preloads(p, none)).some((l) => /rel=modulepreload/.test(l))).toBe(true);
    }
  });
});
