import type { Knex } from 'knex';
import { onForeignKeyViolation } from '../../db/pg-errors';
import { preparedQuery } from '../../db/prepared';
import { AppError } from '../../lib/app-error';
import { ALBUM_STATS_COLUMNS, type StatsRow } from '../catalog/catalog.read-model';
import type { RaterWeightRule } from '../../lib/rater-weight';

export type RatedItem = 'album' | 'track';

export interface UpsertResult {
  changed: boolean;
  /** Whether the rater counted with full weight; false only for a changed album rating from a low-history account. */
  established: boolean;
}

const upsertResult = (rows: { established: boolean }[]): UpsertResult => ({ changed: rows.length > 0, established: rows[0]?.established ?? true });

export interface CurrentRatingRow {
  value: number;
  updated_at: Date;
}

export interface HistoryRow {
  value: number;
  rated_at: Date;
  replaced_at: Date;
}

/** A foreign-key violation on a rating write means the item vanished between the check and the write. */
const itemMissing = (item: RatedItem) => onForeignKeyViolation(() => AppError.notFound(item === 'album' ? 'Album' : 'Track'));

const TABLES = {
  album: { ratings: 'album_ratings', stats: 'album_rating_stats', column: 'album_id', items: 'albums' },
  track: { ratings: 'track_ratings', stats: 'track_rating_stats', column: 'track_id', items: 'tracks' },
} as const;

// Re-rating with the same value keeps the time it was first given and fires no trigger.
const TRACK_UPSERT_SQL = `INSERT INTO track_ratings AS r (user_id, track_id, value, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (user_id, track_id) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
         WHERE r.value <> EXCLUDED.value
       RETURNING true AS established`;

// An album rating also records its rater's standing as it is now ($5..$7: the weight rule), read
// through the users primary key and at most $6 rows of the rater's own ratings. A rating a
// moderator discounted as part of a brigade keeps weight 0 whatever its rater becomes.
const ALBUM_UPSERT_SQL = `INSERT INTO album_ratings AS r (user_id, album_id, value, created_at, updated_at, established, weight)
       SELECT $1, $2, $3, $4, $4, e.established, CASE WHEN e.established THEN 1 ELSE $7::numeric END
         FROM (SELECT coalesce((SELECT u.created_at <= now() - make_interval(days => $5::int) FROM users u WHERE u.id = $1::bigint), false)
                      AND (SELECT count(*) FROM (SELECT 1 FROM album_ratings h WHERE h.user_id = $1::bigint AND h.album_id <> $2::bigint
                                                  LIMIT $6::int) seen) >= $6::int AS established) e
       ON CONFLICT (user_id, album_id) DO UPDATE
          SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at,
              established = EXCLUDED.established AND NOT r.discounted,
              weight = CASE WHEN r.discounted THEN 0 ELSE EXCLUDED.weight END
        WHERE r.value <> EXCLUDED.value
       RETURNING established`;

const statsSql = (t: (typeof TABLES)[RatedItem]) =>
  t.stats === 'album_rating_stats'
    ? `SELECT ${ALBUM_STATS_COLUMNS.join(', ')} FROM album_rating_stats WHERE album_id = $1`
    : `SELECT count, sum, histogram FROM ${t.stats} WHERE ${t.column} = $1`;

// Hot-path statements, prepared once per pooled connection: planning them cost more than running them.
const PREPARED = {
  album: {
    upsert: { name: 'ratings_upsert_album_weighted', text: ALBUM_UPSERT_SQL },
    stats: { name: 'ratings_stats_album_weighted', text: statsSql(TABLES.album) },
  },
  track: { upsert: { name: 'ratings_upsert_track', text: TRACK_UPSERT_SQL }, stats: { name: 'ratings_stats_track', text: statsSql(TABLES.track) } },
} as const;

/**
 * Current ratings and their history. Aggregates are never written here: triggers keep them in
 * step with every change to the ratings tables, in the same transaction.
 */
