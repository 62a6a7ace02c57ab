import type { ImportConfirmInput, ImportView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** Applies a parsed import, leaving out `skipLines`. */
export async function confirmImport({ id, input }: { id: string; input: ImportConfirmInput }): Promise<ImportView> {
  return api.post<ImportView>(`/api/imports/${encodeURIComponent(id)}/confirm`, input);
}

/** Mutation that confirms an import; its progress then arrives like the parsing did. */
export function useConfirmImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmImport,
    onSuccess: (updated) => {
      if (updated && typeof updated === 'object' && 'id' in updated) queryClient.setQueryData(catalogKeys.import(updated.id), updated);
      return queryClient.invalidateQueries({ queryKey: catalogKeys.imports });
    },
  });
}
