import type { Knex } from 'knex';
import { AfterCommit } from './after-commit';
import { createKnex } from './knex';
import { Transactions } from './transaction';
import { createLogger } from '../lib/logger';
import { createTestDatabase } from '../testing/test-infra';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
const silent = createLogger('silent');
let knex: Knex;

beforeAll(async () => {
  db = await createTestDatabase('transactions');
  knex = createKnex(db.url, 4);
  await knex.schema.createTable('counters', (t) => {
    t.integer('id').primary();
    t.integer('n').notNullable();
  });
});

beforeEach(async () => {
  await knex('counters').del();
  await knex('counters').insert([
    { id: 1, n: 0 },
    { id: 2, n: 0 },
  ]);
});

afterAll(async () => {
  await knex?.destroy();
  await db?.drop();
});

/** Raises the SQLSTATE inside the transaction, as Postgres does for a deadlock victim or a serialization failure. */
async function raise(trx: Knex.Transaction, sqlstate: string): Promise<never> {
  await trx.raw(`DO $$ BEGIN RAISE EXCEPTION 'raised for the test' USING ERRCODE = '${sqlstate}'; END $$`);
  throw new Error('unreachable: the statement above always fails');
}

async function counts(): Promise<number[]> {
  return (await knex('counters').orderBy('id')).map((r: { n: number }) => r.n);
}

describe('Transactions.run', () => {
  it('when two transactions deadlock, then Postgres aborts one, it runs again, both writes land once and the victim announces only its committed try', async () => {
    const transactions = new Transactions(knex);
    let firstLocks = 0;
    let release!: () => void;
    const bothHoldTheirFirstRow = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const announced = [0, 0];
    const bump = (first: number, second: number, effects: AfterCommit) => async (trx: Knex.Transaction) => {
      runs += 1;
      effects.add(async () => {
        announced[first - 1]! += 1;
      });
      await trx('counters').where({ id: first }).increment('n', 1);
      firstLocks += 1;
      if (firstLocks === 2) release();
      // Each waits until the other holds its first row, then asks for it: a deadlock on the first try.
      await bothHoldTheirFirstRow;
      await trx('counters').where({ id: second }).increment('n', 1);
    };
    const effects = [new AfterCommit(), new AfterCommit()];
    await Promise.all([transactions.run(bump(1, 2, effects[0]!), { effects: effects[0] }), transactions.run(bump(2, 1, effects[1]!), { effects: effects[1] })]);
    expect(runs).toBe(3);
    expect(await counts()).toEqual([2, 2]);
    for (const e of effects) await e.run(silent);
    expect(announced).toEqual([1, 1]);
  });

  it('when a serialization failure aborts the first try, then the work runs again and its first try left nothing behind', async () => {
    const transactions = new Transactions(knex);
    let runs = 0;
    let announced = 0;
    const effects = new AfterCommit();
    await transactions.run(
      async (trx) => {
        runs += 1;
        effects.add(async () => {
          announced += 1;
        });
        await trx('counters').where({ id: 1 }).increment('n', 10);
        if (runs === 1) await raise(trx, '40001');
      },
      { effects },
    );
    expect(runs).toBe(2);
    expect(await counts()).toEqual([10, 0]);
    await effects.run(silent);
    expect(announced).toBe(1);
  });

  it('when the failure keeps coming, then it gives up after the attempts allowed with the database error, having written nothing', async () => {
    const transactions = new Transactions(knex);
    let runs = 0;
    const failing = transactions.run(
      async (trx) => {
        runs += 1;
        await trx('counters').where({ id: 2 }).increment('n', 1);
        await raise(trx, '40P01');
      },
      { attempts: 3 },
    );
    await expect(failing).rejects.toMatchObject({ code: '40P01' });
    expect(runs).toBe(3);
    expect(await counts()).toEqual([0, 0]);
  });

  it('when the work fails for any other reason, then it is not run again', async () => {
    const transactions = new Transactions(knex);
    let runs = 0;
    const failing = transactions.run(async (trx) => {
      runs += 1;
      await trx('counters').insert({ id: 1, n: 5 });
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(runs).toBe(1);
    expect(await counts()).toEqual([0, 0]);
  });
});
