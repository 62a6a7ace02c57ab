import type { NotificationPage } from '@muse/shared';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { loadSchemas } from '../../../lib/shared-schemas';
import { applyCaughtUp, invalidateNotifications, latestSeqInCache } from './notifications-cache';
import { notificationKeys } from './query-keys';

/** More than this many catch-up pages means so much was missed that reading the list afresh is cheaper. */
const MAX_CATCH_UP_PAGES = 5;

/** Notifications created or changed after `since` (a seq), oldest change first; `cursor` continues. */
export async function getNotificationsSince(since: string, cursor?: string | null): Promise<NotificationPage> {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  else params.set('since', since);
  const answer = await api.get(`/api/notifications?${params.toString()}`);
  return (await loadSchemas()).NotificationPageSchema.parse(answer);
}

/**
 * After every (re)connect: fetches what changed since the latest
 * notification the tab has seen and upserts it by id (so nothing shows twice), then rereads the
 * unread count. With nothing cached to continue from, or on any failure, it refetches instead.
 */
export async function catchUpNotifications(queryClient: QueryClient): Promise<void> {
  const since = latestSeqInCache(queryClient);
  if (since === null) {
    await invalidateNotifications(queryClient);
    return;
  }
  try {
    let cursor: string | null = null;
    for (let page = 0; page < MAX_CATCH_UP_PAGES; page += 1) {
      const answer: NotificationPage = await getNotificationsSince(since, cursor);
      applyCaughtUp(queryClient, answer.items);
      cursor = answer.nextCursor;
      if (cursor === null) break;
    }
    if (cursor !== null) {
      await invalidateNotifications(queryClient);
      return;
    }
    await queryClient.invalidateQueries({ queryKey: notificationKeys.unreadCount() });
  } catch {
    await invalidateNotifications(queryClient);
  }
}
