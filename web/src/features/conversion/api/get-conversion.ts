import type { ConversionStatus, ConversionView } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { conversionKeys, conversionPath } from './conversion-keys';

/** One conversion: source, target, status, phase and counts. */
export async function getConversion(id: string): Promise<ConversionView> {
  return api.get<ConversionView>(conversionPath(id));
}

const WORKING = new Set<ConversionStatus>(['queued', 'running']);

/** True while the worker has not finished with the conversion. */
export const isWorking = (status: ConversionStatus): boolean => WORKING.has(status);

/**
 * Query options for one conversion. While it runs it is re-read every few seconds as a safety
 * net; `conversion:progress` events normally move it along sooner.
 */
export function getConversionQueryOptions(id: string) {
  return queryOptions({
    queryKey: conversionKeys.detail(id),
    queryFn: () => getConversion(id),
    refetchInterval: (query) => (query.state.data && isWorking(query.state.data.status) ? 5_000 : false),
  });
}

/** One conversion. */
export function useConversion(id: string) {
  return useQuery(getConversionQueryOptions(id));
}
