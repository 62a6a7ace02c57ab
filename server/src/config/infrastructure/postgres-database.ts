import { Client, type ClientConfig } from 'pg';
import { describeError, InfrastructureError } from './infrastructure-error';

/** The database Muse keeps its data in on a local or embedded server. */
export const MUSE_DATABASE = 'muse';

const DUPLICATE_DATABASE = '42P04';
const MISSING_DATABASE = '3D000';
// Two concurrent CREATE DATABASE can also collide on pg_database's unique index.
const UNIQUE_VIOLATION = '23505';

/** Connection settings for user `postgres` and database `postgres` on host:port; no password unless given. */
export function maintenanceConnection(host: string, port: number, timeoutMs: number, password?: string): ClientConfig {
  return { host, port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: timeoutMs };
}

/** Runs `use` with a connected client and always closes it; connection errors reject. */
export async function withClient<T>(connection: ClientConfig, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(connection);
  // A server going away mid-query emits 'error' on the client; the query rejects anyway.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Makes sure database `name` exists on the server, tolerating another process creating it at the same time. */
export async function ensureDatabase(connection: ClientConfig, name: string): Promise<'created' | 'existed'> {
  return withClient(connection, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return 'existed';
    try {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
      return 'created';
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return 'existed';
      throw err;
    }
  });
}

/** What ensureDatabaseAtUrl found: the database was there, was made, or the server could not be asked. */
export type DatabaseUrlCheck = { outcome: 'existed' | 'created' } | { outcome: 'unreachable'; reason: string };

/**
 * Makes sure the database DATABASE_URL names exists: when the server says it does not, creates it through
 * the maintenance database `postgres` with the same credentials. Rejects with InfrastructureError when the
 * server refuses to create it; any other failure to connect is reported, not thrown, for the caller to judge.
 */
export async function ensureDatabaseAtUrl(url: string, timeoutMs: number): Promise<DatabaseUrlCheck> {
  try {
    await withClient({ connectionString: url, connectionTimeoutMillis: timeoutMs }, async () => undefined);
    return { outcome: 'existed' };
  } catch (err) {
    if ((err as { code?: string }).code !== MISSING_DATABASE) return { outcome: 'unreachable', reason: describeError(err) };
  }
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/postgres';
  try {
    return { outcome: await ensureDatabase({ connectionString: parsed.toString(), connectionTimeoutMillis: timeoutMs }, name) };
  } catch (err) {
    throw new InfrastructureError(
      `Postgres at ${parsed.host} says database "${name}" does not exist, and Muse could not create it (${describeError(err)}): ` +
        `create it (createdb -h ${parsed.hostname} -p ${parsed.port || 5432} ${name}), let that user create databases, or point DATABASE_URL at one that exists.`,
    );
  }
}

/** A Postgres URL with the password percent-encoded; never log the result. */
export function postgresUrl(host: string, port: number, database: string, password?: string): string {
  const credentials = password === undefined ? 'postgres' : `postgres:${encodeURIComponent(password)}`;
  return `postgres://${credentials}@${host}:${port}/${database}`;
}
