import type { BlockListItem, Page } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

/** Everyone the signed-in user has blocked (the first hundred, newest first). */
export async function getBlocks(): Promise<BlockListItem[]> {
  return (await api.get<Page<BlockListItem>>('/api/me/blocks?limit=100')).items;
}

/** Query options for the blocked list. */
export function getBlocksQueryOptions() {
  return queryOptions({ queryKey: socialKeys.blocks(), queryFn: getBlocks });
}

/** The blocked list, for the settings page. */
export function useBlocks() {
  return useQuery(getBlocksQueryOptions());
}
