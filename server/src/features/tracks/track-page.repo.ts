import type { Knex } from 'knex';
import type { AlbumRow, TrackRow } from '../catalog/catalog.read-model';

/** A track with its rating aggregate and the album summary it belongs to. */
export interface TrackPageRow {
  track: TrackRow;
  album: Pick<AlbumRow, 'id' | 'title' | 'artist_credit' | 'release_year' | 'type' | 'cover_key' | 'genres'>;
}

/** What the track page shows about the signed-in viewer: their rating (stored 1..10) and newest review of it. */
export interface ViewerTrackRow {
  rating: number | null;
  review_id: string | null;
}

/** The track page's reads: the track for everyone, the viewer's own part beside it. */
export class TrackPageRepo {
  constructor(private readonly knex: Knex) {}

  /** The track, its aggregate and its album; null when the track does not exist. */
  async page(trackId: string): Promise<TrackPageRow | null> {
    const row = await this.knex('tracks as t')
      .join('albums as a', 'a.id', 't.album_id')
      .leftJoin('track_rating_stats as s', 's.track_id', 't.id')
      .select('t.id', 't.album_id', 't.disc', 't.position', 't.position_label', 't.title', 't.artist_credit', 't.duration_ms', 't.isrc', 's.count', 's.sum')
      .select('a.title as a_title', 'a.artist_credit as a_artist_credit', 'a.release_year', 'a.type', 'a.cover_key', 'a.genres')
      .where('t.id', trackId)
      .first();
    if (!row) return null;
    const { a_title, a_artist_credit, release_year, type, cover_key, genres, ...track } = row;
    return {
      track: track as TrackRow,
      album: { id: String(track.album_id), title: a_title, artist_credit: a_artist_credit, release_year, type, cover_key, genres },
    };
  }

  /** The viewer's rating of the track and their newest review of it. */
  async viewer(userId: string, trackId: string): Promise<ViewerTrackRow> {
    const { rows } = await this.knex.raw<{ rows: ViewerTrackRow[] }>(
      `SELECT (SELECT value FROM track_ratings WHERE user_id = :u AND track_id = :t) AS rating,
              (SELECT id::text FROM reviews WHERE user_id = :u AND track_id = :t ORDER BY created_at DESC, id DESC LIMIT 1) AS review_id`,
      { u: userId, t: trackId },
    );
    return rows[0] ?? { rating: null, review_id: null };
  }
}
