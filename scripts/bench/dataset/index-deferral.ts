import type { ClientBase } from 'pg';

/** Index definitions taken off some tables, to be put back by `restoreIndexes`. */
export interface DeferredIndexes {
  definitions: string[];
}

/**
 * Drops the secondary indexes of `tables` (those not backing a primary key or unique
 * constraint), remembering their exact definitions: building an index once over loaded rows is
 * many times faster than maintaining it row by row, above all the trigram GIN indexes.
 */
export async function deferSecondaryIndexes(db: ClientBase, tables: string[]): Promise<DeferredIndexes> {
  const { rows } = await db.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY t.relname, i.indexrelid`,
    [tables],
  );
  for (const row of rows) await db.query(`DROP INDEX ${row.name}`);
  return { definitions: rows.map((r) => r.definition) };
}

/** Recreates what `deferSecondaryIndexes` dropped, with the very same definitions. */
export async function restoreIndexes(db: ClientBase, deferred: DeferredIndexes): Promise<void> {
  for (const definition of deferred.definitions) await db.query(definition);
}
