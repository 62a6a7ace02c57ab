import type { ImportList } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** The viewer's imports without their rows, newest first. */
export async function getImports(): Promise<ImportList> {
  return api.get<ImportList>('/api/imports');
}

/** Query options for the import list. */
export function getImportsQueryOptions() {
  return queryOptions({ queryKey: catalogKeys.importList(), queryFn: getImports });
}

/** The viewer's imports. */
export function useImports() {
  return useQuery(getImportsQueryOptions());
}
