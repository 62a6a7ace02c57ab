import type { ServerToClientEvents } from '@muse/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { acquireSocket } from '../../../lib/socket';
import { catchUpNotifications } from './catch-up-notifications';
import { applyNewNotification, setUnreadInCache } from './notifications-cache';

/**
 * Keeps notification queries live for the signed-in user over Socket.IO. Holds the shared
 * socket while `userId` is set and lets go when it becomes null (logout) or the component unmounts.
 */
export function useNotificationsSocket(userId: string | null): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!userId) return;
    const { socket, release } = acquireSocket();
    const handleNew: ServerToClientEvents['notification:new'] = (payload) => applyNewNotification(queryClient, payload);
    const handleUnread: ServerToClientEvents['notification:unread'] = ({ unread }) => setUnreadInCache(queryClient, unread);
    // Events sent while we were not connected (including before the first connect) are lost:
    // fetch what changed since the latest one seen.
    const handleConnect = () => {
      if (!socket.recovered) void catchUpNotifications(queryClient);
    };
    socket.on('notification:new', handleNew);
    socket.on('notification:unread', handleUnread);
    socket.on('connect', handleConnect);
    return () => {
      socket.off('notification:new', handleNew);
      socket.off('notification:unread', handleUnread);
      socket.off('connect', handleConnect);
      release();
    };
  }, [userId, queryClient]);
}
