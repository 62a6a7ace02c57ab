import { LISTEN_LATER_MAX, type ListenLaterItem, type Page } from '@muse/shared';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { makeAlbum, registerUser } from '../../testing/factories';

const app = useTestApp({ env: { ADMIN_HANDLES: 'queue_admin' } });
const knex = () => app.container.knex;

const queue = (client: TestClient, albumId: string, body?: unknown) => client.send('put', `/api/me/listen-later/${albumId}`, body);
const page = async (client: TestClient, query = ''): Promise<Page<ListenLaterItem>> =>
  (await client.get(`/api/me/listen-later${query}`).expect(200)).body as Page<ListenLaterItem>;
const titles = (p: Page<ListenLaterItem>) => p.items.map((i) => i.album.title);
const stored = async (userId: string) => (await knex()('listen_later').where({ user_id: userId }).orderBy('album_id')).map((r) => String(r.album_id));

/** Every item of a list, page by page, as a client would read it. */
async function readAll(client: TestClient, sort: string, limit: number): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const next: Page<ListenLaterItem> = await page(client, `?sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...titles(next));
    cursor = next.nextCursor;
  } while (cursor);
  return out;
}

describe('PUT /api/me/listen-later/:albumId', () => {
  it('when signed out or without the CSRF header, then nothing is queued', async () => {
    const album = await makeAlbum(knex());
    const anon = app.client();
    expect((await anon.get('/api/me/listen-later')).status).toBe(401);
    expect((await anon.get('/api/me/listen-later/ids')).status).toBe(401);
    expect((await queue(anon, album.id)).status).toBe(401);
    const { client, session } = await registerUser(app);
    const bare = await client.agent.put(`/api/me/listen-later/${album.id}`).send({});
    expect(bare.status).toBe(403);
    expect(bare.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await stored(session.user.id)).toEqual([]);
  });

  it('when an album is queued twice, then it is stored once: 201 with the album card, then 200', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex(), { title: 'Vespertine', artist: 'Björk', releaseDate: '2001-08-27', genres: ['Electronic'] });
    const first = await queue(client, album.id);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      album: { id: album.id, title: 'Vespertine', artistCredit: 'Björk', releaseYear: 2001, type: 'album', coverUrl: null, genres: ['Electronic'] },
      addedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      keep: false,
    });
    // No body at all is an add without `keep`, as a one-click button sends it.
    const again = await client.agent.put(`/api/me/listen-later/${album.id}`).set('x-csrf-token', client.csrfToken!);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await stored(session.user.id)).toEqual([album.id]);
  });

  it('when queued again with keep, then only the flag changes; without keep the flag stays', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const added = await queue(client, album.id, { keep: true });
    expect(added.body.keep).toBe(true);
    const repeat = await queue(client, album.id, {});
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(added.body);
    const cleared = await queue(client, album.id, { keep: false });
    expect(cleared.body).toEqual({ ...added.body, keep: false });
  });

  it('when the album is unknown, the id malformed or the body wrong, then it answers 404 or 400 and stores nothing', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    const missing = await queue(client, '987654321');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'not_found' });
    for (const id of ['0', '-1', 'abc', '1.5', '99999999999999999999', encodeURIComponent('🎸'), '%20']) {
      expect([id, (await queue(client, id)).status]).toEqual([id, 400]);
    }
    for (const body of [{ keep: 'yes' }, { keep: 1 }, { keep: null }, { albumId: album.id }, { keep: true, extra: 'x' }, [], [{ keep: true }]]) {
      const res = await queue(client, album.id, body);
      expect([body, res.status, res.body.code]).toEqual([body, 400, 'validation_failed']);
    }
    expect(await stored(session.user.id)).toEqual([]);
  });
});

describe('GET /api/me/listen-later', () => {
  it('when sorted by added, then the latest added comes first and pages continue without gaps or repeats', async () => {
    const { client, session } = await registerUser(app);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await makeAlbum(knex(), { title: `Added ${i}` })).id);
    for (const id of ids) expect((await queue(client, id)).status).toBe(201);
    // Two albums added in the same instant still page apart, by album id.
    await knex()('listen_later')
      .where({ user_id: session.user.id })
      .whereIn('album_id', [ids[2]!, ids[3]!])
      .update({ added_at: new Date('2026-01-01T00:00:00Z') });
    const all = titles(await page(client));
    expect(all).toEqual(['Added 6', 'Added 5', 'Added 4', 'Added 1', 'Added 0', 'Added 3', 'Added 2']);
    expect(await readAll(client, 'added', 2)).toEqual(all);
    expect(await readAll(client, 'added', 1)).toEqual(all);
  });

  it('when sorted by release, then the newest release comes first, undated albums last, and paging is stable', async () => {
    const { client } = await registerUser(app);
    const specs = [
      { title: 'Nineties', releaseDate: '1997-05-21' },
      { title: 'Undated', releaseDate: null, year: null },
      { title: 'Year only', year: 2005 },
      { title: 'New', releaseDate: '2024-03-01' },
      { title: 'Same day A', releaseDate: '2010-10-10' },
      { title: 'Same day B', releaseDate: '2010-10-10' },
      { title: 'Sixties', releaseDate: '1967-06-01' },
    ];
    const made = [];
    for (const spec of specs) made.push({ ...spec, id: (await makeAlbum(knex(), spec)).id });
    for (const album of made) await queue(client, album.id);
    const sameDay = made.filter((a) => a.title.startsWith('Same day')).sort((a, b) => Number(b.id) - Number(a.id));
    const expected = ['New', ...sameDay.map((a) => a.title), 'Year only', 'Nineties', 'Sixties', 'Undated'];
    expect(titles(await page(client, '?sort=release'))).toEqual(expected);
    expect(await readAll(client, 'release', 2)).toEqual(expected);
    expect(await readAll(client, 'release', 3)).toEqual(expected);
  });

  it('when the query is bad or a cursor belongs to the other order, then it answers 400', async () => {
    const { client } = await registerUser(app);
    for (const id of [(await makeAlbum(knex())).id, (await makeAlbum(knex())).id]) await queue(client, id);
    const added = await page(client, '?limit=1');
    expect(added.nextCursor).not.toBeNull();
    const crossed = await client.get(`/api/me/listen-later?sort=release&cursor=${encodeURIComponent(added.nextCursor!)}`);
    expect(crossed.status).toBe(400);
    expect(crossed.body.code).toBe('invalid_cursor');
    for (const query of ['sort=popular', 'sort=', 'limit=0', 'limit=101', 'limit=abc', 'cursor=not-a-cursor', `cursor=${'x'.repeat(201)}`]) {
      const res = await client.get(`/api/me/listen-later?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('when the queue is empty, then the page is empty and the index lists nothing', async () => {
    const { client } = await registerUser(app);
    expect(await page(client)).toEqual({ items: [], nextCursor: null });
    expect((await client.get('/api/me/listen-later/ids').expect(200)).body).toEqual({ albumIds: [], keptAlbumIds: [] });
  });
});

