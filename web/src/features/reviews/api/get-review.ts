import type { ReviewDetail } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** One review with its album, author, like state and the first page of its comments. */
export async function getReview(id: string): Promise<ReviewDetail> {
  return api.get<ReviewDetail>(`/api/reviews/${encodeURIComponent(id)}`);
}

/** Query options for one review page. */
export function getReviewQueryOptions(id: string) {
  return queryOptions({ queryKey: catalogKeys.review(id), queryFn: () => getReview(id) });
}

/** The review page's data. */
export function useReview(id: string) {
  return useQuery(getReviewQueryOptions(id));
}
