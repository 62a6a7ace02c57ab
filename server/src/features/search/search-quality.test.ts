import type { SearchResults } from '@muse/shared';
import type { Knex } from 'knex';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { makeAlbum, makeArtist, newUserInput, registerPerson, writeReview } from '../../testing/factories';
import { clockAhead } from '../../testing/clock-ahead';
import { SearchQuerySchema } from '@muse/shared';
import { MARKED_CATALOG_HITS_TTL_MS } from './catalog-hits.cache';
import { SearchRepo } from './search.repo';
import { SearchService } from './search.service';

let app: TestApp;
let knex: Knex;

async function albumTitles(q: string): Promise<string[]> {
  const res = await app.client().get('/api/search').query({ q, type: 'album' });
  expect(res.status).toBe(200);
  return (res.body as SearchResults).albums.map((a) => a.title);
}

beforeAll(async () => {
  app = await createTestApp({ env: { ADMIN_HANDLES: 'quality_admin' } });
  knex = app.container.knex;
});

afterAll(async () => {
  await app.close();
});

describe("search: albums found by their artists' own names", () => {
  let marta: { id: string; name: string };

  beforeAll(async () => {
    marta = await makeArtist(knex, 'Marta Kowalska');
    const other = await makeArtist(knex, 'Harbour Lights');
    await makeAlbum(knex, { title: 'Glass Harbour', artists: [{ ...marta, as: 'M. Kowal' }] });
    await makeAlbum(knex, { title: 'Glass Harbour', artists: [other] });
    await makeAlbum(knex, { title: 'Aurora', artists: [await makeArtist(knex, 'Nord Lys')] });
  });

  it('when an album credits its artist under another name, then "title artist" and "artist title" with the artist\'s own name find it', async () => {
    expect(await albumTitles('Glass Harbour Marta Kowalska')).toEqual(['Glass Harbour']);
    expect(await albumTitles('Marta Kowalska Glass Harbour')).toEqual(['Glass Harbour']);
    expect(await albumTitles('Glass Harbour M. Kowal')).toEqual(['Glass Harbour']);
  });

  it('when the artist is renamed, then the album is found by the new name and no longer by the old one', async () => {
    await knex('artists').where({ id: marta.id }).update({ name: 'Marta Nowak' });
    expect(await albumTitles('Glass Harbour Marta Nowak')).toEqual(['Glass Harbour']);
    expect(await albumTitles('Glass Harbour Kowalska')).toEqual([]);
  });

  it("when an album loses a credit, then once the kept answer expires that artist's name no longer finds it", async () => {
    const guest = await makeArtist(knex, 'Ilse Quartett');
    const { id } = await makeAlbum(knex, { title: 'Winter Rooms', artists: [marta, { ...guest, as: 'I.Q.' }] });
    expect(await albumTitles('Winter Rooms Ilse Quartett')).toEqual(['Winter Rooms']);
    await knex('album_artists').where({ album_id: id, artist_id: guest.id }).delete();
    // The same search asked again within the catalog answers' time to live is answered as kept.
    expect(await albumTitles('Winter Rooms Ilse Quartett')).toEqual(['Winter Rooms']);
    const clock = clockAhead();
    try {
      clock.advance(MARKED_CATALOG_HITS_TTL_MS + 1);
      expect(await albumTitles('Winter Rooms Ilse Quartett')).toEqual([]);
    } finally {
      clock.restore();
    }
  });

  it('when a name is typed with a hyphen the catalog lacks, then its parts still find the album', async () => {
    expect(await albumTitles('Nord-Lys Aurora')).toEqual(['Aurora']);
    expect(await albumTitles('Aurora Nord-Lsy')).toEqual(['Aurora']);
  });
});

describe('search: typos among many near words', () => {
  beforeAll(async () => {
    const band = await makeArtist(knex, 'Ferry Quintet');
    // Words one edit from "wan" that sort before "swan": a short alphabetical list of corrections misses it.
    await makeAlbum(knex, { title: 'Ban Can Fan', artists: [band] });
    await makeAlbum(knex, { title: 'Man Pan Ran', artists: [band] });
    await makeAlbum(knex, { title: 'Swan Lake', artists: [await makeArtist(knex, 'Pyotr Tchaikovsky')] });
    await makeAlbum(knex, { title: 'Blue Lake', artists: [band] });
    // "rook" is a word too, with neighbours that sort before "room".
    await makeAlbum(knex, { title: 'Rook Island', artists: [band] });
    await makeAlbum(knex, { title: 'Book Cook Hook', artists: [band] });
    await makeAlbum(knex, { title: 'Look Nook', artists: [band] });
    await makeAlbum(knex, { title: 'Paper Room', artists: [await makeArtist(knex, 'Ada Lind')] });
  });

  it('when the misspelt word has more near words than a few, then the one that goes with the other words is found', async () => {
    expect((await albumTitles('wan lake'))[0]).toBe('Swan Lake');
    expect((await albumTitles('wan lake tchaikovsky'))[0]).toBe('Swan Lake');
  });

  it('when the typo made another real word, then each word in turn is corrected with the others as typed', async () => {
    expect((await albumTitles('paper rook'))[0]).toBe('Paper Room');
    expect((await albumTitles('ada lind paper rook'))[0]).toBe('Paper Room');
  });
});

