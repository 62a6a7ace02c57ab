import type { Knex } from 'knex';
import type { EvalAlbum } from './eval-queries';

/** Reads the albums the search evaluation samples from. */
export class EvalCatalogRepo {
  constructor(private readonly knex: Knex) {}

  /**
   * Every album in a stable order (by id), with its first credited artist's name and the
   * normalised title and artist names that decide which hits answer a query.
   */
  async albums(): Promise<EvalAlbum[]> {
    const { rows } = await this.knex.raw<{ rows: { id: string; title: string; artist: string; title_key: string; artist_keys: string[] }[] }>(`
      SELECT a.id::text AS id, a.title, coalesce(first.name, a.artist_credit) AS artist, muse_norm(a.title) AS title_key,
             ARRAY[muse_norm(coalesce(first.name, a.artist_credit))] || coalesce(keys.names, '{}') AS artist_keys
        FROM albums a
        LEFT JOIN LATERAL (SELECT ar.name FROM album_artists aa JOIN artists ar ON ar.id = aa.artist_id
                            WHERE aa.album_id = a.id ORDER BY aa.position LIMIT 1) first ON true
        LEFT JOIN LATERAL (SELECT array_agg(DISTINCT muse_norm(n)) AS names
                             FROM album_artists aa JOIN artists ar ON ar.id = aa.artist_id, unnest(ARRAY[ar.name, aa.credited_name]) n
                            WHERE aa.album_id = a.id) keys ON true
       ORDER BY a.id`);
    return rows.map((r) => ({ id: r.id, title: r.title, artist: r.artist, titleKey: r.title_key, artistKeys: r.artist_keys }));
  }
}
