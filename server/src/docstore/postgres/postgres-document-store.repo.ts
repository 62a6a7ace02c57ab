import type { Knex } from 'knex';
import { preparedQuery } from '../../db/prepared';
import { buildActivity, pageLimit, validCursor, validIds } from '../activity-input';
import type { Activity, ActivityInput, ActivityPageOptions, ActivityRepository, DocumentStore } from '../document-store.port';
import { maxEntriesOf, type PlaylistStoreOptions } from '../playlist-input';
import { PostgresConversionReportRepository } from './postgres-conversion-reports.repo';
import { PostgresPlaylistRepository } from './postgres-playlists.repo';

interface ActivityRow {
  id: string;
  doc: Omit<Activity, 'createdAt'> & { createdAt: string };
}

function toActivity(row: ActivityRow): Activity {
  return { ...row.doc, createdAt: new Date(row.doc.createdAt) };
}

const ACTIVITY_BY_ACTORS_SQL = `
  SELECT d.id, d.doc FROM doc_activity d
   WHERE d.id IN (
     SELECT x.id FROM unnest($1::text[]) AS a(actor_id)
     CROSS JOIN LATERAL (
       SELECT id FROM doc_activity
        WHERE actor_id = a.actor_id AND id < coalesce($3::uuid, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)
        ORDER BY id DESC LIMIT $2::int) x
     ORDER BY x.id DESC LIMIT $2::int)
   ORDER BY d.id DESC`;

class PostgresActivityRepository implements ActivityRepository {
  constructor(private readonly knex: Knex) {}

  async append(input: ActivityInput): Promise<Activity> {
    const activity = buildActivity(input);
    // Every rating, review, follow and playlist add writes one: a statement planned once per connection.
    await preparedQuery(
      this.knex,
      'doc_activity_append',
      'INSERT INTO doc_activity (id, actor_id, type, created_at, doc) VALUES ($1::uuid, $2, $3, $4::timestamptz, $5::jsonb)',
      [activity.id, activity.actorId, activity.type, activity.createdAt, JSON.stringify({ ...activity, createdAt: activity.createdAt.toISOString() })],
    );
    return activity;
  }

  async listByActor(actorId: string, options: ActivityPageOptions): Promise<Activity[]> {
    return this.listByActors([actorId], options);
  }

  async listByActors(actorIds: string[], options: ActivityPageOptions): Promise<Activity[]> {
    if (actorIds.length === 0) return [];
    // The newest `limit` of each actor from the (actor_id, id) index alone, then the newest
    // `limit` of those, then the documents of that page only. Its cost follows the followees and
    // the page size, never the rest of the log: a scan of the whole log newest first, keeping the
    // followees' rows, read every other actor's activity on the way (94k rows, up to 100 ms, for
    // a feed rebuild once other people had been busy).
    const rows = await preparedQuery<ActivityRow>(this.knex, 'doc_activity_by_actors', ACTIVITY_BY_ACTORS_SQL, [
      [...new Set(actorIds)],
      pageLimit(options.limit),
      validCursor(options.before) ?? null,
    ]);
    return rows.map(toActivity);
  }

  async getByIds(ids: string[]): Promise<Activity[]> {
    const wanted = validIds(ids);
    if (wanted.length === 0) return [];
    // A hot path of the feed: one statement text for any number of ids, planned once per connection.
    const rows = await preparedQuery<ActivityRow>(
      this.knex,
      'doc_activity_by_ids',
      'SELECT id, doc FROM doc_activity WHERE id = ANY($1::uuid[]) ORDER BY id DESC',
      [wanted],
    );
    return rows.map(toActivity);
  }

  async deleteByActor(actorId: string): Promise<number> {
    return this.knex('doc_activity').where({ actor_id: actorId }).delete();
  }
}

/** Document store on JSONB tables in the main Postgres database (the embedded default). */
export function createPostgresDocumentStore(knex: Knex, options: PlaylistStoreOptions = {}): DocumentStore {
  return {
    kind: 'postgres',
    activity: new PostgresActivityRepository(knex),
    playlists: new PostgresPlaylistRepository(knex, maxEntriesOf(options)),
    conversionReports: new PostgresConversionReportRepository(knex),
    async ping() {
      await knex.raw('SELECT 1 FROM doc_activity LIMIT 0');
    },
    // The knex pool belongs to the caller, which closes it.
    async close() {},
  };
}
