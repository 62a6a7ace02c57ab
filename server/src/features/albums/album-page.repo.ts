import type { Knex } from 'knex';
import type { HistoryRow } from '../ratings/ratings.repo';

/** What the album page shows about the signed-in viewer, besides their diary entries. */
export interface ViewerAlbumRow {
  rating: number | null;
  review_id: string | null;
  track_ratings: { track_id: string | number; value: number }[];
  history: HistoryRow[];
}

/** The album page's viewer-specific reads, gathered into one round trip. */
export class AlbumPageRepo {
  constructor(private readonly knex: Knex) {}

  /** The viewer's album rating, its history, their newest review id and their track ratings. */
  async viewer(userId: string, albumId: string): Promise<ViewerAlbumRow> {
    const result = await this.knex.raw<{ rows: ViewerAlbumRow[] }>(
      `SELECT
         (SELECT value FROM album_ratings WHERE user_id = :u AND album_id = :a) AS rating,
         (SELECT id FROM reviews WHERE user_id = :u AND album_id = :a ORDER BY created_at DESC, id DESC LIMIT 1) AS review_id,
         (SELECT coalesce(json_agg(json_build_object('track_id', tr.track_id, 'value', tr.value)), '[]'::json)
            FROM track_ratings tr
           WHERE tr.user_id = :u AND tr.track_id IN (SELECT id FROM tracks WHERE album_id = :a)) AS track_ratings,
         (SELECT coalesce(json_agg(json_build_object('value', h.value, 'rated_at', h.rated_at, 'replaced_at', h.replaced_at) ORDER BY h.replaced_at DESC, h.id DESC), '[]'::json)
            FROM rating_history h
           WHERE h.user_id = :u AND h.item_type = 'album' AND h.item_id = :a) AS history`,
      { u: userId, a: albumId },
    );
    return result.rows[0]!;
  }
}
