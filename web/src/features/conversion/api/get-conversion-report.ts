import type { ConversionReportRow, MatchOutcome, Page } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { conversionKeys, conversionPath } from './conversion-keys';

/** Report rows per page. */
export const REPORT_PAGE_SIZE = 50;

/** Which rows the report shows. */
export type ReportFilter = MatchOutcome | 'all';

/** One page of a conversion's report, in source order, optionally only one outcome. */
export async function getConversionReport(id: string, filter: ReportFilter, cursor: string | null): Promise<Page<ConversionReportRow>> {
  const query = toQueryString({ cursor, limit: REPORT_PAGE_SIZE, outcome: filter === 'all' ? undefined : filter });
  return api.get<Page<ConversionReportRow>>(`${conversionPath(id)}/report${query}`);
}

/** Infinite-query options for a report under one filter. */
export function getConversionReportQueryOptions(id: string, filter: ReportFilter) {
  return infiniteQueryOptions({
    queryKey: conversionKeys.report(id, filter),
    queryFn: ({ pageParam }) => getConversionReport(id, filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** A conversion's report with "Show more"; while the conversion runs (`live`) it is re-read now and then to show new rows. */
export function useConversionReport(id: string, filter: ReportFilter, live = false) {
  return useInfiniteQuery({ ...getConversionReportQueryOptions(id, filter), refetchInterval: live ? 10_000 : false });
}
