import type { Knex } from 'knex';

/**
 * Conversion report chunks name their owner (the converting user's id), so deleting an account
 * removes its reports from the document store with its other documents. Chunks written before
 * take the owner of their conversion; chunks whose conversion is gone go.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE doc_conversion_report_chunks ADD COLUMN owner_id text;
    UPDATE doc_conversion_report_chunks d SET owner_id = c.user_id::text FROM conversions c WHERE c.id = d.conversion_id;
    DELETE FROM doc_conversion_report_chunks WHERE owner_id IS NULL;
    ALTER TABLE doc_conversion_report_chunks ALTER COLUMN owner_id SET NOT NULL;
    CREATE INDEX doc_conversion_report_chunks_owner ON doc_conversion_report_chunks (owner_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX IF EXISTS doc_conversion_report_chunks_owner;
    ALTER TABLE doc_conversion_report_chunks DROP COLUMN IF EXISTS owner_id;
  `);
}
