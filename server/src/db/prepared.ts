import type { Knex } from 'knex';
import type { PoolClient, QueryResultRow } from 'pg';

interface PooledClient {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(connection: PoolClient): Promise<void>;
}

/**
 * Runs a named prepared statement on a connection of the knex pool, so Postgres parses and
 * plans it once per connection rather than on every call (the pool's connections ask for generic
 * plans: see `createKnex`). For hot paths whose SQL text is
 * fixed; a name must always carry the same text. Given a transaction, it runs on the
 * transaction's connection (knex's transaction client hands that one out), so it sees its writes.
 */
export async function preparedQuery<R extends QueryResultRow>(knex: Knex, name: string, text: string, values: unknown[]): Promise<R[]> {
  const client = knex.client as unknown as PooledClient;
  const connection = await client.acquireConnection();
  try {
    return (await connection.query<R>({ name, text, values })).rows;
  } finally {
    await client.releaseConnection(connection);
  }
}
