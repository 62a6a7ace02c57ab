import type { Knex } from 'knex';

export interface ArtistRow {
  id: string;
  name: string;
  album_count: number;
}

/** Most albums an artist page lists; `albumCount` still tells the full number. */
export const ARTIST_PAGE_ALBUMS = 500;

/** Reads of artists and the albums credited to them. */
export class ArtistsRepo {
  constructor(private readonly knex: Knex) {}

  /** The artist with the number of albums crediting them, or null. */
  async findArtist(id: string): Promise<ArtistRow | null> {
    const row = await this.knex('artists as ar')
      .select('ar.id', 'ar.name')
      .select(this.knex.raw('(SELECT count(DISTINCT aa.album_id)::int FROM album_artists aa WHERE aa.artist_id = ar.id) AS album_count'))
      .where('ar.id', id)
      .first();
    return row ? { id: String(row.id), name: row.name, album_count: Number(row.album_count) } : null;
  }

  /** Ids of albums crediting the artist, newest year first (the exact date orders within a year; undated last), at most `limit`. */
  async albumIdsCreditedTo(artistId: string, limit = ARTIST_PAGE_ALBUMS): Promise<string[]> {
    const rows: { id: string }[] = await this.knex('albums as a')
      .select('a.id')
      .whereIn('a.id', this.knex('album_artists').select('album_id').where({ artist_id: artistId }))
      .orderByRaw('a.release_year DESC NULLS LAST, a.release_date DESC NULLS LAST, a.id DESC')
      .limit(limit);
    return rows.map((r) => String(r.id));
  }
}
