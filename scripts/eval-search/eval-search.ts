import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createKnex, migrateLatest } from '../../server/src/db/knex';
import { DEFAULT_EVAL_OPTIONS, evaluateDemoSearch } from '../../server/src/features/search/eval/demo-search-eval';
import { formatEvalTable, kindsBelowFloor } from '../../server/src/features/search/eval/search-eval';

/**
 * `npm run eval:search`: search quality on the demo catalog. Creates a throwaway database on
 * the local Postgres (EVAL_PG_URL names the server's admin database), seeds the demo catalog,
 * runs the labelled query set through the real search service, prints the hit rate in the top 5
 * by query kind, and exits 1 when a kind is below its floor.
 */
const USAGE = `npm run eval:search -- [--seed N] [--sample N] [--misses]
  --seed N     random seed of the query set (default ${DEFAULT_EVAL_OPTIONS.seed})
  --sample N   albums sampled (default ${DEFAULT_EVAL_OPTIONS.sample})
  --misses     list every query that missed, with the top 5 it got`;

async function admin<T>(adminUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seed: { type: 'string' }, sample: { type: 'string' }, misses: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const seed = Number(values.seed ?? DEFAULT_EVAL_OPTIONS.seed);
  const sample = Number(values.sample ?? DEFAULT_EVAL_OPTIONS.sample);
  if (!Number.isInteger(seed) || !Number.isInteger(sample) || sample < 1) {
    process.stderr.write(`--seed and --sample take whole numbers (sample at least 1)\n${USAGE}\n`);
    return 2;
  }

  const adminUrl = process.env.EVAL_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `muse_eval_search_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const knex = createKnex(url.toString());
  try {
    await migrateLatest(knex);
    const started = Date.now();
    const results = await evaluateDemoSearch(knex, { seed, sample });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Search evaluation: demo catalog, ${sample} albums sampled with seed ${seed} (${seconds} s)\n\n${formatEvalTable(results)}\n`);
    if (values.misses) {
      for (const r of results)
        for (const m of r.misses) process.stdout.write(`\n[${r.kind}] ${JSON.stringify(m.q)}\n  got: ${m.got.join(' | ') || '(nothing)'}`);
      process.stdout.write('\n');
    }
    const below = kindsBelowFloor(results);
    if (below.length) process.stdout.write(`\nBelow their floor: ${below.map((r) => r.kind).join(', ')}\n`);
    return below.length ? 1 : 0;
  } finally {
    await knex.destroy();
    await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('Search evaluation failed:', err);
    process.exit(1);
  },
);
