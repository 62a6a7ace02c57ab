import type { Knex } from 'knex';

/**
 * Who suspended an account and because of which report, so that the admin page can list
 * suspended accounts with their reason and lifting a suspension knows what it undoes.
 *
 * Both links go quiet (SET NULL) rather than away: a report deleted with its reporter, or an
 * administrator's deleted account, must not end the suspension. Accounts suspended before this
 * migration get the first report that suspended their author, as suspension kept the first time.
 * The partial index serves the list, newest suspension first.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE users
      ADD COLUMN suspended_by bigint REFERENCES users (id) ON DELETE SET NULL,
      ADD COLUMN suspension_report_id bigint REFERENCES reports (id) ON DELETE SET NULL;

    UPDATE users u
       SET suspension_report_id = p.id, suspended_by = p.resolved_by
      FROM (SELECT DISTINCT ON (target_author_id) id, target_author_id, resolved_by
              FROM reports
             WHERE resolution = 'suspend_author' AND target_author_id IS NOT NULL
             ORDER BY target_author_id, resolved_at, id) p
     WHERE u.id = p.target_author_id AND u.suspended_at IS NOT NULL;

    CREATE INDEX users_suspended_idx ON users (suspended_at DESC, id DESC) WHERE suspended_at IS NOT NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX IF EXISTS users_suspended_idx;
    ALTER TABLE users DROP COLUMN IF EXISTS suspension_report_id, DROP COLUMN IF EXISTS suspended_by;
  `);
}
