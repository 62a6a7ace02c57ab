import type { ImportView } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** One import with its rows (what matched, what did not and why). */
export async function getImport(id: string): Promise<ImportView> {
  return api.get<ImportView>(`/api/imports/${encodeURIComponent(id)}`);
}

const WORKING = new Set(['parsing', 'applying']);

/**
 * Query options for one import. While the worker is busy it is re-read every few seconds as
 * a safety net; `import:progress` events normally move it along sooner.
 */
export function getImportQueryOptions(id: string) {
  return queryOptions({
    queryKey: catalogKeys.import(id),
    queryFn: () => getImport(id),
    refetchInterval: (query) => (query.state.data && WORKING.has(query.state.data.status) ? 4_000 : false),
  });
}

/** One import. */
export function useImport(id: string) {
  return useQuery(getImportQueryOptions(id));
}
