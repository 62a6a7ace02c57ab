import type { Knex } from 'knex';

/** Where an album's cover stands: the stored copy's key, if any, and the address it was found at. */
export interface AlbumCoverRow {
  cover_key: string | null;
  cover_url: string | null;
}

/** The albums' cover columns: read to decide whether a cover must be fetched, written when it is stored. */
export class ArtworkRepo {
  constructor(private readonly knex: Knex) {}

  async findCover(albumId: string): Promise<AlbumCoverRow | null> {
    const row = await this.knex('albums').where({ id: albumId }).first('cover_key', 'cover_url');
    return (row as AlbumCoverRow | undefined) ?? null;
  }

  /** Records the stored cover; the source address is kept when the album had none. Returns whether the album still exists. */
  async setCoverKey(albumId: string, key: string, sourceUrl: string): Promise<boolean> {
    const updated = await this.knex('albums')
      .where({ id: albumId })
      .update({ cover_key: key, cover_url: this.knex.raw('coalesce(cover_url, ?)', [sourceUrl]) });
    return updated > 0;
  }
}