describe('GET /api/me/listen-later/ids', () => {
  it('when albums are queued, some kept, then the index lists every id (latest first) and the kept ones', async () => {
    const { client } = await registerUser(app);
    const [a, b, c] = [await makeAlbum(knex()), await makeAlbum(knex()), await makeAlbum(knex())];
    await queue(client, a.id);
    await queue(client, b.id, { keep: true });
    await queue(client, c.id);
    const res = await client.get('/api/me/listen-later/ids').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ albumIds: [c.id, b.id, a.id], keptAlbumIds: [b.id] });
  });
});

describe('PATCH and DELETE /api/me/listen-later/:albumId', () => {
  it('when keep is set on a queued album, then the item says so; an album not queued is 404', async () => {
    const { client } = await registerUser(app);
    const album = await makeAlbum(knex());
    const other = await makeAlbum(knex());
    await queue(client, album.id);
    const kept = await client.send('patch', `/api/me/listen-later/${album.id}`, { keep: true });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ album: { id: album.id }, keep: true });
    expect((await page(client)).items[0]!.keep).toBe(true);
    const notQueued = await client.send('patch', `/api/me/listen-later/${other.id}`, { keep: true });
    expect(notQueued.status).toBe(404);
    expect(notQueued.body.code).toBe('not_found');
    for (const body of [{}, { keep: 'true' }, { keep: true, note: 'x' }]) {
      expect((await client.send('patch', `/api/me/listen-later/${album.id}`, body)).status).toBe(400);
    }
  });

  it('when an album is removed, twice, then both answer 204 and it is gone; removing one never queued is 204 too', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    await queue(client, album.id);
    expect((await client.delete(`/api/me/listen-later/${album.id}`)).status).toBe(204);
    expect((await client.delete(`/api/me/listen-later/${album.id}`)).status).toBe(204);
    expect((await client.delete('/api/me/listen-later/987654321')).status).toBe(204);
    expect((await client.delete('/api/me/listen-later/abc')).status).toBe(400);
    expect(await stored(session.user.id)).toEqual([]);
  });
});

