import { valueToStars } from '@muse/shared';
import type {
  AlbumRefRow,
  CommentExportRow,
  DiaryExportRow,
  LikeExportRow,
  ListenLaterExportRow,
  RatingExportRow,
  ReviewExportRow,
  TrackRefRow,
} from './exports.repo';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
const stars = (value: number | null): number | null => (value === null ? null : valueToStars(value));
const id = (v: string | number | null): string | null => (v === null ? null : String(v));

function albumRef(r: AlbumRefRow) {
  return {
    albumId: id(r.album_id),
    artist: r.album_artist,
    albumTitle: r.album_title,
    releaseYear: r.release_year,
    upc: r.upc,
    albumSpotifyId: r.album_spotify_id,
    albumAppleId: r.album_apple_id,
    discogsId: id(r.discogs_id),
  };
}

function trackRef(r: Omit<TrackRefRow, 'item_type'>) {
  return {
    trackId: id(r.track_id),
    trackTitle: r.track_title,
    trackArtist: r.track_artist,
    isrc: r.isrc,
    trackSpotifyId: r.track_spotify_id,
    trackAppleId: r.track_apple_id,
  };
}

/** A rating, current or replaced; tracks carry their ISRC and service ids beside the album's. */
export function presentRatingExport(r: RatingExportRow) {
  return {
    itemType: r.item_type,
    status: r.status,
    ...albumRef(r),
    ...trackRef(r),
    stars: stars(r.value),
    ratedAt: iso(r.rated_at),
    replacedAt: iso(r.replaced_at),
  };
}

/** A review the user wrote, of an album or a track (with the track's identifiers), with its full text and counters. */
export function presentReviewExport(r: ReviewExportRow) {
  return {
    reviewId: String(r.id),
    itemType: r.item_type,
    ...albumRef(r),
    ...trackRef(r),
    stars: stars(r.rating),
    listenedOn: r.listened_on,
    isRelisten: r.is_relisten,
    listenNumber: r.listen_number,
    likeCount: r.like_count,
    commentCount: r.comment_count,
    body: r.body,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** A diary entry, with the review it links to (if any). */
export function presentDiaryExport(r: DiaryExportRow) {
  return {
    entryId: String(r.id),
    listenedOn: r.listened_on,
    ...albumRef(r),
    stars: stars(r.rating),
    isRelisten: r.is_relisten,
    reviewId: id(r.review_id),
    createdAt: iso(r.created_at),
  };
}

/** A comment the user wrote, with whose review it answers and what that review is of (an album, or a track with its ids). */
export function presentCommentExport(r: CommentExportRow) {
  return {
    commentId: String(r.id),
    reviewId: String(r.review_id),
    reviewAuthor: r.review_author,
    itemType: r.item_type,
    ...albumRef(r),
    ...trackRef(r),
    body: r.body,
    createdAt: iso(r.created_at),
  };
}

/** A review the user liked, with its author and what it is of. */
export function presentLikeExport(r: LikeExportRow) {
  return { reviewId: String(r.review_id), reviewAuthor: r.review_author, itemType: r.item_type, ...albumRef(r), ...trackRef(r), likedAt: iso(r.created_at) };
}

/** An album waiting on the Listen later queue: when it was added, and whether it stays once heard. */
export function presentListenLaterExport(r: ListenLaterExportRow) {
  return { ...albumRef(r), addedAt: iso(r.added_at), keep: r.keep };
}
