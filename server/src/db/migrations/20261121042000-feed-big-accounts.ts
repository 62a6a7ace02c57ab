import type { Knex } from 'knex';

/**
 * Accounts with more than 5,000 followers are merged into feeds on read instead of being
 * pushed to timelines; this tiny partial index lets a feed read find which of a viewer's
 * followees those are without visiting every followee's row. The number must stay equal to
 * `PUSH_MAX_FOLLOWERS` (features/feed) for the planner to use it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX users_big_accounts_idx ON users (id) WHERE follower_count > 5000');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS users_big_accounts_idx');
}
