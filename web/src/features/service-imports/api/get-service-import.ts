import type { ServiceImportView } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { serviceImportKeys } from './service-import-keys';

/** One of the user's imports from a service. */
export async function getServiceImport(id: string): Promise<ServiceImportView> {
  return api.get<ServiceImportView>(`/api/service-imports/${encodeURIComponent(id)}`);
}

const WORKING = new Set(['queued', 'importing']);

/**
 * Query options for one import. While it runs it is re-read every few seconds as a safety net;
 * `service-import:progress` events normally move it along sooner.
 */
export function getServiceImportQueryOptions(id: string) {
  return queryOptions({
    queryKey: serviceImportKeys.detail(id),
    queryFn: () => getServiceImport(id),
    refetchInterval: (query) => (query.state.data && WORKING.has(query.state.data.status) ? 4_000 : false),
  });
}

export function useServiceImport(id: string) {
  return useQuery(getServiceImportQueryOptions(id));
}
