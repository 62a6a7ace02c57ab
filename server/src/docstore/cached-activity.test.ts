import type { Knex } from 'knex';
import { createKnex, migrateLatest } from '../db/knex';
import { createTestDatabase } from '../testing/test-infra';
import { CachedActivityReads } from './cached-activity';
import type { Activity } from './document-store.port';
import { createPostgresDocumentStore } from './postgres/postgres-document-store.repo';

describe('activity reads cached by id', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let knex: Knex;
  beforeAll(async () => {
    db = await createTestDatabase('activity_cache');
    knex = createKnex(db.url, 4);
    await migrateLatest(knex);
  });
  afterAll(async () => {
    await knex.destroy();
    await db.drop();
  });

  const store = () => createPostgresDocumentStore(knex).activity;
  /** Removes documents behind the cache's back, so only a cache hit can still return them. */
  const deleteRows = (ids: string[]) => knex('doc_activity').whereIn('id', ids).delete();
  const append = (actorId: string, at: number) => store().append({ actorId, type: 'rated', createdAt: new Date(at), data: { n: at } });

  it('when documents were read once, then later reads answer from the cache, newest first, with hits and misses mixed', async () => {
    const reads = new CachedActivityReads(store());
    const t = Date.now() - 60_000;
    const [a, b, c] = [await append('1', t), await append('2', t + 1000), await append('3', t + 2000)];
    expect((await reads.getByIds([a.id, b.id])).map((x) => x.id)).toEqual([b.id, a.id]);
    await deleteRows([a.id, b.id]);
    const again = await reads.getByIds([a.id, c.id, b.id, 'not-a-uuid']);
    expect(again.map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect(again[2]).toEqual(a);
  });

  it('when an actor is deleted through it, then their cached documents go too and others stay', async () => {
    const reads = new CachedActivityReads(store());
    const t = Date.now() - 50_000;
    const [gone, kept] = [await append('10', t), await append('11', t + 1)];
    await reads.getByIds([gone.id, kept.id]);
    expect(await reads.deleteByActor('10')).toBe(1);
    await deleteRows([kept.id]);
    expect((await reads.getByIds([gone.id, kept.id])).map((x) => x.id)).toEqual([kept.id]);
  });

  it('when more documents are read than it holds, then the least recently read one is dropped first', async () => {
    const reads = new CachedActivityReads(store(), 2);
    const t = Date.now() - 40_000;
    const [a, b, c] = [await append('20', t), await append('21', t + 1), await append('22', t + 2)];
    await reads.getByIds([a.id]);
    await reads.getByIds([b.id]);
    await reads.getByIds([a.id]); // a is now the most recently read
    await reads.getByIds([c.id]); // b goes
    await deleteRows([a.id, b.id, c.id]);
    expect((await reads.getByIds([a.id, b.id, c.id])).map((x) => x.id)).toEqual([c.id, a.id]);
  });

  it('when a caller tries to change a cached document, then it throws instead of changing what others read', async () => {
    const reads = new CachedActivityReads(store());
    const a = await append('30', Date.now() - 30_000);
    const [read] = await reads.getByIds([a.id]);
    expect(() => {
      (read as { type: string }).type = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (read!.data as Activity['data']).n = 0;
    }).toThrow(TypeError);
    expect((await reads.getByIds([a.id]))[0]!.type).toBe('rated');
  });
});
