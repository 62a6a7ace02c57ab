import type { ConversionCreateInput, ConversionView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { conversionKeys } from './conversion-keys';

/** Starts a conversion; the server answers 202 with it queued. */
export async function createConversion(input: ConversionCreateInput): Promise<ConversionView> {
  return api.post<ConversionView>('/api/conversions', input);
}

/** Mutation that starts a conversion and caches it, so its page opens without a fetch. */
export function useCreateConversion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createConversion,
    onSuccess: (created) => {
      queryClient.setQueryData(conversionKeys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: conversionKeys.list() });
    },
  });
}
