import type { Knex } from 'knex';
import type { AlbumType } from '@muse/shared';
import { onForeignKeyViolation } from '../../db/pg-errors';
import { AppError } from '../../lib/app-error';
import { ALBUM_SUMMARY_COLUMNS } from '../catalog/catalog.read-model';

export interface DiaryViewRow {
  id: string;
  user_id: string;
  album_id: string;
  listened_on: string;
  rating: number | null;
  is_relisten: boolean;
  review_id: string | null;
  created_at: Date;
  album_title: string;
  album_artist_credit: string;
  album_release_year: number | null;
  album_type: AlbumType;
  album_cover_key: string | null;
  album_genres: string[];
}

export interface NewDiaryEntry {
  userId: string;
  albumId: string;
  listenedOn: string;
  rating: number | null;
  reviewId: string | null;
  isRelisten: boolean;
}

export interface DiaryPatch {
  listened_on?: string;
  rating?: number | null;
  is_relisten?: boolean;
}

/** The listening diary: the only place that reads or writes diary_entries. */
export class DiaryRepo {
  constructor(private readonly knex: Knex) {}

  /** Logs an entry; 404 when the album was deleted meanwhile. */
  async insert(trx: Knex, entry: NewDiaryEntry): Promise<string> {
    const [row] = await trx('diary_entries')
      .insert({
        user_id: entry.userId,
        album_id: entry.albumId,
        listened_on: entry.listenedOn,
        rating: entry.rating,
        review_id: entry.reviewId,
        is_relisten: entry.isRelisten,
      })
      .returning('id')
      .catch(onForeignKeyViolation(() => AppError.notFound('Album')));
    return String(row.id);
  }

  async findView(id: string): Promise<DiaryViewRow | null> {
    const rows = await this.viewQuery().where('d.id', id).limit(1);
    return (rows[0] as DiaryViewRow | undefined) ?? null;
  }

  /** Deletes one of the user's entries; false when it is someone else's or absent. */
  async deleteOwned(userId: string, id: string): Promise<boolean> {
    return (await this.knex('diary_entries').where({ id, user_id: userId }).delete()) > 0;
  }

  /** Newest listen first (by day, then by entry); `after` continues a page. */
  async listForUser(userId: string, limit: number, after?: { listenedOn: string; id: string }): Promise<DiaryViewRow[]> {
    const q = this.viewQuery()
      .where('d.user_id', userId)
      .orderBy([
        { column: 'd.listened_on', order: 'desc' },
        { column: 'd.id', order: 'desc' },
      ])
      .limit(limit);
    if (after) q.whereRaw('(d.listened_on, d.id) < (?::date, ?)', [after.listenedOn, after.id]);
    return (await q) as DiaryViewRow[];
  }

  /** The entry a review was written with, if any. */
  async idForReview(trx: Knex, reviewId: string): Promise<string | null> {
    const row = await trx('diary_entries').select('id').where({ review_id: reviewId }).orderBy('id').first();
    return row ? String(row.id) : null;
  }

  async update(trx: Knex, id: string, patch: DiaryPatch): Promise<void> {
    if (Object.keys(patch).length) await trx('diary_entries').where({ id }).update(patch);
  }

  async delete(trx: Knex, id: string): Promise<void> {
    await trx('diary_entries').where({ id }).delete();
  }

  private viewQuery() {
    return this.knex('diary_entries as d')
      .join('albums as a', 'a.id', 'd.album_id')
      .select('d.id', 'd.user_id', 'd.album_id', 'd.rating', 'd.is_relisten', 'd.review_id', 'd.created_at', ...ALBUM_SUMMARY_COLUMNS)
      .select(this.knex.raw(`to_char(d.listened_on, 'YYYY-MM-DD') AS listened_on`));
  }
}
