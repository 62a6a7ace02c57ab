import type { Notification, NotificationPage } from '@muse/shared';
import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createTestQueryClient } from '../../../testing/render';
import { applyNewNotification, markAllReadInCache, markReadInCache } from './notifications-cache';
import { notificationKeys } from './query-keys';

function notification(id: string, readAt: string | null = null): Notification {
  return { id, type: 'welcome', title: `Title ${id}`, body: 'Body', link: null, readAt, createdAt: '2026-01-01T00:00:00.000Z' };
}

function seedList(queryClient: ReturnType<typeof createTestQueryClient>, pages: Notification[][]) {
  queryClient.setQueryData<InfiniteData<NotificationPage, string | null>>(notificationKeys.list(), {
    pages: pages.map((items, index) => ({ items, nextCursor: index < pages.length - 1 ? `c${index}` : null })),
    pageParams: pages.map((_, index) => (index === 0 ? null : `c${index - 1}`)),
  });
}

function listIds(queryClient: ReturnType<typeof createTestQueryClient>): string[][] {
  const list = queryClient.getQueryData<InfiniteData<NotificationPage>>(notificationKeys.list());
  return list?.pages.map((page) => page.items.map((item) => item.id)) ?? [];
}

describe('applyNewNotification', () => {
  it('when a new notification arrives, then it tops the first page and the unread count is replaced', () => {
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(notificationKeys.unreadCount(), { unread: 1 });
    seedList(queryClient, [[notification('2')], [notification('1')]]);

    applyNewNotification(queryClient, { notification: notification('3'), unread: 2 });

    expect(listIds(queryClient)).toEqual([['3', '2'], ['1']]);
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ unread: 2 });
  });

  it('when the same notification arrives twice, then it is listed once, in its latest form', () => {
    const queryClient = createTestQueryClient();
    seedList(queryClient, [[notification('2')], [notification('1')]]);

    applyNewNotification(queryClient, { notification: notification('1', '2026-01-02T00:00:00.000Z'), unread: 1 });
    applyNewNotification(queryClient, { notification: notification('1', '2026-01-02T00:00:00.000Z'), unread: 1 });

    expect(listIds(queryClient)).toEqual([['2'], ['1']]);
    const list = queryClient.getQueryData<InfiniteData<NotificationPage>>(notificationKeys.list());
    expect(list?.pages[1]?.items[0]?.readAt).toBe('2026-01-02T00:00:00.000Z');
  });

  it('when no list is cached yet, then only the count is set and no partial list is invented', () => {
    const queryClient = createTestQueryClient();
    applyNewNotification(queryClient, { notification: notification('1'), unread: 1 });
    expect(queryClient.getQueryData(notificationKeys.list())).toBeUndefined();
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ unread: 1 });
  });
});

describe('read markers', () => {
  it('when one is marked read, then only that one gets readAt', () => {
    const queryClient = createTestQueryClient();
    seedList(queryClient, [[notification('2'), notification('1')]]);
    markReadInCache(queryClient, '1', '2026-02-01T00:00:00.000Z');
    const items = queryClient.getQueryData<InfiniteData<NotificationPage>>(notificationKeys.list())?.pages[0]?.items;
    expect(items?.map((item) => item.readAt)).toEqual([null, '2026-02-01T00:00:00.000Z']);
  });

  it('when all are marked read, then unread ones get readAt and read ones keep theirs', () => {
    const queryClient = createTestQueryClient();
    seedList(queryClient, [[notification('2'), notification('1', '2026-01-05T00:00:00.000Z')]]);
    markAllReadInCache(queryClient, '2026-02-01T00:00:00.000Z');
    const items = queryClient.getQueryData<InfiniteData<NotificationPage>>(notificationKeys.list())?.pages[0]?.items;
    expect(items?.map((item) => item.readAt)).toEqual(['2026-02-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z']);
  });
});
