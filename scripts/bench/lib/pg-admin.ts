import { Client } from 'pg';

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The database named in a Postgres URL; only plain lower-case names are accepted. */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!SAFE_NAME.test(name)) throw new Error(`database name "${name}" in ${url} must match ${SAFE_NAME}`);
  return name;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onAdmin<T>(url: string, fn: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: withDatabase(url, 'postgres'), application_name: 'muse-bench' });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Whether the database of `url` exists on its server. */
export async function databaseExists(url: string): Promise<boolean> {
  const name = databaseName(url);
  return onAdmin(url, async (admin) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

/** Drops the database of `url` (ending its connections) and creates it empty. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await onAdmin(url, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
}

/** Drops the database of `url` if it exists, ending its connections. */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await onAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Opens one connection to the database of `url`. */
export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'muse-bench' });
  await client.connect();
  return client;
}
