import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'superagent';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerPerson } from '../../testing/factories';
import { parsePlaylistFile } from './parse-playlist-file';

const app = useTestApp();

function binary(res: Response, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

async function zipOf(client: TestClient): Promise<Record<string, string>> {
  const res = await client
    .get('/api/me/export')
    .buffer(true)
    .parse(binary as never);
  expect(res.status).toBe(200);
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(res.body as Buffer))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('the account export', () => {
  it('when a user owns playlists and lists, then the zip carries each as JSPF and CSV, and nobody else’s', async () => {
    const album = await makeAlbum(app.container.knex, { title: 'Homogenic', artist: 'Björk', tracks: [{ title: 'Jóga', durationMs: 305_000 }] });
    const mia = await registerPerson(app);
    const eve = await registerPerson(app);
    const create = async (client: TestClient, body: Record<string, unknown>) => (await client.post('/api/playlists', body)).body.id as string;
    const mix = await create(mia.client, { title: 'Sunday / Mix ✨', kind: 'playlist', visibility: 'private' });
    const list = await create(mia.client, { title: 'Top albums', kind: 'list', ranked: true });
    const theirs = await create(eve.client, { title: 'Eve’s secret', kind: 'playlist', visibility: 'public' });
    expect(
      (await mia.client.post(`/api/playlists/${mix}/entries`, { entries: [{ trackId: album.trackIds[0] }, { snapshot: { title: 'Demo' } }] })).status,
    ).toBe(201);
    expect((await mia.client.post(`/api/playlists/${list}/entries`, { albumId: album.id, note: 'The one' })).status).toBe(201);

    const files = await zipOf(mia.client);
    const playlistFiles = Object.keys(files)
      .filter((name) => name.startsWith('playlists/'))
      .sort();
    expect(playlistFiles).toEqual([
      `playlists/sunday-mix-${mix}.csv`,
      `playlists/sunday-mix-${mix}.jspf`,
      `playlists/top-albums-${list}.csv`,
      `playlists/top-albums-${list}.jspf`,
    ]);
    expect(Object.keys(files).some((name) => name.includes(theirs))).toBe(false);

    const mixBack = parsePlaylistFile(Buffer.from(files[`playlists/sunday-mix-${mix}.jspf`]!));
    expect(mixBack).toMatchObject({ format: 'jspf', title: 'Sunday / Mix ✨', kind: 'playlist' });
    expect(mixBack.rows.map((r) => [r.entry?.trackId, r.entry?.snapshot.title])).toEqual([
      [album.trackIds[0], 'Jóga'],
      [null, 'Demo'],
    ]);
    const listBack = parsePlaylistFile(Buffer.from(files[`playlists/top-albums-${list}.csv`]!), { filename: 'x.csv' });
    expect(listBack.rows.map((r) => [r.entry?.albumId, r.entry?.snapshot.title, r.entry?.note])).toEqual([[album.id, 'Homogenic', 'The one']]);
    expect(parsePlaylistFile(Buffer.from(files[`playlists/top-albums-${list}.jspf`]!))).toMatchObject({ kind: 'list', ranked: true });
  });
});
