import type { Knex } from 'knex';
import { createKnex, migrateLatest } from '../../db/knex';
import { createTestDatabase } from '../../testing/test-infra';
import { entries, entry, newPlaylist, ok, someone, titles } from '../playlist-contract-fixtures';
import { PostgresPlaylistRepository } from './postgres-playlists.repo';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let knex: Knex;
let lz4 = false;

beforeAll(async () => {
  db = await createTestDatabase('compression');
  knex = createKnex(db.url, 2);
  await migrateLatest(knex);
  const { rows } = await knex.raw<{ rows: { lz4: boolean }[] }>(
    `SELECT 'lz4' = ANY (enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`,
  );
  lz4 = Boolean(rows[0]?.lz4);
  if (!lz4) console.warn('skipped: this Postgres was built without lz4, so entries keep pglz (the migration leaves them)');
});

afterAll(async () => {
  await knex.destroy();
  await db.drop();
});

const compressionOf = async (id: string) =>
  (await knex.raw<{ rows: { c: string | null }[] }>('SELECT pg_column_compression(entries) AS c FROM doc_playlists WHERE id = ?', [id])).rows[0]?.c;

describe('playlist entries on the postgres adapter', () => {
  it('when a playlist is large enough to compress, then its entries are stored with lz4, and an append keeps them readable and lz4', async () => {
    if (!lz4) return;
    const playlists = new PostgresPlaylistRepository(knex, 10_000);
    const { doc } = await playlists.create(newPlaylist(someone(), { entries: entries(60) }));
    expect(await compressionOf(doc.id)).toBe('lz4');
    const written = ok(await playlists.addEntries(doc.id, [entry('ünïcode 🎵')]));
    expect(written.entryCount).toBe(61);
    expect(await compressionOf(doc.id)).toBe('lz4');
    expect(titles((await playlists.get(doc.id))!).slice(-2)).toEqual(['t59', 'ünïcode 🎵']);
  });
});
