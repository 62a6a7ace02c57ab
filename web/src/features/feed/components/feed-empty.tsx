import { Link } from 'react-router';
import { useLikedReviewAuthor } from '../api/get-liked-review-author';

/**
 * What an empty feed says: follow people, and who to start with. "Follow its author" links to the
 * author of a review the viewer liked; with none, it names nobody rather than the viewer.
 */
export function FeedEmptyState({ handle, viewerId }: { handle: string; viewerId: string }) {
  const author = useLikedReviewAuthor(handle, viewerId).data;
  return (
    <>
      <p>Your feed is quiet. Follow people to see what they rate, review and log here, as it happens.</p>
      {author ? (
        <p>
          Find friends with the search box, or follow someone whose review you liked, such as{' '}
          <Link to={`/users/${encodeURIComponent(author.handle)}`}>{author.displayName}</Link>, from their page.
        </p>
      ) : (
        <p>Find friends with the search box, or open a review you like and follow its author from their page.</p>
      )}
    </>
  );
}
