import { bayesianAverage, isStoredCoverUrl, valueToStars, type AlbumDetail, type AlbumSummary, type RatingStats, type TrackView } from '@muse/shared';
import type { AlbumRow, CreditRow, StatsRow, TrackRow } from '../../features/catalog/catalog.read-model';

const EMPTY_HISTOGRAM = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * The published weighted score in stars: the Bayesian average over the raters' weights,
 * (C·m + Σ wᵢ·sᵢ) / (C + Σ wᵢ). While a hold is on it is computed from the stable sums, the
 * last ones no low-history surge had moved. A row without weight sums counts every rating fully.
 */
export function weightedScore(row: Omit<StatsRow, 'histogram'>, priorMean: number): number {
  const held = Boolean(row.held_at);
  const weights = Number((held ? row.stable_weight_sum : row.weight_sum) ?? row.count);
  const weightedValues = Number((held ? row.stable_weighted_sum : row.weighted_sum) ?? row.sum);
  return bayesianAverage(weights, valueToStars(weightedValues), priorMean);
}

/** Mean (of every rating, unweighted), the weighted score and the honest histogram, in stars; `heldSince` only under a hold. */
export function presentStats(row: StatsRow | null, priorMean: number): RatingStats {
  const count = row?.count ?? 0;
  const sumValues = Number(row?.sum ?? 0);
  if (!row || !count) return { count: 0, mean: null, histogram: [...EMPTY_HISTOGRAM], weighted: null };
  return {
    count,
    mean: round2(valueToStars(sumValues / count)),
    histogram: row.histogram?.length === 10 ? row.histogram.map(Number) : [...EMPTY_HISTOGRAM],
    weighted: round2(weightedScore(row, priorMean)),
    // Only a held score says so, so the answer of every album not under a hold keeps its shape.
    ...(row.held_at ? { heldSince: new Date(row.held_at).toISOString() } : {}),
  };
}

/** Whether an album's aggregate is hidden by the pre-release embargo, from its release date. */
export type AggregateHidden = (releaseDate: string | null) => boolean;

/** An album's stats in a list (search, artist page, favourites): empty while the pre-release embargo hides them. */
export function presentAlbumStats(row: { release_date: string | null; stats: StatsRow | null }, priorMean: number, hidden: AggregateHidden): RatingStats {
  return presentStats(hidden(row.release_date) ? null : row.stats, priorMean);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The cover pages show: Muse's stored copy (`GET /api/artwork/:key`) once the worker has fetched
 * it, else null (the web draws its placeholder). Never a service's address: a page loading
 * images from the services would tell them who looks at what. The address serves the largest
 * stored width; `?w=` with one of `COVER_WIDTHS` serves a smaller one (`coverSrcSet` lists them).
 */
export function presentCoverUrl(coverKey: string | null | undefined): string | null {
  return coverKey ? `/api/artwork/${coverKey}` : null;
}

/** A cover address kept in a document (a playlist entry's snapshot), shown only when it is Muse's stored copy. */
export function presentStoredCover(url: string | null | undefined): string | null {
  return isStoredCoverUrl(url) ? url : null;
}

export function presentAlbumSummary(row: AlbumRow): AlbumSummary {
  return {
    id: String(row.id),
    title: row.title,
    artistCredit: row.artist_credit,
    releaseYear: row.release_year,
    type: row.type,
    coverUrl: presentCoverUrl(row.cover_key),
    genres: row.genres ?? [],
  };
}

/** The columns of a row (a diary entry, a review, a queued album) that carries its album under the `album_` prefix. */
export interface AlbumColumns {
  album_id: string;
  album_title: string;
  album_artist_credit: string;
  album_release_year: number | null;
  album_type: AlbumRow['type'];
  album_cover_key: string | null;
  album_genres: string[] | null;
}

/** The album card of such a row. */
export function presentAlbumColumns(row: AlbumColumns): AlbumSummary {
  return {
    id: String(row.album_id),
    title: row.album_title,
    artistCredit: row.album_artist_credit,
    releaseYear: row.album_release_year,
    type: row.album_type,
    coverUrl: presentCoverUrl(row.album_cover_key),
    genres: row.album_genres ?? [],
  };
}

export function presentAlbumDetail(row: AlbumRow, credits: CreditRow[]): AlbumDetail {
  return {
    ...presentAlbumSummary(row),
    credits: credits.map((c) => ({ artistId: String(c.artist_id), name: c.credited_name, joinPhrase: c.join_phrase })),
    releaseDate: row.release_date,
    releaseDatePrecision: row.release_date_precision,
    styles: row.styles ?? [],
    label: row.label,
    catalogNumber: row.catalog_number,
    country: row.country,
    upc: row.upc,
    spotifyId: row.spotify_id,
    appleId: row.apple_id,
    discogsId: row.discogs_id === null ? null : String(row.discogs_id),
  };
}

export function presentTrack(row: TrackRow, viewerValue: number | null): TrackView {
  const count = row.count ?? 0;
  return {
    id: String(row.id),
    disc: row.disc,
    position: row.position,
    positionLabel: row.position_label,
    title: row.title,
    artistCredit: row.artist_credit,
    durationMs: row.duration_ms,
    isrc: row.isrc,
    stats: { count, mean: count ? round2(valueToStars(Number(row.sum) / count)) : null },
    viewerRating: viewerValue === null ? null : valueToStars(viewerValue),
  };
}
