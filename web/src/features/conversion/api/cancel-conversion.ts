import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { conversionKeys, conversionPath } from './conversion-keys';

/** Asks the worker to stop a conversion; what was done so far stays in the report. */
export async function cancelConversion(id: string): Promise<void> {
  await api.post<unknown>(`${conversionPath(id)}/cancel`);
}

/** Mutation that cancels a conversion and re-reads it. */
export function useCancelConversion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelConversion,
    onSuccess: (_result, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: conversionKeys.detail(id), exact: true }),
        queryClient.invalidateQueries({ queryKey: conversionKeys.list() }),
      ]),
  });
}
