import type { Notification } from './notifications.schemas';

/** Socket.IO events the server emits to a user's room `user:<id>`. */
export interface ServerToClientEvents {
  'notification:new': (payload: { notification: Notification; unread: number }) => void;
  'notification:unread': (payload: { unread: number }) => void;
}

export interface ClientToServerEvents {}

export const userRoom = (userId: string): string => `user:${userId}`;
