import { valueToStars, type CommentView, type ReviewTrackRef, type ReviewView, type UserSummary } from '@muse/shared';
import { presentAlbumColumns } from './catalog.presenter';
import type { CommentViewRow } from '../../features/reviews/review-comments.repo';
import type { ReviewViewRow } from '../../features/reviews/reviews.repo';

function presentAuthor(id: string, handle: string, displayName: string): UserSummary {
  return { id: String(id), handle, displayName };
}

function presentReviewTrack(row: ReviewViewRow): ReviewTrackRef | null {
  if (row.track_id === null || row.track_id === undefined) return null;
  return { id: String(row.track_id), title: row.track_title ?? '', artistCredit: row.track_artist_credit ?? '' };
}

/** A review card: chosen fields only, the rating in stars; `track` set for a review of a track. */
export function presentReview(row: ReviewViewRow): ReviewView {
  return {
    id: String(row.id),
    album: presentAlbumColumns(row),
    track: presentReviewTrack(row),
    author: presentAuthor(row.user_id, row.author_handle, row.author_display_name),
    body: row.body,
    rating: row.rating === null ? null : valueToStars(row.rating),
    listenedOn: row.listened_on,
    isRelisten: row.is_relisten,
    visibility: row.visibility,
    listenNumber: row.listen_number === null || row.listen_number === undefined ? null : Number(row.listen_number),
    likeCount: Number(row.like_count),
    commentCount: Number(row.comment_count),
    likedByViewer: Boolean(row.liked_by_viewer),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A comment; `canDelete` when the viewer wrote it or wrote the review it is on. */
export function presentComment(row: CommentViewRow, viewerId: string | null, reviewAuthorId: string): CommentView {
  const author = String(row.user_id);
  return {
    id: String(row.id),
    reviewId: String(row.review_id),
    author: presentAuthor(author, row.author_handle, row.author_display_name),
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
    canDelete: viewerId !== null && (viewerId === author || viewerId === String(reviewAuthorId)),
  };
}
