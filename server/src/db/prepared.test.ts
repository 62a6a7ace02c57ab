import { createKnex } from './knex';
import { preparedQuery } from './prepared';
import { createTestDatabase } from '../testing/test-infra';

describe('preparedQuery', () => {
  it('when the same named statement runs many times on several connections, then each answers with its own values', async () => {
    const db = await createTestDatabase('prepared');
    const knex = createKnex(db.url, 3);
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => preparedQuery<{ n: number }>(knex, 'test_add_one', 'SELECT $1::int + 1 AS n', [i])),
      );
      expect(results.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      // The statement is prepared on the connection: Postgres lists it there.
      const listed = await preparedQuery<{ name: string }>(knex, 'test_list', 'SELECT name FROM pg_prepared_statements ORDER BY name', []);
      expect(listed.map((r) => r.name)).toContain('test_list');
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });

  it('when a lookup by a list of ids runs again and again, then it is planned once and the plan reused (no custom plan per call)', async () => {
    const db = await createTestDatabase('prepared');
    const knex = createKnex(db.url, 1);
    try {
      await knex.raw('CREATE TABLE items AS SELECT g AS id, md5(g::text) AS body FROM generate_series(1, 5000) g');
      await knex.raw('ALTER TABLE items ADD PRIMARY KEY (id)');
      await knex.raw('ANALYZE items');
      const sql = 'SELECT id, body FROM items WHERE id = ANY($1::int[])';
      for (let i = 1; i <= 12; i++) expect(await preparedQuery(knex, 'test_items', sql, [[i, i + 1]])).toHaveLength(2);
      const [stats] = await preparedQuery<{ generic_plans: string; custom_plans: string }>(
        knex,
        'test_plans',
        "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'test_items'",
        [],
      );
      // Postgres' default would plan each of the first five runs on its own, and keep doing so for this shape.
      expect({ generic: Number(stats!.generic_plans), custom: Number(stats!.custom_plans) }).toEqual({ generic: 12, custom: 0 });
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });

  it('when the statement fails, then the connection goes back to the pool', async () => {
    const db = await createTestDatabase('prepared');
    const knex = createKnex(db.url, 1);
    try {
      await expect(preparedQuery(knex, 'test_bad', 'SELECT 1 / $1::int', [0])).rejects.toThrow(/division by zero/);
      expect((await preparedQuery<{ ok: number }>(knex, 'test_ok', 'SELECT 1 AS ok', []))[0]!.ok).toBe(1);
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });

  it('when given a transaction, then the statement runs on its connection and sees its uncommitted rows', async () => {
    const db = await createTestDatabase('prepared');
    const knex = createKnex(db.url, 2);
    try {
      await knex.schema.createTable('notes', (t) => t.text('body'));
      const count = 'SELECT count(*)::int AS n FROM notes WHERE body = $1';
      await knex
        .transaction(async (tx) => {
          await tx('notes').insert({ body: 'draft' });
          expect((await preparedQuery<{ n: number }>(tx, 'test_count_notes', count, ['draft']))[0]!.n).toBe(1);
          // Outside the transaction, another connection does not see the row yet.
          expect((await preparedQuery<{ n: number }>(knex, 'test_count_notes', count, ['draft']))[0]!.n).toBe(0);
          throw new Error('roll back');
        })
        .catch((err: Error) => expect(err.message).toBe('roll back'));
      expect((await preparedQuery<{ n: number }>(knex, 'test_count_notes', count, ['draft']))[0]!.n).toBe(0);
    } finally {
      await knex.destroy();
      await db.drop();
    }
  });
});
