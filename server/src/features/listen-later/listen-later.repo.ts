import type { Knex } from 'knex';
import type { AlbumType, ListenLaterSort } from '@muse/shared';
import { onForeignKeyViolation } from '../../db/pg-errors';
import { AppError } from '../../lib/app-error';
import { timestampKeySql } from '../../lib/pagination';

/** A queued album with the summary its card shows, and the keys its list pages by. */
export interface ListenLaterRow {
  album_id: string;
  keep: boolean;
  added_at: Date;
  album_title: string;
  album_artist_credit: string;
  album_release_year: number | null;
  album_type: AlbumType;
  album_cover_key: string | null;
  album_genres: string[] | null;
  /** `added_at` as a cursor key (microseconds, UTC). */
  added_key: string;
  /** The release day the `release` order sorts by (YYYY-MM-DD; year 1 for undated albums). */
  release_key: string;
}

/** Where the next page of one order starts: after this row's keys. */
export type ListenLaterAfter = { sort: 'added'; addedKey: string; albumId: string } | { sort: 'release'; releaseKey: string; albumId: string };

// An album dated only by its year sorts on January 1st; an undated one on year 1, after every real date.
const RELEASE_DAY_SQL = `coalesce(a.release_date,
    CASE WHEN a.release_year BETWEEN 1 AND 9999 THEN make_date(a.release_year, 1, 1) END,
    DATE '0001-01-01')`;

const ROW_COLUMNS = `l.album_id::text AS album_id, l.keep, l.added_at,
  a.title AS album_title, a.artist_credit AS album_artist_credit, a.release_year AS album_release_year,
  a.type AS album_type, a.cover_key AS album_cover_key, a.genres AS album_genres,
  ${timestampKeySql('l.added_at')} AS added_key, to_char(${RELEASE_DAY_SQL}, 'YYYY-MM-DD') AS release_key`;

const ORDER: Record<ListenLaterSort, string> = {
  added: 'l.added_at DESC, l.album_id DESC',
  release: `${RELEASE_DAY_SQL} DESC, l.album_id DESC`,
};

const albumMissing = onForeignKeyViolation(() => AppError.notFound('Album'));

/**
 * The `listen_later` table. Every read and write names the owner, so one user's queue is never
 * read for another. Rows leave by themselves when their owner rates, logs or reviews the album
 * (triggers, see the migration), or with the account or the album (cascades).
 */
export class ListenLaterRepo {
  constructor(private readonly knex: Knex) {}

  /**
   * Serialises the writes that add to one user's queue until the transaction ends, so two adds
   * racing at the limit cannot both pass the count. Nothing else waits on this lock.
   */
  async lockQueue(trx: Knex.Transaction, userId: string): Promise<void> {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtextextended('listen_later:' || ?::text, 0))`, [userId]);
  }

  async count(trx: Knex, userId: string): Promise<number> {
    const row = await trx('listen_later').where({ user_id: userId }).count<{ count: string }[]>('* as count').first();
    return Number(row?.count ?? 0);
  }

  /** Whether the album is queued, and with which flag. */
  async flags(trx: Knex, userId: string, albumId: string): Promise<{ keep: boolean } | null> {
    return ((await trx('listen_later').where({ user_id: userId, album_id: albumId }).first('keep')) as { keep: boolean } | undefined) ?? null;
  }

  /** Queues an album; false when it already was. A missing album is a 404. */
  async insert(trx: Knex, userId: string, albumId: string, keep: boolean, addedAt?: Date): Promise<boolean> {
    const rows = await trx('listen_later')
      .insert({ user_id: userId, album_id: albumId, keep, ...(addedAt ? { added_at: addedAt } : {}) })
      .onConflict(['user_id', 'album_id'])
      .ignore()
      .returning('album_id')
      .catch(albumMissing);
    return rows.length > 0;
  }

  /** Sets the keep flag of a queued album; false when it is not queued. */
  async setKeep(trx: Knex, userId: string, albumId: string, keep: boolean): Promise<boolean> {
    return (await trx('listen_later').where({ user_id: userId, album_id: albumId }).update({ keep })) > 0;
  }

  async delete(userId: string, albumId: string): Promise<void> {
    await this.knex('listen_later').where({ user_id: userId, album_id: albumId }).delete();
  }

  /** One queued album with its card, or null. */
  async find(trx: Knex, userId: string, albumId: string): Promise<ListenLaterRow | null> {
    const { rows } = await trx.raw<{ rows: ListenLaterRow[] }>(
      `SELECT ${ROW_COLUMNS} FROM listen_later l JOIN albums a ON a.id = l.album_id WHERE l.user_id = ? AND l.album_id = ?`,
      [userId, albumId],
    );
    return rows[0] ?? null;
  }

  /** A page of the user's queue in the given order, continuing after `after`. */
  async list(userId: string, sort: ListenLaterSort, limit: number, after?: ListenLaterAfter): Promise<ListenLaterRow[]> {
    const bindings: (string | number)[] = [userId];
    let continues = '';
    if (after?.sort === 'added') {
      continues = `AND (l.added_at, l.album_id) < (?::timestamp AT TIME ZONE 'UTC', ?::bigint)`;
      bindings.push(after.addedKey, after.albumId);
    } else if (after?.sort === 'release') {
      continues = `AND (${RELEASE_DAY_SQL}, l.album_id) < (?::date, ?::bigint)`;
      bindings.push(after.releaseKey, after.albumId);
    }
    bindings.push(limit);
    const { rows } = await this.knex.raw<{ rows: ListenLaterRow[] }>(
      `SELECT ${ROW_COLUMNS} FROM listen_later l JOIN albums a ON a.id = l.album_id
        WHERE l.user_id = ? ${continues}
        ORDER BY ${ORDER[sort]}
        LIMIT ?`,
      bindings,
    );
    return rows;
  }

  /** Every queued album id with its flag, latest added first. */
  async ids(userId: string): Promise<{ album_id: string; keep: boolean }[]> {
    const { rows } = await this.knex.raw<{ rows: { album_id: string; keep: boolean }[] }>(
      `SELECT album_id::text AS album_id, keep FROM listen_later WHERE user_id = ? ORDER BY added_at DESC, album_id DESC`,
      [userId],
    );
    return rows;
  }
}
