import type { Knex } from 'knex';
import { createKnex, migrateLatest } from '../../db/knex';
import { createTestDatabase } from '../../testing/test-infra';
import { entries, entry, newPlaylist, ok, someone, titles } from '../playlist-contract-fixtures';
import type { PlaylistRepository } from '../playlist-store.port';
import { LeadingEntriesCache } from './postgres-leading-entries';
import { PostgresPlaylistRepository } from './postgres-playlists.repo';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let knex: Knex;
let playlists: PlaylistRepository;
/** A second adapter on the same table, as another api process would have. */
let other: PlaylistRepository;

beforeAll(async () => {
  db = await createTestDatabase('leading');
  knex = createKnex(db.url, 4);
  await migrateLatest(knex);
  playlists = new PostgresPlaylistRepository(knex, 10_000);
  other = new PostgresPlaylistRepository(knex, 10_000);
});

afterAll(async () => {
  await knex.destroy();
  await db.drop();
});

const firstOf = async (repo: PlaylistRepository, ownerId: string, n: number) =>
  (await repo.list({ ownerIds: [ownerId] }, { sort: 'created', limit: 10, entries: n })).map(titles);

describe('lists with their first entries on the postgres adapter', () => {
  it('when a listed playlist is written, then the next list in any process shows its new first entries', async () => {
    const owner = someone();
    const { doc } = await playlists.create(newPlaylist(owner, { entries: entries(4) }));
    expect(await firstOf(playlists, owner, 2)).toEqual([['t0', 't1']]);
    expect(await firstOf(other, owner, 2)).toEqual([['t0', 't1']]);
    ok(await playlists.addEntries(doc.id, [entry('new')], 0));
    expect(await firstOf(playlists, owner, 2)).toEqual([['new', 't0']]);
    expect(await firstOf(other, owner, 2)).toEqual([['new', 't0']]);
    const moved = ok(await other.moveEntry(doc.id, doc.entries[3]!.id, 0));
    expect(await firstOf(playlists, owner, 3)).toEqual([['t3', 'new', 't0']]);
    ok(await playlists.removeEntry(doc.id, doc.entries[3]!.id, moved.version));
    expect(await firstOf(other, owner, 2)).toEqual([['new', 't0']]);
    ok(await playlists.updateEntry(doc.id, doc.entries[0]!.id, { note: 'noted' }));
    expect((await playlists.list({ ownerIds: [owner] }, { sort: 'created', limit: 10, entries: 2 }))[0]!.entries[1]!.note).toBe('noted');
  });

  it('when more entries are asked for than were kept, or the playlist is shorter than asked, then each list gets exactly what it asked', async () => {
    const owner = someone();
    await playlists.create(newPlaylist(owner, { entries: entries(6) }));
    await playlists.create(newPlaylist(owner, { entries: entries(2, 's') }));
    await playlists.create(newPlaylist(owner));
    expect(await firstOf(playlists, owner, 1)).toEqual([[], ['s0'], ['t0']]);
    expect(await firstOf(playlists, owner, 4)).toEqual([[], ['s0', 's1'], ['t0', 't1', 't2', 't3']]);
    expect(await firstOf(playlists, owner, 3)).toEqual([[], ['s0', 's1'], ['t0', 't1', 't2']]);
    expect(await firstOf(playlists, owner, 0)).toEqual([[], [], []]);
  });

  it('when a listed document is changed by the caller, then the next list is not', async () => {
    const owner = someone();
    await playlists.create(newPlaylist(owner, { entries: entries(3) }));
    const [listed] = await playlists.list({ ownerIds: [owner] }, { sort: 'created', limit: 1, entries: 2 });
    listed!.entries.pop();
    expect(() => {
      listed!.entries[0]!.note = 'changed';
    }).toThrow(TypeError);
    expect(await firstOf(playlists, owner, 2)).toEqual([['t0', 't1']]);
  });
});

describe('LeadingEntriesCache', () => {
  it('when a version or more entries than kept are asked for, then it has none; when the playlist had fewer, it has all', () => {
    const cache = new LeadingEntriesCache(10);
    cache.set('a', 2, entries(3), 3);
    expect(cache.get('a', 2, 2)!.map((e) => e.snapshot.title)).toEqual(['t0', 't1']);
    expect(cache.get('a', 3, 2)).toBeNull();
    expect(cache.get('a', 2, 4)).toBeNull();
    cache.set('b', 1, entries(2), 8);
    expect(cache.get('b', 1, 8)).toHaveLength(2);
  });

  it('when more documents than its capacity are kept, then the least recently listed go first', () => {
    const cache = new LeadingEntriesCache(2);
    cache.set('a', 1, entries(1), 1);
    cache.set('b', 1, entries(1), 1);
    expect(cache.get('a', 1, 1)).not.toBeNull();
    cache.set('c', 1, entries(1), 1);
    expect(cache.get('b', 1, 1)).toBeNull();
    expect(cache.get('a', 1, 1)).not.toBeNull();
    expect(cache.get('c', 1, 1)).not.toBeNull();
  });
});
