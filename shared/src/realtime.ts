import type { Notification } from './notifications.schemas';
import type { RatingStats } from './catalog.schemas';
import type { ImportStatus } from './imports.schemas';
import type { FeedItem } from './feed.schemas';
import type { ServiceImportProgress } from './service-imports.schemas';
import type { ConversionProgress } from './conversions.schemas';
import type { PartyMessage, PartyPerson, PartyPlayback, PartyStatus, PartyTrackRating } from './parties.schemas';

/** Socket.IO events the server emits to a user's room `user:<id>`. */
export interface ServerToClientEvents {
  'notification:new': (payload: { notification: Notification; unread: number }) => void;
  'notification:unread': (payload: { unread: number }) => void;
  /** To one user: notifications of theirs were removed or rewritten (someone behind them deleted their account); read the list again. */
  'notification:changed': (payload: { unread: number }) => void;
  /** To viewers of an album page (room `album:<id>`): its aggregate changed. */
  'album:stats': (payload: { albumId: string; stats: RatingStats }) => void;
  /** To the importing user: progress of a CSV import. */
  'import:progress': (payload: { importId: string; status: ImportStatus; processed: number; total: number }) => void;
  /** To the importing user: progress of an import from Spotify or Apple Music. */
  'service-import:progress': (payload: ServiceImportProgress) => void;
  /** To a follower: a new activity of someone they follow, as a one-activity feed item (its id is the activity's). */
  'feed:new': (payload: { item: FeedItem }) => void;
  /** To the converting user: a playlist conversion's phase and counts, after every batch and during rate-limit waits. */
  'conversion:progress': (payload: ConversionProgress) => void;
  /** To a party's room: the shared player changed (track, position, play/pause, who controls it); `serverTime` is when it was sent. */
  'party:playback': (payload: { partyId: string; playback: PartyPlayback; serverTime: string }) => void;
  /** To a party's room (minus people blocked either way with the author): a chat message. */
  'party:message': (payload: { message: PartyMessage }) => void;
  /** To a party's room: the host or a moderator removed a chat message. */
  'party:message-removed': (payload: { partyId: string; messageId: string }) => void;
  /** To a party's room: a track's live party rating changed. */
  'party:rating': (payload: { partyId: string; rating: PartyTrackRating }) => void;
  /** To a party's room, at most every quarter second: who came in and who left since the last one, and how many are there now. */
  'party:presence': (payload: { partyId: string; participantCount: number; joined: PartyPerson[]; left: string[] }) => void;
  /** To one person: they may no longer see this party (the host withdrew their invitation to a private one); their sockets left its room. */
  'party:removed': (payload: { partyId: string }) => void;
  /** To a party's room: the party started or ended (fetch the party or its summary). */
  'party:status': (payload: { partyId: string; status: PartyStatus }) => void;
}

export interface ClientToServerEvents {
  /**
   * Start or stop receiving `album:stats` for one album. The optional acknowledgement says
   * whether the watch is in place (false for a malformed id or too many watched albums), so a
   * page can refetch once it is and miss no update in between.
   */
  'album:watch': (albumId: string, ack?: (watching: boolean) => void) => void;
  'album:unwatch': (albumId: string, ack?: (watching: boolean) => void) => void;
  /**
   * Enter a party's room, once joined through the API (`PUT /api/parties/:id/participation`); the
   * acknowledgement says whether the socket is in (false when not a participant or malformed).
   * A socket that reconnects without recovered state sends it again.
   */
  'party:watch': (partyId: string, ack?: (watching: boolean) => void) => void;
  'party:unwatch': (partyId: string, ack?: (watching: boolean) => void) => void;
}

export const albumRoom = (albumId: string): string => `album:${albumId}`;

export const userRoom = (userId: string): string => `user:${userId}`;
