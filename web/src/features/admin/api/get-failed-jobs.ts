import type { FailedJobList } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Query key of the failed-jobs list. */
export const failedJobsQueryKey = ['admin', 'failed-jobs'] as const;

/** Background jobs that exhausted their attempts (admins only; others get 403). */
export async function getFailedJobs(): Promise<FailedJobList> {
  return api.get<FailedJobList>('/api/admin/jobs/failed');
}

/** Query options for the failed-jobs list. */
export function getFailedJobsQueryOptions() {
  return queryOptions({ queryKey: failedJobsQueryKey, queryFn: getFailedJobs });
}

/** The failed-jobs list. */
export function useFailedJobs(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getFailedJobsQueryOptions(), enabled: options.enabled ?? true });
}
