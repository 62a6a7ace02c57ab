import type { ReviewDetail as ReviewDetailData } from '@muse/shared';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { Stars } from '../../../components/ui/stars';
import { formatCount, formatDay } from '../../../lib/format-music';
import { formatDateTime } from '../../../lib/format-time';
import { loginPathFor } from '../../../lib/redirects';
import { useDeleteReview } from '../api/delete-review';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';
import { LikeButton } from './like-button';
import { AudienceLabel } from '../../../components/audience-label';
import { ListenLabel } from '../../../components/listen-label';
import { ReportButton } from './report-button';
import { ReviewEditorDialog } from './review-editor-dialog';

interface ReviewDetailProps {
  review: ReviewDetailData;
  /** When the review (and its first comments) were fetched, so the comment list knows their age. */
  fetchedAt: number;
  viewerId: string | null;
}

/**
 * A review in full: the album (and the track, for a track review), the author, rating and listen date, the text with its line
 * breaks (as plain text: nothing in it is ever read as HTML), likes, comments and, for the
 * author, edit and delete.
 */
export function ReviewDetail({ review, fetchedAt, viewerId }: ReviewDetailProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteReview();
  const isAuthor = viewerId !== null && viewerId === review.author.id;
  const edited = review.updatedAt !== review.createdAt;
  // A track review leads back to its track, an album review to its album.
  const subjectPath = review.track ? `/tracks/${review.track.id}` : `/albums/${review.album.id}`;

  return (
    <div className="review-page">
      <Link to={subjectPath} className="review-album card">
        <AlbumCover title={review.album.title} artist={review.album.artistCredit} coverUrl={review.album.coverUrl} size={96} />
        <span className="review-album-text">
          {review.track && <span className="review-album-title">{review.track.title}</span>}
          <span className={review.track ? 'muted' : 'review-album-title'}>{review.track ? `from ${review.album.title}` : review.album.title}</span>
          <span className="muted">
            {review.album.artistCredit}
            {review.album.releaseYear ? ` · ${review.album.releaseYear}` : ''}
          </span>
        </span>
      </Link>

      <article className="card review-full" aria-labelledby="review-title">
        <header className="review-full-header">
          <h1 id="review-title" className="review-full-title">
            <span className="muted">Review by </span>
            <Link to={`/users/${encodeURIComponent(review.author.handle)}`}>{review.author.displayName}</Link>
          </h1>
          <div className="review-full-meta">
            {review.rating !== null && <Stars value={review.rating} />}
            {review.listenedOn && (
              <span>
                Listened on <time dateTime={review.listenedOn}>{formatDay(review.listenedOn)}</time>
              </span>
            )}
            {review.isRelisten && (
              <span className="relisten-mark">
                <span aria-hidden="true">↻</span> Relisten
              </span>
            )}
            <ListenLabel listenNumber={review.listenNumber} />
            <AudienceLabel visibility={review.visibility} />
            <span className="muted" title={formatDateTime(review.updatedAt)}>
              {edited ? 'Edited' : 'Written'} {formatDay(review.updatedAt.slice(0, 10))}
            </span>
          </div>
        </header>
        <p className="review-text review-text-full" data-testid="review-body">
          {review.body}
        </p>
        <footer className="review-full-footer">
          <LikeButton reviewId={review.id} liked={review.likedByViewer} likeCount={review.likeCount} canLike={viewerId !== null} />
          {viewerId !== null && !isAuthor && <ReportButton targetType="review" targetId={review.id} authorName={review.author.displayName} />}
          {isAuthor && (
            <div className="review-owner-actions">
              <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
                Edit review
              </Button>
              <ConfirmButton
                confirmText="Yes, delete review"
                pending={remove.isPending}
                onConfirm={() =>
                  remove.mutate(
                    { id: review.id, albumId: review.album.id, trackId: review.track?.id },
                    { onSuccess: () => void navigate(subjectPath, { replace: true }) },
                  )
                }
              >
                Delete review
              </ConfirmButton>
            </div>
          )}
        </footer>
        {remove.isError && <Alert tone="error">The review was not deleted: {remove.error.message}</Alert>}
      </article>

      <section className="card" aria-labelledby="comments-title">
        <h2 id="comments-title" className="card-title">
          {formatCount(review.commentCount, 'comment')}
        </h2>
        <CommentList reviewId={review.id} firstPage={review.comments} firstPageAt={fetchedAt} viewerId={viewerId} />
        {viewerId ? (
          <CommentForm reviewId={review.id} />
        ) : (
          <p className="muted">
            <Link to={loginPathFor(location.pathname)}>Log in</Link> to join the conversation.
          </p>
        )}
      </section>

      {isAuthor && (
        <ReviewEditorDialog
          open={editing}
          onClose={() => setEditing(false)}
          album={review.album}
          track={review.track ?? undefined}
          review={review}
          onDone={() => undefined}
        />
      )}
    </div>
  );
}
