import type { Knex } from 'knex';
import type { AlbumType, DatePrecision } from '@muse/shared';

export interface AlbumRow {
  id: string;
  title: string;
  artist_credit: string;
  release_date: string | null;
  release_date_precision: DatePrecision | null;
  release_year: number | null;
  type: AlbumType;
  genres: string[];
  styles: string[];
  label: string | null;
  catalog_number: string | null;
  country: string | null;
  upc: string | null;
  cover_url: string | null;
  /** The stored cover's blob key; absent where a query does not select it. */
  cover_key?: string | null;
  spotify_id: string | null;
  apple_id: string | null;
  discogs_id: string | null;
}

export interface StatsRow {
  count: number;
  sum: string | number;
  histogram: number[];
  /** Σ weights and Σ weight·value (1..10) of the ratings; absent: every rating at full weight. */
  weight_sum?: string | number | null;
  weighted_sum?: string | number | null;
  /** Set while a surge hold is on: the weighted score then comes from the stable sums. */
  held_at?: Date | string | null;
  stable_weight_sum?: string | number | null;
  stable_weighted_sum?: string | number | null;
}

/** A stats row as a left join leaves it: all null for an album nobody rated. */
type NullableStats = { count: number | null; sum: string | null; histogram: number[] | null } & Pick<
  StatsRow,
  'weight_sum' | 'weighted_sum' | 'held_at' | 'stable_weight_sum' | 'stable_weighted_sum'
>;

/** The stats columns every read of an album's aggregate selects, for `presentStats`. */
export const ALBUM_STATS_COLUMNS = ['count', 'sum', 'histogram', 'weight_sum', 'weighted_sum', 'held_at', 'stable_weight_sum', 'stable_weighted_sum'] as const;

export interface CreditRow {
  artist_id: string;
  credited_name: string;
  join_phrase: string;
}

export interface TrackRow {
  id: string;
  album_id: string;
  disc: number;
  position: number;
  position_label: string | null;
  title: string;
  artist_credit: string;
  duration_ms: number | null;
  isrc: string | null;
  count: number | null;
  sum: string | number | null;
}

const ALBUM_COLUMNS = [
  'a.id',
  'a.title',
  'a.artist_credit',
  'a.release_date_precision',
  'a.release_year',
  'a.type',
  'a.genres',
  'a.styles',
  'a.label',
  'a.catalog_number',
  'a.country',
  'a.upc',
  'a.cover_url',
  'a.cover_key',
  'a.spotify_id',
  'a.apple_id',
  'a.discogs_id',
];

// release_date is selected separately as YYYY-MM-DD text: a JS Date would shift it by the server's time zone.

/** The catalog read model several features share: albums, their credits and tracks, and their rating aggregates. */
/**
 * The album columns a summary card shows, read from albums aliased `a` and named `album_*`, for
 * lists whose rows carry their album (reviews, diary entries).
 */
export const ALBUM_SUMMARY_COLUMNS = [
  'a.title as album_title',
  'a.artist_credit as album_artist_credit',
  'a.release_year as album_release_year',
  'a.type as album_type',
  'a.cover_key as album_cover_key',
  'a.genres as album_genres',
] as const;

export class CatalogReadModel {
  constructor(private readonly knex: Knex) {}

  async findAlbum(id: string): Promise<AlbumRow | null> {
    const row = await this.knex('albums as a')
      .select(ALBUM_COLUMNS)
      .select(this.knex.raw(`to_char(a.release_date, 'YYYY-MM-DD') AS release_date`))
      .where('a.id', id)
      .first();
    return (row as AlbumRow | undefined) ?? null;
  }

  async albumExists(id: string): Promise<boolean> {
    return Boolean(await this.knex('albums').where({ id }).first('id'));
  }

  /** Album id of a track, or null when the track does not exist. */
  async trackAlbumId(trackId: string): Promise<string | null> {
    const row = await this.knex('tracks').where({ id: trackId }).first('album_id');
    return row ? String(row.album_id) : null;
  }

  async albumCredits(albumId: string): Promise<CreditRow[]> {
    return this.knex('album_artists').select('artist_id', 'credited_name', 'join_phrase').where({ album_id: albumId }).orderBy('position');
  }

  /** Tracks in disc and position order, each with its rating aggregate. */
  async listTracks(albumId: string): Promise<TrackRow[]> {
    return this.knex('tracks as t')
      .leftJoin('track_rating_stats as s', 's.track_id', 't.id')
      .select('t.id', 't.album_id', 't.disc', 't.position', 't.position_label', 't.title', 't.artist_credit', 't.duration_ms', 't.isrc', 's.count', 's.sum')
      .where('t.album_id', albumId)
      .orderBy([{ column: 't.disc' }, { column: 't.position' }]);
  }

  async albumStats(albumId: string): Promise<StatsRow | null> {
    return (await this.knex('album_rating_stats').select(ALBUM_STATS_COLUMNS).where({ album_id: albumId }).first()) ?? null;
  }

  /** Albums by id with their aggregates, in the order asked. */
  async albumSummaries(ids: string[]): Promise<(AlbumRow & { stats: StatsRow | null })[]> {
    if (!ids.length) return [];
    const rows = await this.knex('albums as a')
      .leftJoin('album_rating_stats as s', 's.album_id', 'a.id')
      .select(ALBUM_COLUMNS)
      .select(this.knex.raw(`to_char(a.release_date, 'YYYY-MM-DD') AS release_date`), ...ALBUM_STATS_COLUMNS.map((c) => `s.${c}`))
      .whereIn('a.id', ids);
    const byId = new Map(rows.map((r: AlbumRow & NullableStats) => [String(r.id), r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const { count, sum, histogram, weight_sum, weighted_sum, held_at, stable_weight_sum, stable_weighted_sum, ...album } = r;
      const stats =
        count === null ? null : { count, sum: sum ?? 0, histogram: histogram ?? [], weight_sum, weighted_sum, held_at, stable_weight_sum, stable_weighted_sum };
      return [{ ...album, stats }];
    });
  }

  /**
   * Weighted mean of every album rating (Σ wᵢ·sᵢ / Σ wᵢ), in stars; the prior of the weighted
   * score (3 when none). Weighted like the score itself, so a brigade of fresh accounts cannot
   * drag every album's score through the prior either.
   */
  async globalAlbumMean(): Promise<number> {
    const row = await this.knex('album_rating_stats').select(this.knex.raw('sum(weighted_sum)::float8 AS s, sum(weight_sum)::float8 AS n')).first();
    const n = Number(row?.n ?? 0);
    return n > 0 ? Number(row.s) / n / 2 : 3;
  }
}
