import type { ReportListQuery, ReportPage } from '@muse/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Which reports the queue shows. */
export type ReportStatus = ReportListQuery['status'];

/** One page of reports with `status`, oldest first (admins only). */
export async function getReports(status: ReportStatus, cursor?: string | null): Promise<ReportPage> {
  const params = new URLSearchParams({ status, limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api.get<ReportPage>(`/api/admin/reports?${params.toString()}`);
}

/** Infinite-query options for the moderation queue, shared by the loader and the page. */
export function getReportsQueryOptions(status: ReportStatus) {
  return infiniteQueryOptions({
    queryKey: socialKeys.reports(status),
    queryFn: ({ pageParam }) => getReports(status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The moderation queue for one status. */
export function useReports(status: ReportStatus, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...getReportsQueryOptions(status), enabled: options.enabled ?? true });
}
