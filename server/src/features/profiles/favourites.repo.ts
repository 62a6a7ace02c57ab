import type { Knex } from 'knex';
import { isPgError, PG } from '../../db/pg-errors';
import { AppError } from '../../lib/app-error';

/** A user's top four albums, by position. */
export class FavouritesRepo {
  constructor(private readonly knex: Knex) {}

  async albumIds(userId: string, trx: Knex = this.knex): Promise<string[]> {
    const rows = await trx('favourites').where({ user_id: userId }).orderBy('position').select('album_id');
    return rows.map((r: { album_id: string }) => String(r.album_id));
  }

  /** How many of the ids name existing albums. */
  async countExistingAlbums(ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const row = await this.knex('albums').whereIn('id', ids).count<{ count: string }[]>({ count: '*' }).first();
    return Number(row?.count ?? 0);
  }

  /**
   * Replaces the user's favourites with `albumIds` in order; returns the ones that were there
   * before. The user's row is locked so two saves in flight apply one after the other. An album
   * deleted since the caller checked it is a 404, and the favourites stay as they were.
   */
  async replace(userId: string, albumIds: string[]): Promise<string[]> {
    try {
      return await this.replaceIn(userId, albumIds);
    } catch (err) {
      if (isPgError(err) && err.code === PG.foreignKeyViolation && err.constraint === 'favourites_album_id_fkey') throw AppError.notFound('Album');
      throw err;
    }
  }

  private replaceIn(userId: string, albumIds: string[]): Promise<string[]> {
    return this.knex.transaction(async (trx) => {
      await trx.raw('SELECT 1 FROM users WHERE id = ? FOR NO KEY UPDATE', [userId]);
      const before = await this.albumIds(userId, trx);
      await trx('favourites').where({ user_id: userId }).delete();
      if (albumIds.length) await trx('favourites').insert(albumIds.map((albumId, i) => ({ user_id: userId, position: i + 1, album_id: albumId })));
      return before;
    });
  }
}
