import { albumRoom, partyRoom, userRoom, type ServerToClientEvents } from '@muse/shared';
import type { Container } from '../container';
import { presentNotification } from '../features/notifications/notifications.presenter';
import { PresenceBatch } from '../features/parties/party-presence-batch';
import type { DomainEvent } from './domain-events';
import { sessionRoom, type MuseSocketServer } from './socket-server';

/**
 * The one place that turns domain events into Socket.IO emits. Emits go through the adapter,
 * so the user's sockets receive them whichever api node holds them; each is counted by event.
 */
/** How long a party's joins and leaves gather before they go to its room in one emit. */
export const PARTY_PRESENCE_WINDOW_MS = 250;

export function createRealtimeDispatcher(io: MuseSocketServer, c: Container) {
  const { notifications, ratings, imports, feed, serviceImports, conversions, parties } = c.services;
  const emit = <E extends keyof ServerToClientEvents>(room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void => {
    io.to(room).emit(event, ...args);
    c.metrics.socketEventsEmitted.inc({ event });
  };
  // Joins and leaves go to a party's room at most once per window (a crowd arriving together would
  // otherwise cost one emit per person to everyone already there); the count is read at emit time.
  const presence = new PresenceBatch(PARTY_PRESENCE_WINDOW_MS, async (partyId, changes) => {
    try {
      emit(partyRoom(partyId), 'party:presence', { partyId, ...(await parties.presence(partyId, changes)) });
    } catch (err) {
      c.logger.warn({ err, partyId }, 'party presence emit failed');
    }
  });
  return async (event: DomainEvent): Promise<void> => {
    switch (event.type) {
      case 'notification.created': {
        const row = await notifications.get(event.userId, event.notificationId);
        if (!row) return;
        const unread = await notifications.unreadCount(event.userId);
        emit(userRoom(event.userId), 'notification:new', { notification: presentNotification(row), unread });
        return;
      }
      case 'notifications.read': {
        emit(userRoom(event.userId), 'notification:unread', { unread: await notifications.unreadCount(event.userId) });
        return;
      }
      case 'notifications.changed': {
        for (const userId of event.userIds) emit(userRoom(userId), 'notification:changed', { unread: await notifications.unreadCount(userId) });
        return;
      }
      case 'sessions.revoked': {
        if (event.sessionHashes.length) io.in(event.sessionHashes.map(sessionRoom)).disconnectSockets(true);
        return;
      }
      case 'album.stats_changed': {
        // Read at emit time, so a burst of ratings never shows watchers an older aggregate last.
        emit(albumRoom(event.albumId), 'album:stats', { albumId: event.albumId, stats: await ratings.albumStats(event.albumId) });
        return;
      }
      case 'import.progress': {
        // Read at emit time, so the browser always sees the import's latest state.
        const progress = await imports.progress(event.userId, event.importId);
        if (progress) emit(userRoom(event.userId), 'import:progress', progress);
        return;
      }
      case 'service-import.progress': {
        const progress = await serviceImports.progress(event.userId, event.importId);
        if (progress) emit(userRoom(event.userId), 'service-import:progress', progress);
        return;
      }
      case 'conversion.progress': {
        // Read at emit time, so the browser always sees the conversion's latest state.
        const progress = await conversions.progress(event.userId, event.conversionId);
        if (progress) emit(userRoom(event.userId), 'conversion:progress', progress);
        return;
      }
      case 'feed.activity': {
        // Filtered per follower at emit time, so an unfollow or block in between is honoured.
        for (const { userId, item } of await feed.liveItems(event.activityId, event.userIds)) emit(userRoom(userId), 'feed:new', { item });
        return;
      }
      case 'party.playback': {
        // Read at emit time, so a burst of seeks never leaves the room on an older state.
        emit(partyRoom(event.partyId), 'party:playback', {
          partyId: event.partyId,
          playback: await parties.playback(event.partyId),
          serverTime: new Date().toISOString(),
        });
        return;
      }
      case 'party.message': {
        const live = await parties.liveMessage(event.partyId, event.messageId);
        if (!live) return;
        // People blocked either way with the author are left out by their user rooms, whichever node holds their sockets.
        io.to(partyRoom(event.partyId)).except(live.hiddenFrom.map(userRoom)).emit('party:message', { message: live.message });
        c.metrics.socketEventsEmitted.inc({ event: 'party:message' });
        return;
      }
      case 'party.message_removed': {
        emit(partyRoom(event.partyId), 'party:message-removed', { partyId: event.partyId, messageId: event.messageId });
        return;
      }
      case 'party.rating': {
        emit(partyRoom(event.partyId), 'party:rating', { partyId: event.partyId, rating: await parties.trackRating(event.partyId, event.trackId) });
        return;
      }
      case 'party.presence': {
        presence.note(event.partyId, event.userId, event.present);
        return;
      }
      case 'party.access_lost': {
        io.in(userRoom(event.userId)).socketsLeave(partyRoom(event.partyId));
        emit(userRoom(event.userId), 'party:removed', { partyId: event.partyId });
        return;
      }
      case 'party.status': {
        emit(partyRoom(event.partyId), 'party:status', { partyId: event.partyId, status: event.status });
        return;
      }
    }
  };
}
