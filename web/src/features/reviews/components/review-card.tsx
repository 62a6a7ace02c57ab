import type { ReviewView } from '@muse/shared';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Stars } from '../../../components/ui/stars';
import { formatDay, formatCount } from '../../../lib/format-music';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';
import { LikeButton } from './like-button';
import { AudienceLabel } from '../../../components/audience-label';
import { ListenLabel } from '../../../components/listen-label';
import { ReportButton } from './report-button';

const EXCERPT_CHARS = 700;

/** Cuts long text at a word boundary near `max` characters. */
export function excerpt(text: string, max = EXCERPT_CHARS): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const slice = text.slice(0, max);
  const space = slice.lastIndexOf(' ');
  return { text: `${(space > max * 0.6 ? slice.slice(0, space) : slice).trimEnd()}…`, cut: true };
}

interface ReviewCardProps {
  review: ReviewView;
  canLike: boolean;
  /** The signed-in viewer, or null: anyone signed in but the author may report the review. */
  viewerId: string | null;
  /** Adds the album (and the track of a track review), for lists spanning many albums. */
  showAlbum?: boolean;
}

/**
 * A review in a list: author, rating, listen date, the text (long ones cut, with a link to the
 * whole review), likes, comments and, for signed-in readers other than its author, "Report".
 */
export function ReviewCard({ review, canLike, viewerId, showAlbum = false }: ReviewCardProps) {
  const body = excerpt(review.body);
  const canReport = viewerId !== null && viewerId !== review.author.id;
  return (
    <article className="review-card" aria-labelledby={`review-${review.id}-title`}>
      {showAlbum && (
        <Link to={`/albums/${review.album.id}`} className="review-card-album" tabIndex={-1} aria-hidden="true">
          <AlbumCover title={review.album.title} artist={review.album.artistCredit} coverUrl={review.album.coverUrl} size={64} decorative />
        </Link>
      )}
      <div className="review-card-body">
        <header className="review-card-header">
          <h3 id={`review-${review.id}-title`} className="review-card-title">
            {showAlbum && review.track && (
              <>
                <Link to={`/tracks/${review.track.id}`}>{review.track.title}</Link>
                <span className="muted"> from </span>
              </>
            )}
            {showAlbum && (
              <>
                <Link to={`/albums/${review.album.id}`}>{review.album.title}</Link>
                <span className="muted"> · </span>
              </>
            )}
            <span className="muted">Review by </span>
            <Link to={`/users/${encodeURIComponent(review.author.handle)}`}>{review.author.displayName}</Link>
          </h3>
          {review.rating !== null && <Stars value={review.rating} size="sm" />}
          {review.isRelisten && (
            <span className="relisten-mark" title="Relisten">
              <span aria-hidden="true">↻</span>
              <span className="sr-only">Relisten</span>
            </span>
          )}
          <ListenLabel listenNumber={review.listenNumber} />
          <AudienceLabel visibility={review.visibility} />
          <span className="review-card-date muted">
            {review.listenedOn ? (
              <>
                Listened <time dateTime={review.listenedOn}>{formatDay(review.listenedOn)}</time>
              </>
            ) : (
              <time dateTime={review.createdAt} title={formatDateTime(review.createdAt)}>
                {formatRelativeTime(review.createdAt)}
              </time>
            )}
          </span>
        </header>
        <p className="review-text">{body.text}</p>
        <footer className="review-card-footer">
          <LikeButton reviewId={review.id} liked={review.likedByViewer} likeCount={review.likeCount} canLike={canLike} />
          <Link to={`/reviews/${review.id}`} className="review-card-link">
            {body.cut ? 'Read the whole review' : formatCount(review.commentCount, 'comment')}
            <span className="sr-only"> by {review.author.displayName}</span>
          </Link>
          {canReport && <ReportButton targetType="review" targetId={review.id} authorName={review.author.displayName} />}
        </footer>
      </div>
    </article>
  );
}
