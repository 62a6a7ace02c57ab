import type { CommentView, Page } from '@muse/shared';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';
import { useDeleteComment } from '../api/delete-comment';
import { useReviewComments } from '../api/get-review-comments';
import { ReportButton } from './report-button';

interface CommentListProps {
  reviewId: string;
  firstPage?: Page<CommentView>;
  firstPageAt?: number;
  /** The signed-in viewer, who may report others' comments; null when signed out. */
  viewerId?: string | null;
}

/**
 * A review's comments, oldest first, each deletable by whoever the server says may
 * (`canDelete`) and reportable by signed-in viewers other than its author.
 */
export function CommentList({ reviewId, firstPage, firstPageAt, viewerId = null }: CommentListProps) {
  const comments = useReviewComments(reviewId, firstPage, firstPageAt);
  const remove = useDeleteComment(reviewId);
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];

  if (comments.isError) return <Alert tone="error">Could not load comments. {comments.error.message}</Alert>;

  return (
    <div className="comments">
      {remove.isError && <Alert tone="error">The comment was not deleted: {remove.error.message}</Alert>}
      {items.length === 0 && !comments.isPending ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ol className="comment-list">
          {items.map((comment) => (
            <li key={comment.id} className="comment">
              <header className="comment-header">
                <Link to={`/users/${encodeURIComponent(comment.author.handle)}`} className="comment-author">
                  {comment.author.displayName}
                </Link>
                <span className="muted">@{comment.author.handle}</span>
                <time className="muted" dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
                  {formatRelativeTime(comment.createdAt)}
                </time>
                {viewerId !== null && viewerId !== comment.author.id && (
                  <span className="comment-actions">
                    <ReportButton targetType="comment" targetId={comment.id} authorName={comment.author.displayName} />
                  </span>
                )}
                {comment.canDelete && (
                  <span className="comment-actions">
                    <ConfirmButton
                      confirmText="Delete comment"
                      aria-label={`Delete comment by ${comment.author.displayName}`}
                      pending={remove.isPending && remove.variables === comment.id}
                      onConfirm={() => remove.mutate(comment.id)}
                    >
                      Delete
                    </ConfirmButton>
                  </span>
                )}
              </header>
              <p className="comment-body">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      {comments.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" size="sm" onClick={() => void comments.fetchNextPage()} pending={comments.isFetchingNextPage}>
            Load more comments
          </Button>
        </div>
      )}
    </div>
  );
}
