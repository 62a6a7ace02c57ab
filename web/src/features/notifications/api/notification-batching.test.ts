import type { Notification, NotificationPage } from '@muse/shared';
import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { createTestQueryClient } from '../../../testing/render';
import { catchUpNotifications } from './catch-up-notifications';
import { applyNewNotification, latestSeqInCache } from './notifications-cache';
import { notificationKeys } from './query-keys';

type Client = ReturnType<typeof createTestQueryClient>;

function liked(id: string, seq: string, who: string, count: number): Notification {
  return {
    id,
    type: 'review_liked',
    title: `${who} liked your review`,
    body: 'Low',
    link: '/reviews/9',
    readAt: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:05:00.000Z',
    actors: [{ id: '2', handle: 'ana', displayName: 'Ana' }],
    count,
    seq,
  };
}

function seed(queryClient: Client, items: Notification[]) {
  queryClient.setQueryData<InfiniteData<NotificationPage, string | null>>(notificationKeys.list(), {
    pages: [{ items, nextCursor: null }],
    pageParams: [null],
  });
}

const listed = (queryClient: Client) =>
  queryClient.getQueryData<InfiniteData<NotificationPage>>(notificationKeys.list())?.pages.flatMap((page) => page.items.map((n) => `${n.id}:${n.title}`));

describe('batched notifications, upserted by id', () => {
  it('when a batch grows (same id, higher seq), then it replaces the old copy and moves to the top', () => {
    const queryClient = createTestQueryClient();
    seed(queryClient, [liked('8', '20', 'Bo', 1), liked('5', '10', 'Ana', 1)]);

    applyNewNotification(queryClient, { notification: liked('5', '21', 'Ana and 3 others', 4), unread: 2 });

    expect(listed(queryClient)).toEqual(['5:Ana and 3 others liked your review', '8:Bo liked your review']);
  });

  it('when an older copy of a batch arrives after a newer one, then the newer one stays', () => {
    const queryClient = createTestQueryClient();
    seed(queryClient, [liked('5', '21', 'Ana and 3 others', 4)]);
    applyNewNotification(queryClient, { notification: liked('5', '12', 'Ana and 1 other', 2), unread: 1 });
    expect(listed(queryClient)).toEqual(['5:Ana and 3 others liked your review']);
  });

  it('when seqs have different lengths, then they compare as numbers, not as text', () => {
    const queryClient = createTestQueryClient();
    seed(queryClient, [liked('1', '9', 'A', 1), liked('2', '10', 'B', 1), liked('3', '100000000000000000', 'C', 1)]);
    expect(latestSeqInCache(queryClient)).toBe('100000000000000000');
  });
});

describe('catch-up after a reconnect that was not recovered', () => {
  it('when notifications changed while offline, then only what changed since the latest seq is fetched and each is listed once', async () => {
    const queryClient = createTestQueryClient();
    seed(queryClient, [liked('5', '21', 'Ana', 1), liked('4', '3', 'Bo', 1)]);
    const urls: string[] = [];
    const { spy } = mockFetch({ 'GET /api/notifications/unread-count': () => jsonResponse({ unread: 3 }) });
    // The fake server drops query strings; this first answer records the URL the catch-up asked for.
    spy.mockImplementationOnce(async (input) => {
      urls.push(String(input));
      return jsonResponse({ items: [liked('5', '22', 'Ana and 1 other', 2), liked('6', '23', 'Cy', 1)], nextCursor: null });
    });

    await catchUpNotifications(queryClient);

    expect(urls).toEqual(['/api/notifications?limit=50&since=21']);
    expect(listed(queryClient)).toEqual(['6:Cy liked your review', '5:Ana and 1 other liked your review', '4:Bo liked your review']);
  });

  it('when nothing is cached to continue from, then the list and count are simply read again', async () => {
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(notificationKeys.unreadCount(), { unread: 0 });
    const { requests } = mockFetch({});
    await catchUpNotifications(queryClient);
    expect(requests).toEqual([]);
    expect(queryClient.getQueryState(notificationKeys.unreadCount())?.isInvalidated).toBe(true);
  });
});
