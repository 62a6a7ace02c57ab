import fs from 'node:fs';
import path from 'node:path';
import type { ImportStatus, ImportView } from '@muse/shared';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';

let app: TestApp;
const albums: Record<string, string> = {};
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

beforeAll(async () => {
  app = await createTestApp({ worker: true });
  const { knex } = app.container;
  albums.homogenic = (await makeAlbum(knex, { title: 'Homogenic', artist: 'Björk', year: 1997 })).id;
  albums.agaetis = (await makeAlbum(knex, { title: 'Ágætis byrjun', artist: 'Sigur Rós', year: 1999 })).id;
  albums.abbey = (await makeAlbum(knex, { title: 'Abbey Road', artist: 'The Beatles', year: 1969 })).id;
  albums.okc = (await makeAlbum(knex, { title: 'OK Computer', artist: 'Radiohead', year: 1997 })).id;
  albums.kida = (await makeAlbum(knex, { title: 'Kid A', artist: 'Radiohead', year: 2000 })).id;
  albums.discovery = (await makeAlbum(knex, { title: 'Discovery', artist: 'Daft Punk', year: 2001 })).id;
  albums.homogenicLive = (await makeAlbum(knex, { title: 'Homogenic (Live)', artist: 'Björk', year: 1998 })).id;
});
afterAll(async () => {
  await app.close();
});

async function waitForStatus(client: TestClient, id: string, wanted: ImportStatus[]): Promise<ImportView> {
  return waitFor(`import ${id} to reach ${wanted.join('/')}`, async () => {
    const res = await client.get(`/api/imports/${id}`).expect(200);
    return wanted.includes(res.body.status) ? (res.body as ImportView) : undefined;
  });
}

async function upload(client: TestClient, source: 'letterboxd' | 'rym', csv: string): Promise<ImportView> {
  const res = await client.post('/api/imports', { source, csv });
  expect(res.status).toBe(202);
  expect(res.body).toMatchObject({ source, status: 'parsing', rows: [] });
  return waitForStatus(client, res.body.id, ['ready', 'failed']);
}

const summary = (view: ImportView) => view.rows.map((r) => [r.line, r.status, r.match?.id ?? null]);

