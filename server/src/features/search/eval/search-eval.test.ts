import { createKnex, migrateLatest, type Knex } from '../../../db/knex';
import { createTestDatabase } from '../../../testing/test-infra';
import { evaluateDemoSearch } from './demo-search-eval';
import { formatEvalTable, kindsBelowFloor, type KindResult } from './search-eval';

// The `npm run eval:search` evaluation on a smaller sample, so that `npm test` keeps the floors.
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let knex: Knex;
let results: KindResult[];

beforeAll(async () => {
  db = await createTestDatabase('search_eval');
  knex = createKnex(db.url);
  await migrateLatest(knex);
  results = await evaluateDemoSearch(knex, { seed: 8, sample: 100 });
}, 120_000);

afterAll(async () => {
  await knex.destroy();
  await db.drop();
});

describe('search quality on the demo catalog', () => {
  it('when 100 albums are searched for in every way the evaluation knows, then each kind of query reaches its floor in the top 5', () => {
    const report = `${formatEvalTable(results)}\n${results.flatMap((r) => r.misses.map((m) => `[${r.kind}] ${m.q}`)).join('\n')}`;
    expect({ below: kindsBelowFloor(results).map((r) => r.kind), report }).toEqual({ below: [], report });
    expect(results.every((r) => r.total >= 90)).toBe(true);
  });
});
