import type { ExternalAlbumAdded, ExternalAlbumAddInput } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { enrichmentKeys } from './search-external-albums';

/** Adds a service's album (with its tracks) to Muse's catalog, or finds the album it already is. */
export async function addExternalAlbum(input: ExternalAlbumAddInput): Promise<ExternalAlbumAdded> {
  return api.post<ExternalAlbumAdded>('/api/catalog/external-albums', input);
}

/** The add, refreshing search answers (Muse's and the services') so the album shows as in Muse. */
export function useAddExternalAlbum() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addExternalAlbum,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: enrichmentKeys.all }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.search({}).slice(0, 1) }),
      ]);
    },
  });
}
