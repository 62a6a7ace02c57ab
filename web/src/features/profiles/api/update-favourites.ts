import type { FavouritesResult, ProfileView } from '@muse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';

type Favourites = ProfileView['favourites'];

/** Replaces the signed-in user's top four with `albumIds`, in display order. */
export async function updateFavourites(albumIds: string[]): Promise<FavouritesResult> {
  return api.put<FavouritesResult>('/api/me/favourites', { albumIds });
}

/**
 * Mutation saving the favourites of `handle` (the signed-in user). The new order shows at once;
 * if the server refuses, the previous order comes back.
 */
export function useUpdateFavourites(handle: string) {
  const queryClient = useQueryClient();
  const key = socialKeys.profile(handle);
  const setFavourites = (favourites: Favourites) => queryClient.setQueryData<ProfileView>(key, (profile) => (profile ? { ...profile, favourites } : profile));
  return useMutation({
    mutationFn: (next: Favourites) => updateFavourites(next.map((album) => album.id)),
    onMutate: async (next) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<ProfileView>(key)?.favourites;
      setFavourites(next);
      return { previous };
    },
    onError: (_error, _next, context) => {
      if (context?.previous) setFavourites(context.previous);
    },
    onSuccess: ({ favourites }) => {
      setFavourites(favourites);
      // A newly added favourite is new activity on the page.
      void queryClient.invalidateQueries({ queryKey: socialKeys.userActivity(handle) });
    },
  });
}