describe('search: kept answers and the people they found', () => {
  const find = async (q: string) => (await app.client().get('/api/search').query({ q }).expect(200)).body as SearchResults;

  it('when an account is suspended through a report, then the next search leaves it out at once though the same search’s catalog answer is kept', async () => {
    const person = await registerPerson(app, { displayName: 'Quillon Vesper' });
    const album = await makeAlbum(knex, { title: 'Quillon Vesper Live' });
    const before = await find('Quillon Vesper');
    expect(before.users.map((u) => u.id)).toEqual([person.id]);
    expect(before.albums.map((a) => a.title)).toEqual(['Quillon Vesper Live']);
    await knex('albums').where({ id: album.id }).update({ title: 'Renamed' });
    // Written straight to the table, past every service that says people changed: not seen.
    await knex('users').where({ id: person.id }).update({ display_name: 'Quillon Vesper Unseen' });
    // Asked again at once, the whole answer is the kept one.
    expect(await find('Quillon Vesper')).toEqual(before);
    await knex('users').where({ id: person.id }).update({ display_name: 'Quillon Vesper' });

    const reviewId = await writeReview(person, album.id, 'Quillon Vesper reviews himself');
    const reporter = await registerPerson(app);
    const report = await reporter.client.post('/api/reports', { targetType: 'review', targetId: reviewId, reason: 'Spam' });
    expect(report.status).toBe(201);
    const admin = await registerPerson(app, { handle: 'quality_admin' });
    expect((await admin.client.post(`/api/admin/reports/${report.body.id}/resolve`, { action: 'suspend_author' })).status).toBe(200);
    const after = await find('Quillon Vesper');
    expect(after.users).toEqual([]);
    // The catalog part is the kept one until it expires (MARKED_CATALOG_HITS_TTL_MS).
    expect(after.albums.map((a) => a.title)).toEqual(['Quillon Vesper Live']);

    // Lifting the suspension brings the account back to the next search.
    expect((await admin.client.post(`/api/admin/users/${person.id}/unsuspend`, {})).status).toBeLessThan(300);
    expect((await find('Quillon Vesper')).users.map((u) => u.id)).toEqual([person.id]);
  });

  it('when an account is made, renamed or deleted, then the next search says so at once', async () => {
    const q = 'Marisol Quenby';
    expect((await find(q)).users).toEqual([]);
    const person = await registerPerson(app, { displayName: 'Marisol Quenby' });
    expect((await find(q)).users.map((u) => u.displayName)).toEqual(['Marisol Quenby']);
    expect((await person.client.send('patch', '/api/me/profile', { displayName: 'Marisol Quenby-Hart' })).status).toBe(200);
    expect((await find(q)).users.map((u) => u.displayName)).toEqual(['Marisol Quenby-Hart']);
    expect((await person.client.delete('/api/me', { password: newUserInput().password })).status).toBeLessThan(300);
    expect((await find(q)).users).toEqual([]);
  });

  it('when a kept answer outlives the catalog answers’ time to live, then it is read again', async () => {
    const album = await makeAlbum(knex, { title: 'Tamsin Orrery' });
    expect((await find('Tamsin Orrery')).albums.map((a) => a.title)).toEqual(['Tamsin Orrery']);
    await knex('albums').where({ id: album.id }).update({ title: 'Elsewhere' });
    expect((await find('Tamsin Orrery')).albums.map((a) => a.title)).toEqual(['Tamsin Orrery']);
    const clock = clockAhead();
    try {
      clock.advance(MARKED_CATALOG_HITS_TTL_MS + 1);
      expect((await find('Tamsin Orrery')).albums).toEqual([]);
    } finally {
      clock.restore();
    }
  });
});

describe('search: the bound on kept answers', () => {
  it('when answers past the byte bound are asked, then the least recently asked is read again and the rest stay kept', async () => {
    const names = ['Ulric Brannagh', 'Veda Corrin', 'Wystan Deller'];
    const people = [];
    for (const displayName of names) people.push(await registerPerson(app, { displayName }));
    const service = (keptAnswerBytes?: number) =>
      new SearchService({
        repo: new SearchRepo(knex),
        priorMean: async () => 3,
        playlists: async () => [],
        versions: { current: async () => ({ people: '1', catalog: '1' }) },
        keptAnswerBytes,
      });
    const textOf = async (search: SearchService, q: string) => String((await search.answer(SearchQuerySchema.parse({ q }))).text);
    const sizing = service();
    const size = Math.max(...(await Promise.all(names.map((q) => textOf(sizing, q)))).map((text) => text.length));
    // Room for two answers of this size (and their keys).
    const bounded = service(2 * (size + 100));
    const shown = async (q: string) => (JSON.parse(await textOf(bounded, q)) as SearchResults).users.map((u) => u.displayName);
    for (const q of names) expect(await shown(q)).toEqual([q]);
    // Renamed straight in the table: a kept answer still shows the old name, one read again the new.
    for (const person of people)
      await knex('users')
        .where({ id: person.id })
        .update({ display_name: knex.raw("display_name || ' Jr'") });
    expect(await shown(names[2]!)).toEqual([names[2]]);
    expect(await shown(names[1]!)).toEqual([names[1]]);
    expect(await shown(names[0]!)).toEqual([`${names[0]} Jr`]);
  });
});
