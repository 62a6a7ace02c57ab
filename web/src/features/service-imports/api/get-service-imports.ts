import type { ServiceImportList } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { serviceImportKeys } from './service-import-keys';

/** The user's latest imports from services, newest first. */
export async function getServiceImports(): Promise<ServiceImportList> {
  return api.get<ServiceImportList>('/api/service-imports');
}

export function getServiceImportsQueryOptions() {
  return queryOptions({ queryKey: serviceImportKeys.list(), queryFn: getServiceImports });
}

/** The user's imports; `enabled` false when the page already knows which import to follow. */
export function useServiceImports(enabled = true) {
  return useQuery({ ...getServiceImportsQueryOptions(), enabled });
}
