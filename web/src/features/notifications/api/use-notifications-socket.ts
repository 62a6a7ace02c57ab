import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createSocket } from '../../../lib/socket';
import { applyNewNotification, invalidateNotifications, setUnreadInCache } from './notifications-cache';

/**
 * Keeps notification queries live for the signed-in user over Socket.IO. Connects while
 * `userId` is set and disconnects when it becomes null (logout) or the component unmounts.
 */
export function useNotificationsSocket(userId: string | null): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!userId) return;
    const socket = createSocket();
    socket.on('notification:new', (payload) => applyNewNotification(queryClient, payload));
    socket.on('notification:unread', ({ unread }) => setUnreadInCache(queryClient, unread));
    // Events sent while we were not connected (including before the first connect) are lost.
    socket.on('connect', () => {
      if (!socket.recovered) void invalidateNotifications(queryClient);
    });
    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [userId, queryClient]);
}