describe('privacy', () => {
  it('when one user queues albums, then no one else, administrators included, sees or changes them', async () => {
    const owner = await registerUser(app);
    const other = await registerUser(app);
    const admin = await registerUser(app, { handle: 'queue_admin' });
    expect(admin.session.user.role).toBe('admin');
    const secret = await makeAlbum(knex(), { title: 'A very secret record' });
    await queue(owner.client, secret.id, { keep: true });

    for (const viewer of [other, admin]) {
      expect(await page(viewer.client)).toEqual({ items: [], nextCursor: null });
      expect((await viewer.client.get('/api/me/listen-later/ids')).body).toEqual({ albumIds: [], keptAlbumIds: [] });
      // Acting on the same album touches only the viewer's own queue.
      expect((await viewer.client.send('patch', `/api/me/listen-later/${secret.id}`, { keep: false })).status).toBe(404);
      expect((await viewer.client.delete(`/api/me/listen-later/${secret.id}`)).status).toBe(204);
      const profile = await viewer.client.get(`/api/users/${owner.session.user.handle}`).expect(200);
      expect(JSON.stringify(profile.body)).not.toContain('A very secret record');
    }
    expect((await page(owner.client)).items).toEqual([expect.objectContaining({ album: expect.objectContaining({ id: secret.id }), keep: true })]);
  });

  it('when the account is deleted, then its queue goes with it', async () => {
    const { client, session, input } = await registerUser(app);
    await queue(client, (await makeAlbum(knex())).id);
    expect(await stored(session.user.id)).toHaveLength(1);
    expect((await client.delete('/api/me', { password: input.password })).status).toBe(204);
    expect(await stored(session.user.id)).toEqual([]);
  });

  it('when a queued album leaves the catalog, then it leaves the queue', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    await queue(client, album.id);
    await knex()('albums').where({ id: album.id }).delete();
    expect(await stored(session.user.id)).toEqual([]);
    expect(await page(client)).toEqual({ items: [], nextCursor: null });
  });
});

describe('the limit', () => {
  /** Fills a user's queue to `count` albums straight in the tables (far cheaper than the API). */
  async function fillQueue(userId: string, count: number): Promise<void> {
    await knex().raw(
      `WITH made AS (
         INSERT INTO albums (title, artist_credit, genres, styles)
         SELECT 'Filler ' || g, 'Filler artist', '{}', '{}' FROM generate_series(1, ?) g RETURNING id)
       INSERT INTO listen_later (user_id, album_id) SELECT ?, id FROM made`,
      [count, userId],
    );
  }

  it(`when ${LISTEN_LATER_MAX.toLocaleString('en')} albums are queued, then one more is a 409 with a clear message, and re-adding a queued one still works`, async () => {
    const { client, session } = await registerUser(app);
    const queued = await makeAlbum(knex());
    await queue(client, queued.id);
    await fillQueue(session.user.id, LISTEN_LATER_MAX - 1);
    const extra = await makeAlbum(knex());
    const refused = await queue(client, extra.id);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'listen_later_full', detail: expect.stringContaining('5,000') });
    expect((await queue(client, queued.id, { keep: true })).status).toBe(200);
    expect((await knex()('listen_later').where({ user_id: session.user.id }).count('* as n'))[0]).toEqual({ n: String(LISTEN_LATER_MAX) });
    // Making room lets the next one in.
    await client.delete(`/api/me/listen-later/${queued.id}`);
    expect((await queue(client, extra.id)).status).toBe(201);
  });

  it('when two albums are added at once to a queue one short of the limit, then exactly one gets in', async () => {
    const { client, session } = await registerUser(app);
    await fillQueue(session.user.id, LISTEN_LATER_MAX - 1);
    const [a, b] = [await makeAlbum(knex()), await makeAlbum(knex())];
    await client.ensureCsrf();
    const answers = await Promise.all([queue(client, a.id), queue(client, b.id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await knex()('listen_later').where({ user_id: session.user.id }).count('* as n'))[0]).toEqual({ n: String(LISTEN_LATER_MAX) });
  });
});
