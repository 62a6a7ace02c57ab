import type { ClientBase } from 'pg';
import { BAND_WORDS, COUNTRIES, FIRST_NAMES, GENRES, LABELS, LAST_NAMES, REVIEW_SENTENCES, STAGE_NAMES, STYLES, TITLE_WORDS } from './word-list';

/**
 * Installs the generator's helpers in a `bench` schema beside the product's tables: a
 * deterministic hash-based random source, so that a data set is the same on every build and in
 * every query plan, and the vocabulary as arrays in the one-row table `bench.vocab`.
 */
export async function installGeneratorFunctions(db: ClientBase): Promise<void> {
  await db.query(`
    CREATE SCHEMA IF NOT EXISTS bench;

    -- Uniform in [0, 1), from a stream number and a row number.
    CREATE OR REPLACE FUNCTION bench.u(seed int, n bigint) RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT ((hashint8extended(n, seed) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$;

    -- 1..max with a heavy head: the larger pow, the more often the first ids come up.
    CREATE OR REPLACE FUNCTION bench.skewed(max bigint, pow float8, seed int, n bigint) RETURNS bigint
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT 1 + floor(max * power(bench.u(seed, n), pow))::bigint $$;

    CREATE OR REPLACE FUNCTION bench.pick(list text[], seed int, n bigint) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT list[1 + floor(bench.u(seed, n) * cardinality(list))::int] $$;
  `);
  const lists: Record<string, readonly string[]> = {
    title: TITLE_WORDS,
    first: FIRST_NAMES,
    last: LAST_NAMES,
    stage: STAGE_NAMES,
    band: BAND_WORDS,
    genre: GENRES,
    style: STYLES,
    label: LABELS,
    country: COUNTRIES,
    sentence: REVIEW_SENTENCES,
  };
  const names = Object.keys(lists);
  // One row, one array column per list: cross-joined into a statement, the arrays are plain
  // columns, so the helper functions above still inline. STORAGE PLAIN keeps them uncompressed:
  // a compressed array would be decompressed on every pick, eight times slower.
  await db.query(`DROP TABLE IF EXISTS bench.vocab; CREATE TABLE bench.vocab (${names.map((n) => `${n} text[] NOT NULL`).join(', ')})`);
  await db.query(`ALTER TABLE bench.vocab ${names.map((n) => `ALTER COLUMN ${n} SET STORAGE PLAIN`).join(', ')}`);
  await db.query(`INSERT INTO bench.vocab VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(lists));
}
