import type { FeedPage, UserSummary } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

// The empty feed's suggestion looks only this far back in the viewer's own activity.
const LOOK_BACK = 50;

/** The author of the latest review `handle` liked (someone else's), from their activity; null when there is none. */
export async function getLikedReviewAuthor(handle: string, viewerId: string): Promise<UserSummary | null> {
  const page = await api.get<FeedPage>(`/api/users/${encodeURIComponent(handle)}/activity?limit=${LOOK_BACK}`);
  for (const item of page.items) {
    if (item.type !== 'liked_review') continue;
    const author = item.activities.find((a) => a.review?.author && a.review.author.id !== viewerId)?.review?.author;
    if (author) return author;
  }
  return null;
}

/** Query options keyed under the user's activity, so a new like refreshes the suggestion with it. */
export function getLikedReviewAuthorQueryOptions(handle: string, viewerId: string) {
  return queryOptions({
    queryKey: [...socialKeys.userActivity(handle), 'liked-review-author'] as const,
    queryFn: () => getLikedReviewAuthor(handle, viewerId),
  });
}

/** Whom the empty feed suggests following: the author of a review the viewer liked. */
export function useLikedReviewAuthor(handle: string, viewerId: string) {
  return useQuery(getLikedReviewAuthorQueryOptions(handle, viewerId));
}
