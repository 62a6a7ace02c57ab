import type { ServiceImportCreateInput, ServiceImportView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { serviceImportKeys } from './service-import-keys';

/** Starts an import; the server answers 202 with the import, queued (or the one already running for that playlist). */
export async function createServiceImport(input: ServiceImportCreateInput): Promise<ServiceImportView> {
  return api.post<ServiceImportView>('/api/service-imports', input);
}

/** Mutation that starts an import and caches it, so its progress shows without a fetch. */
export function useCreateServiceImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createServiceImport,
    onSuccess: (created) => {
      queryClient.setQueryData(serviceImportKeys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: serviceImportKeys.list() });
    },
  });
}
