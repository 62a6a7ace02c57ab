import { connect } from './pg-admin';

/**
 * Activity a run writes (ratings, playlist adds, sign-ins) would otherwise stay in the reused data
 * set and reach the feeds of the users the next run reads as: every run would measure a feed
 * fuller of bench traffic than the last (tens of thousands of adds to one playlist made the
 * feed read five rounds a page). Returns the step that deletes the activity written since now,
 * by the database's clock, from the Postgres document store.
 */
export async function forgetActivityFromNow(databaseUrl: string): Promise<() => Promise<number>> {
  const db = await connect(databaseUrl);
  let since: Date;
  try {
    since = (await db.query<{ now: Date }>('SELECT now()')).rows[0]!.now;
  } finally {
    await db.end();
  }
  return async () => {
    const conn = await connect(databaseUrl);
    try {
      return (await conn.query('DELETE FROM doc_activity WHERE created_at >= $1', [since])).rowCount ?? 0;
    } finally {
      await conn.end();
    }
  };
}
