import type { ServerToClientEvents } from '@muse/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { socialKeys } from '../../../lib/query-keys';
import { holdSocket, listen } from '../../../lib/socket';
import { applyNewFeedItem } from './feed-cache';

/**
 * Keeps the cached feed live while the page is open: each `feed:new` item goes to the top
 * and `onNew` hears its id; after every (re)connect the feed is refetched.
 */
export function useFeedSocket(enabled: boolean, onNew: (itemId: string) => void): void {
  const queryClient = useQueryClient();
  const onNewRef = useRef(onNew);
  onNewRef.current = onNew;

  useEffect(() => {
    if (!enabled) return;
    return holdSocket((socket) => {
      const handleNew: ServerToClientEvents['feed:new'] = ({ item }) => {
        applyNewFeedItem(queryClient, item);
        onNewRef.current(item.id);
      };
      // Items sent while no connection was up (including before the first) are lost: read them again.
      // Also after a recovered reconnect, whose replay misses what is sent while the session is re-checked.
      const handleConnect = () => void queryClient.invalidateQueries({ queryKey: socialKeys.feed() });
      return listen(socket, { 'feed:new': handleNew, connect: handleConnect });
    });
  }, [enabled, queryClient]);
}
