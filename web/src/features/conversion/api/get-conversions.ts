import type { ConversionView, Page } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { conversionKeys } from './conversion-keys';

/** Conversions per page of the history. */
export const CONVERSIONS_PAGE_SIZE = 20;

/** One page of the signed-in user's conversions, newest first. */
export async function getConversions(cursor: string | null, limit = CONVERSIONS_PAGE_SIZE): Promise<Page<ConversionView>> {
  return api.get<Page<ConversionView>>(`/api/conversions${toQueryString({ cursor, limit })}`);
}

/** Infinite-query options for the conversion history. */
export function getConversionsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: conversionKeys.list(),
    queryFn: ({ pageParam }) => getConversions(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The conversion history with "Show more". */
export function useConversions() {
  return useInfiniteQuery(getConversionsQueryOptions());
}