export class RatingsRepo {
  constructor(
    private readonly knex: Knex,
    private readonly weightRule: RaterWeightRule,
  ) {}

  async itemExists(item: RatedItem, id: string, trx: Knex = this.knex): Promise<boolean> {
    return Boolean(await trx(TABLES[item].items).where({ id }).first('id'));
  }

  /** The user's current rating, row-locked until the transaction ends. */
  async lockCurrent(trx: Knex.Transaction, item: RatedItem, userId: string, itemId: string): Promise<CurrentRatingRow | null> {
    const t = TABLES[item];
    const row = await trx(t.ratings)
      .select('value', 'updated_at')
      .where({ user_id: userId, [t.column]: itemId })
      .forUpdate()
      .first();
    return (row as CurrentRatingRow | undefined) ?? null;
  }

  /**
   * Inserts or replaces the one current rating. Re-rating with the same value keeps the time it
   * was first given and touches no aggregate; `changed` says whether anything was written and
   * `established` whether its rater counted with full weight (always for tracks).
   */
  async upsert(trx: Knex, item: RatedItem, userId: string, itemId: string, value: number, ratedAt: Date | null): Promise<UpsertResult> {
    const { name, text } = PREPARED[item].upsert;
    // On the transaction's own connection, so it sees (and joins) the caller's writes.
    const rows = await preparedQuery<{ established: boolean }>(trx, name, text, this.values(item, userId, itemId, value, ratedAt)).catch(itemMissing(item));
    return upsertResult(rows);
  }

  /**
   * The same upsert as one autocommitted prepared statement, outside any transaction: the
   * aggregate triggers run inside it, so the rating and its aggregate still commit together.
   * A missing item surfaces as a foreign-key violation, answered as a 404.
   */
  async upsertAlone(item: RatedItem, userId: string, itemId: string, value: number, ratedAt: Date | null): Promise<UpsertResult> {
    const { name, text } = PREPARED[item].upsert;
    const rows = await preparedQuery<{ established: boolean }>(this.knex, name, text, this.values(item, userId, itemId, value, ratedAt)).catch(
      itemMissing(item),
    );
    return upsertResult(rows);
  }

  private values(item: RatedItem, userId: string, itemId: string, value: number, ratedAt: Date | null): unknown[] {
    const base = [userId, itemId, value, ratedAt ?? new Date()];
    if (item === 'track') return base;
    const { minAccountDays, minRatings, reducedWeight } = this.weightRule;
    return [...base, minAccountDays, minRatings, reducedWeight];
  }

  /** Removes the current rating; returns the value it had, or null when there was none. */
  async remove(trx: Knex, item: RatedItem, userId: string, itemId: string): Promise<number | null> {
    const t = TABLES[item];
    const rows: { value: number }[] = await trx(t.ratings)
      .where({ user_id: userId, [t.column]: itemId })
      .delete()
      .returning('value');
    return rows[0]?.value ?? null;
  }

  async insertHistory(trx: Knex, entry: { userId: string; item: RatedItem; itemId: string; value: number; ratedAt: Date; replacedAt: Date }): Promise<void> {
    await trx('rating_history').insert({
      user_id: entry.userId,
      item_type: entry.item,
      item_id: entry.itemId,
      value: entry.value,
      rated_at: entry.ratedAt,
      replaced_at: entry.replacedAt,
    });
  }

  /** The item's aggregate as the given connection sees it (inside a transaction: with its own writes). */
  async stats(item: RatedItem, itemId: string, trx: Knex = this.knex): Promise<StatsRow | null> {
    if (trx === this.knex) {
      const { name, text } = PREPARED[item].stats;
      return (await preparedQuery<StatsRow>(this.knex, name, text, [itemId]))[0] ?? null;
    }
    const t = TABLES[item];
    return (
      (await trx(t.stats)
        .select(item === 'album' ? ALBUM_STATS_COLUMNS : ['count', 'sum', 'histogram'])
        .where({ [t.column]: itemId })
        .first()) ?? null
    );
  }
}
