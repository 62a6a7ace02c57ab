import type { Knex } from 'knex';
import { onForeignKeyViolation } from '../../db/pg-errors';
import { preparedQuery } from '../../db/prepared';
import { AppError } from '../../lib/app-error';
import type { StatsRow } from '../catalog/catalog.read-model';

export type RatedItem = 'album' | 'track';

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

type Placeholder = (position: number) => string;
const numbered: Placeholder = (position) => `$${position}`;
const knexBinding: Placeholder = () => '?';

// Re-rating with the same value keeps the time it was first given and fires no trigger.
const upsertSql = (
  t: (typeof TABLES)[RatedItem],
  p: Placeholder = numbered,
) => `INSERT INTO ${t.ratings} AS r (user_id, ${t.column}, value, created_at, updated_at)
       VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(4)})
       ON CONFLICT (user_id, ${t.column}) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
         WHERE r.value <> EXCLUDED.value
       RETURNING 1`;

const statsSql = (t: (typeof TABLES)[RatedItem]) => `SELECT count, sum, histogram FROM ${t.stats} WHERE ${t.column} = $1`;

// Hot-path statements, prepared once per pooled connection: planning them cost more than running them.
const PREPARED = {
  album: { upsert: { name: 'ratings_upsert_album', text: upsertSql(TABLES.album) }, stats: { name: 'ratings_stats_album', text: statsSql(TABLES.album) } },
  track: { upsert: { name: 'ratings_upsert_track', text: upsertSql(TABLES.track) }, stats: { name: 'ratings_stats_track', text: statsSql(TABLES.track) } },
} as const;

/**
 * Current ratings and their history. Aggregates are never written here: triggers keep them in
 * step with every change to the ratings tables, in the same transaction.
 */
export class RatingsRepo {
  constructor(private readonly knex: Knex) {}

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
   * was first given and touches no aggregate; `changed` says whether anything was written.
   */
  async upsert(trx: Knex, item: RatedItem, userId: string, itemId: string, value: number, ratedAt: Date | null): Promise<{ changed: boolean }> {
    const at = ratedAt ?? new Date();
    const result = await trx.raw<{ rows: unknown[] }>(upsertSql(TABLES[item], knexBinding), [userId, itemId, value, at, at]).catch(itemMissing(item));
    return { changed: result.rows.length > 0 };
  }

  /**
   * The same upsert as one autocommitted prepared statement, outside any transaction: the
   * aggregate triggers run inside it, so the rating and its aggregate still commit together.
   * A missing item surfaces as a foreign-key violation, answered as a 404.
   */
  async upsertAlone(item: RatedItem, userId: string, itemId: string, value: number, ratedAt: Date | null): Promise<{ changed: boolean }> {
    const { name, text } = PREPARED[item].upsert;
    const rows = await preparedQuery(this.knex, name, text, [userId, itemId, value, ratedAt ?? new Date()]).catch(itemMissing(item));
    return { changed: rows.length > 0 };
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
        .select('count', 'sum', 'histogram')
        .where({ [t.column]: itemId })
        .first()) ?? null
    );
  }
}