describe('reading a Letterboxd diary CSV', () => {
  it('when the file has a BOM, CRLF, a quoted multi-line review and broken rows, then each row is matched, unmatched or invalid with a reason', async () => {
    const { client } = await registerUser(app);
    const view = await upload(client, 'letterboxd', fixture('letterboxd-diary.csv'));
    expect(view).toMatchObject({ status: 'ready', total: 11, processed: 11, matched: 5, unmatched: 2, invalid: 4, applied: 0, error: null });
    expect(summary(view)).toEqual([
      [2, 'matched', albums.homogenic],
      [4, 'matched', albums.agaetis],
      [5, 'matched', albums.agaetis],
      [6, 'matched', albums.abbey],
      [7, 'invalid', null],
      [8, 'invalid', null],
      [9, 'invalid', null],
      [10, 'invalid', null],
      [11, 'unmatched', null],
      [12, 'unmatched', null],
      [13, 'matched', albums.discovery],
    ]);
    const byLine = new Map(view.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({
      artist: 'bjork',
      title: 'Homogenic',
      year: 1997,
      rating: 4.5,
      listenedOn: '2024-01-05',
      hasReview: true,
      isRelisten: false,
    });
    expect(byLine.get(2)!.match).toMatchObject({ title: 'Homogenic', artistCredit: 'Björk', releaseYear: 1997 });
    expect(byLine.get(5)).toMatchObject({ isRelisten: true, rating: 4 });
    expect(byLine.get(7)!.reason).toMatch(/title \(Name\) is missing/);
    expect(byLine.get(8)!.reason).toBe('Rating "abc" is not a number.');
    expect(byLine.get(9)!.reason).toBe('Rating 7 is out of range: use 0.5 to 5 stars.');
    expect(byLine.get(10)!.reason).toMatch(/^Date "2024-13-45"/);
    expect(byLine.get(11)!.reason).toBe('No album “Unknown Album” by Nobody in the catalog.');
    expect(byLine.get(12)!.reason).toBe('“OK Computer” by Radiohead is in the catalog, but from 1997, not 2005.');
    expect(byLine.get(13)).toMatchObject({ listenedOn: null, rating: 4 });
  });

  it('when there is no Artist column, then Name is read as "Artist - Title", and a Name without a dash is invalid', async () => {
    const { client } = await registerUser(app);
    const csv = 'Date,Name,Year,Rating\n2024-05-01,Radiohead - Kid A,2000,5\n2024-05-02,Kid A,2000,5\n2024-05-03,The Beatles - Abbey Road - Remastered,,4\n';
    const view = await upload(client, 'letterboxd', csv);
    expect(view.rows.map((r) => [r.artist, r.title, r.status])).toEqual([
      ['Radiohead', 'Kid A', 'matched'],
      ['', 'Kid A', 'invalid'],
      ['The Beatles', 'Abbey Road - Remastered', 'matched'],
    ]);
    expect(view.rows[1]!.reason).toMatch(/add an Artist column/);
  });

  it('when the Artist column is empty on a row, then that row’s Name is read as "Artist - Title"', async () => {
    const { client } = await registerUser(app);
    const csv = 'Date,Name,Artist,Rating\n2024-05-01,Radiohead - Kid A,,5\n2024-05-02,Kid A,Radiohead,4\n2024-05-03,Kid A,,4\n';
    const view = await upload(client, 'letterboxd', csv);
    expect(view.rows.map((r) => [r.artist, r.title, r.status])).toEqual([
      ['Radiohead', 'Kid A', 'matched'],
      ['Radiohead', 'Kid A', 'matched'],
      ['', 'Kid A', 'invalid'],
    ]);
    expect(view.rows[2]!.reason).toMatch(/fill in its Artist or write Name as "Artist - Title"/);
  });

  it('when the catalog has a studio and a live album of one title, then each row matches the version it names', async () => {
    const { client } = await registerUser(app);
    const csv = 'Name,Artist,Rating\nHomogenic (Live),Björk,4\nHomogenic - Live,Bjork,4\nHomogenic,BJÖRK,4\nHomogenic (Remastered),Björk,4\n';
    const view = await upload(client, 'letterboxd', csv);
    expect(view.rows.map((r) => r.match?.id)).toEqual([albums.homogenicLive, albums.homogenicLive, albums.homogenic, albums.homogenic]);
  });

  it('when a quote is never closed, then the rows before it are kept and the broken rest is one invalid row', async () => {
    const { client } = await registerUser(app);
    const csv = 'Name,Artist,Rating,Review\nKid A,Radiohead,4,"fine"\nOK Computer,Radiohead,5,"never closed\nDiscovery,Daft Punk,4,\n';
    const view = await upload(client, 'letterboxd', csv);
    expect(view.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'matched'],
      [3, 'invalid'],
    ]);
    expect(view.rows[1]!.reason).toMatch(/quote .* never closed/);
  });

  it('when a review is over 10,000 characters, then only that row is invalid', async () => {
    const { client } = await registerUser(app);
    const csv = `Name,Artist,Rating,Review\nKid A,Radiohead,4,"${'x'.repeat(10_001)}"\nDiscovery,Daft Punk,4,"${'y'.repeat(10_000)}"\n`;
    const view = await upload(client, 'letterboxd', csv);
    expect(view.rows.map((r) => [r.status, r.hasReview])).toEqual([
      ['invalid', false],
      ['matched', true],
    ]);
    expect(view.rows[0]!.reason).toMatch(/longer than 10,000/);
  });

  it('when the file has a header but only blank rows, then the import fails with a message', async () => {
    const { client } = await registerUser(app);
    const view = await upload(client, 'letterboxd', 'Name,Artist,Rating\n,,\n\n');
    expect(view).toMatchObject({ status: 'failed', error: 'The file has a header but no rows.', rows: [] });
  });
});

