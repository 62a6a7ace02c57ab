import type { QueryClient } from '@tanstack/react-query';
import { catalogKeys, listenLaterKeys } from '../../../lib/query-keys';

/**
 * After a listen, review or rating change touching an album: its page (viewer's rating, listens,
 * stats), its review lists and every diary and review list may show something new, and the album
 * may have left the Listen later queue.
 */
export async function invalidateAfterListen(queryClient: QueryClient, albumId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: catalogKeys.album(albumId) }),
    queryClient.invalidateQueries({ queryKey: catalogKeys.users }),
    queryClient.invalidateQueries({ queryKey: listenLaterKeys.all }),
  ]);
}
