import type { Knex } from 'knex';

/** Resolves when Postgres answers a trivial query; readiness checks use it. */
export async function pingDatabase(knex: Knex): Promise<void> {
  await knex.raw('SELECT 1');
}
