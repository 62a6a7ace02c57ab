import type { ServerToClientEvents } from '@muse/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { catalogKeys } from '../../../lib/query-keys';
import { holdSocket, listen } from '../../../lib/socket';
import { applyAlbumStats } from './album-cache';

/**
 * While mounted with `enabled` (someone is signed in, since the socket handshake needs a
 * session), watches the album's room and patches its cached stats from `album:stats`.
 * Once the server acknowledges the watch, the page is read once more, so a rating made
 * between the first read and the watch is not missed. Answers whether updates are flowing.
 */
export function useAlbumLiveStats(albumId: string, enabled: boolean): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!enabled) return;
    return holdSocket((socket) => {
      let active = true;
      const watch = () => {
        socket.emit('album:watch', albumId, (watching) => {
          if (!active) return;
          setLive(watching);
          if (watching) void queryClient.invalidateQueries({ queryKey: catalogKeys.album(albumId), exact: true });
        });
      };
      const handleStats: ServerToClientEvents['album:stats'] = (payload) => {
        if (payload.albumId === albumId) applyAlbumStats(queryClient, payload);
      };
      // Every (re)connection starts without rooms unless the server recovered the session; a
      // recovered one keeps the room but may have missed stats sent while the session was re-checked.
      const handleConnect = () => {
        if (!socket.recovered) return watch();
        setLive(true);
        void queryClient.invalidateQueries({ queryKey: catalogKeys.album(albumId), exact: true });
      };
      const handleDisconnect = () => setLive(false);
      const stopListening = listen(socket, { 'album:stats': handleStats, connect: handleConnect, disconnect: handleDisconnect });
      if (socket.connected) watch();
      return () => {
        active = false;
        if (socket.connected) socket.emit('album:unwatch', albumId);
        stopListening();
        setLive(false);
      };
    });
  }, [albumId, enabled, queryClient]);

  return live;
}
