import type {
  FollowResult,
  FollowSuggestions,
  RatingResult,
  RecommendationDismissInput,
  RecommendationPage,
  RecommendationQuery,
  SimilarAlbums,
} from '@muse/shared';
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';
import { toQueryString } from '../../../lib/query-params';

/** Query keys of this feature (a rating elsewhere may change them; they are only refetched here). */
export const recommendationKeys = {
  all: ['recommendations'] as const,
  list: (params: RecommendationFilters & { limit: number }) => ['recommendations', 'list', params] as const,
  similar: (albumId: string) => ['recommendations', 'similar', albumId] as const,
  followSuggestions: () => ['recommendations', 'follow-suggestions'] as const,
};

/** What the Discover page filters by. */
export interface RecommendationFilters {
  kind: RecommendationQuery['kind'];
  genre?: string;
  decade?: number;
}

/** One page of the signed-in user's picks. */
export async function getRecommendations(params: RecommendationFilters & { cursor?: string | null; limit: number }): Promise<RecommendationPage> {
  return api.get<RecommendationPage>(`/api/recommendations${toQueryString({ ...params })}`);
}

export function getRecommendationsQueryOptions(filters: RecommendationFilters, limit = 20) {
  const params = { ...filters, limit };
  return infiniteQueryOptions({
    queryKey: recommendationKeys.list(params),
    queryFn: ({ pageParam }) => getRecommendations({ ...params, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The picks with "load more"; `limit` sets the page size (My Muse shows a few). */
export function useRecommendations(filters: RecommendationFilters, limit = 20) {
  return useInfiniteQuery(getRecommendationsQueryOptions(filters, limit));
}

function idOf(input: RecommendationDismissInput): string {
  return 'albumId' in input ? input.albumId : input.trackId;
}

/** "Not interested": the pick leaves every loaded list at once, and comes back if the server refuses. */
export function useDismissRecommendation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecommendationDismissInput) => api.post<void>('/api/recommendations/dismiss', input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: recommendationKeys.all });
      const lists = queryClient.getQueriesData<InfiniteData<RecommendationPage>>({ queryKey: [...recommendationKeys.all, 'list'] });
      const id = idOf(input);
      const kind = 'albumId' in input ? 'album' : 'track';
      for (const [key, data] of lists) {
        if (!data) continue;
        queryClient.setQueryData<InfiniteData<RecommendationPage>>(key, {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.filter((item) => !(item.kind === kind && (kind === 'album' ? item.album.id : item.track?.id) === id)),
          })),
        });
      }
      return { lists };
    },
    onError: (_error, _input, context) => {
      for (const [key, data] of context?.lists ?? []) queryClient.setQueryData(key, data);
    },
  });
}

export function getSimilarAlbumsQueryOptions(albumId: string) {
  return queryOptions({
    queryKey: recommendationKeys.similar(albumId),
    queryFn: () => api.get<SimilarAlbums>(`/api/albums/${encodeURIComponent(albumId)}/similar`),
    staleTime: 10 * 60_000,
  });
}

/** Albums like this one (anyone may see them). */
export function useSimilarAlbums(albumId: string) {
  return useQuery(getSimilarAlbumsQueryOptions(albumId));
}

/** People whose ratings agree with the signed-in user's. */
export function useFollowSuggestions() {
  return useQuery({
    queryKey: recommendationKeys.followSuggestions(),
    queryFn: () => api.get<FollowSuggestions>('/api/users/me/follow-suggestions'),
  });
}

/** Rates a recommended album or track inline (`PUT`), or removes the rating when `rating` is null (`DELETE`). */
export async function ratePick({ kind, id, rating }: { kind: 'album' | 'track'; id: string; rating: number | null }): Promise<RatingResult> {
  const path = `/api/${kind === 'album' ? 'albums' : 'tracks'}/${encodeURIComponent(id)}/rating`;
  return rating === null ? api.delete<RatingResult>(path) : api.put<RatingResult>(path, { rating });
}

/** Follows a suggested person (or asks to, for a private profile); their profile and the feed are then refetched. */
export function useFollowSuggested(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.put<FollowResult>(`/api/users/${encodeURIComponent(handle)}/follow`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: socialKeys.profile(handle) });
      void queryClient.invalidateQueries({ queryKey: socialKeys.feed() });
    },
  });
}
