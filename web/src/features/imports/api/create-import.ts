import type { ImportCreateInput, ImportView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** Uploads a CSV for matching; the server answers 202 with the import, still parsing. */
export async function createImport(input: ImportCreateInput): Promise<ImportView> {
  return api.post<ImportView>('/api/imports', input);
}

/** Mutation that starts an import and caches it so its page opens without a fetch. */
export function useCreateImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createImport,
    onSuccess: (created) => {
      queryClient.setQueryData(catalogKeys.import(created.id), created);
      return queryClient.invalidateQueries({ queryKey: catalogKeys.importList() });
    },
  });
}
