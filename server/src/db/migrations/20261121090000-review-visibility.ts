import type { Knex } from 'knex';

/**
 * Reviews carry their own visibility (`public`, `followers`, `private`), so every read of a
 * review can apply the visibility rule in SQL. Until now it lived only on the review's activity;
 * existing reviews take it from there (postgres document store), or else from the author's
 * default visibility (a mongo document store is out of reach of a migration).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE reviews
      ADD COLUMN visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'followers', 'private'));
    UPDATE reviews r SET visibility = u.default_visibility FROM users u WHERE u.id = r.user_id AND u.default_visibility <> 'public';
  `);
  const { rows } = await knex.raw<{ rows: unknown[] }>(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'doc_activity'`,
  );
  if (rows.length === 0) return;
  await knex.raw(`
    UPDATE reviews r SET visibility = d.doc->>'visibility'
      FROM doc_activity d
     WHERE d.type = 'reviewed'
       AND d.doc->'subject'->>'kind' = 'review'
       AND d.doc->'subject'->>'id' = r.id::text
       AND d.actor_id = r.user_id::text
       AND d.doc->>'visibility' IN ('public', 'followers', 'private')
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE reviews DROP COLUMN IF EXISTS visibility;');
}
