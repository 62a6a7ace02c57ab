import type { ServerToClientEvents } from '@muse/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { holdSocket, listen } from '../../../lib/socket';
import { addMessage, applyPlayback, applyPresence, applyRating, dropMessage } from './party-cache';
import { partyKeys } from './party-keys';

/**
 * While the viewer is in the party (`joined`), keeps its socket in the party's room and patches
 * the cached party and chat from its events. A reconnection the server recovered keeps the room
 * and replays what it kept; any other enters the room again. Either way the party is read afresh,
 * so a seek made while the connection was down (or while the server re-checked the session of a
 * recovered one, when its replay drops events) is not missed. Answers whether events are flowing.
 */
export function usePartySocket(partyId: string, joined: boolean): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!joined) return;
    return holdSocket((socket) => {
      let active = true;
      const refresh = () => {
        void queryClient.invalidateQueries({ queryKey: partyKeys.party(partyId), exact: true });
        void queryClient.invalidateQueries({ queryKey: partyKeys.messages(partyId) });
      };
      const watch = () =>
        socket.emit('party:watch', partyId, (watching) => {
          if (!active) return;
          setLive(watching);
          if (watching) refresh();
        });
      const mine = (id: string) => id === partyId;
      const onPlayback: ServerToClientEvents['party:playback'] = (p) => mine(p.partyId) && applyPlayback(queryClient, partyId, p.playback, p.serverTime);
      const onMessage: ServerToClientEvents['party:message'] = (p) => mine(p.message.partyId) && addMessage(queryClient, p.message);
      const onMessageRemoved: ServerToClientEvents['party:message-removed'] = (p) => mine(p.partyId) && dropMessage(queryClient, partyId, p.messageId);
      const onRating: ServerToClientEvents['party:rating'] = (p) => mine(p.partyId) && applyRating(queryClient, partyId, p.rating);
      const onPresence: ServerToClientEvents['party:presence'] = (p) => mine(p.partyId) && applyPresence(queryClient, partyId, p);
      // The host withdrew the viewer's invitation to this private party: reading it again answers 404.
      const onRemoved: ServerToClientEvents['party:removed'] = (p) => {
        if (!mine(p.partyId)) return;
        setLive(false);
        void queryClient.invalidateQueries({ queryKey: partyKeys.party(partyId) });
      };
      const onStatus: ServerToClientEvents['party:status'] = (p) => {
        if (mine(p.partyId)) void queryClient.invalidateQueries({ queryKey: partyKeys.party(partyId) });
      };
      const onConnect = () => {
        if (!socket.recovered) return watch();
        setLive(true);
        refresh();
      };
      const onDisconnect = () => setLive(false);
      const stopListening = listen(socket, {
        'party:playback': onPlayback,
        'party:message': onMessage,
        'party:message-removed': onMessageRemoved,
        'party:removed': onRemoved,
        'party:rating': onRating,
        'party:presence': onPresence,
        'party:status': onStatus,
        connect: onConnect,
        disconnect: onDisconnect,
      });
      if (socket.connected) watch();
      return () => {
        active = false;
        if (socket.connected) socket.emit('party:unwatch', partyId);
        stopListening();
        setLive(false);
      };
    });
  }, [partyId, joined, queryClient]);

  return live;
}
