import type { ServerToClientEvents } from '@muse/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { holdSocket, listen } from '../../../lib/socket';
import { catchUpNotifications } from './catch-up-notifications';
import { applyNewNotification, invalidateNotifications, setUnreadInCache } from './notifications-cache';

/**
 * Keeps notification queries live for the signed-in user over Socket.IO. Holds the shared
 * socket while `userId` is set and lets go when it becomes null (logout) or the component unmounts.
 */
export function useNotificationsSocket(userId: string | null): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!userId) return;
    return holdSocket((socket) => {
      const handleNew: ServerToClientEvents['notification:new'] = (payload) => applyNewNotification(queryClient, payload);
      const handleUnread: ServerToClientEvents['notification:unread'] = ({ unread }) => setUnreadInCache(queryClient, unread);
      // Some were removed or rewritten (their only actor deleted the account): the list is read again.
      const handleChanged: ServerToClientEvents['notification:changed'] = ({ unread }) => {
        setUnreadInCache(queryClient, unread);
        void invalidateNotifications(queryClient);
      };
      // Events sent while we were not connected (including before the first connect) are lost:
      // fetch what changed since the latest one seen. A recovered reconnect is no exception: the
      // server replays what it kept, but an event sent while it re-checks the session is dropped
      // (Socket.IO recovery is best effort), and upserting by id makes the overlap harmless.
      const handleConnect = () => void catchUpNotifications(queryClient);
      return listen(socket, {
        'notification:new': handleNew,
        'notification:unread': handleUnread,
        'notification:changed': handleChanged,
        connect: handleConnect,
      });
    });
  }, [userId, queryClient]);
}