describe('reading a Rate Your Music export', () => {
  it('when ratings are 1–10, names are split and one artist is only known by a localized name, then rows are read and matched', async () => {
    const { client } = await registerUser(app);
    const view = await upload(client, 'rym', fixture('rym-export.csv'));
    expect(view).toMatchObject({ status: 'ready', total: 8, matched: 3, unmatched: 1, invalid: 4 });
    expect(view.rows.map((r) => [r.line, r.artist, r.title, r.rating, r.status, r.match?.id ?? null])).toEqual([
      [2, 'Björk', 'Homogenic', 4.5, 'matched', albums.homogenic],
      [3, 'The Beatles', 'Abbey Road', 5, 'matched', albums.abbey],
      [5, 'Radiohead', 'OK Computer', null, 'invalid', null],
      [6, 'Radiohead', 'Kid A', null, 'invalid', null],
      [7, 'Radiohead', '', 4, 'invalid', null],
      [8, 'シガー・ロス', 'Ágætis byrjun', 4, 'matched', albums.agaetis],
      [9, 'Nobody', 'Nothing', 3, 'unmatched', null],
      [10, 'Daft Punk', 'Discovery', null, 'invalid', null],
    ]);
    const reasons = new Map(view.rows.map((r) => [r.line, r.reason]));
    expect(reasons.get(5)).toBe('Nothing to import: no rating, date or review.');
    expect(reasons.get(6)).toBe('Rating 11 is out of range: use 1 to 10 (0 means not rated).');
    expect(reasons.get(7)).toBe('The title is missing.');
    expect(reasons.get(10)).toBe('Rating "x" is not a whole number from 0 to 10.');
    expect(view.rows.find((r) => r.line === 3)).toMatchObject({ hasReview: true, listenedOn: null, year: 1969 });
  });
});

describe('uploading', () => {
  it('when the header belongs to the other source, then it answers 400 naming the missing columns and nothing is stored', async () => {
    const { client } = await registerUser(app);
    const res = await client.post('/api/imports', { source: 'letterboxd', csv: fixture('rym-export.csv') });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('import_columns_missing');
    expect(res.body.detail).toMatch(/Letterboxd CSV: the header has no Name column/);
    expect((await client.get('/api/imports').expect(200)).body.items).toEqual([]);
  });

  it.each([
    [{ source: 'spotify', csv: 'Name\nx' }, 'source'],
    [{ source: 'rym', csv: '' }, 'csv'],
    [{ source: 'rym', csv: 42 }, 'csv'],
    [{ source: 'rym' }, 'csv'],
  ])('when the body is %j, then it answers 400 naming %s', async (body, field) => {
    const { client } = await registerUser(app);
    const res = await client.post('/api/imports', body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('when the CSV is 5 MB, then it is accepted; over 5 MB of UTF-8 it answers 400; and other routes keep their small body limit', async () => {
    const { client } = await registerUser(app);
    const row = 'Kid A,Radiohead,4,"a ""quoted"", long review"\n';
    const header = 'Name,Artist,Rating,Review\n';
    const big = header + row.repeat(Math.floor((5 * 1024 * 1024 - header.length) / row.length));
    expect((await client.post('/api/imports', { source: 'letterboxd', csv: big })).status).toBe(202);
    const tooBig = `${header}${'é'.repeat(2_700_000)}`;
    const res = await client.post('/api/imports', { source: 'letterboxd', csv: tooBig });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'csv', message: 'The file is larger than 5 MB' }]);
    const login = await client.post('/api/auth/login', { identifier: 'x', password: 'y'.repeat(200_000) });
    expect(login.status).toBe(413);
  });

  it('when signed out, then uploading and listing answer 401', async () => {
    const anon = app.client();
    expect((await anon.post('/api/imports', { source: 'rym', csv: 'x' })).status).toBe(401);
    expect((await anon.get('/api/imports')).status).toBe(401);
  });

  it('when signed out with a large body, then it is refused by the small limit without being read as an import', async () => {
    const res = await app.client().post('/api/imports', { source: 'rym', csv: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
  });
});

describe('who may see an import', () => {
  it('when another user asks for or confirms my import, then it answers 404 and my import is untouched', async () => {
    const me = await registerUser(app);
    const other = await registerUser(app);
    const view = await upload(me.client, 'letterboxd', 'Name,Artist,Rating\nKid A,Radiohead,4\n');
    expect((await other.client.get(`/api/imports/${view.id}`)).status).toBe(404);
    expect((await other.client.post(`/api/imports/${view.id}/confirm`, {})).status).toBe(404);
    expect((await other.client.get('/api/imports').expect(200)).body.items).toEqual([]);
    expect((await me.client.get(`/api/imports/${view.id}`).expect(200)).body.status).toBe('ready');
    expect((await me.client.get('/api/imports').expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([view.id]);
  });

  it.each([['abc'], ['0'], ['99999999999999999999']])('when the id is %s, then it answers 400', async (id) => {
    const { client } = await registerUser(app);
    expect((await client.get(`/api/imports/${id}`)).status).toBe(400);
  });
});
