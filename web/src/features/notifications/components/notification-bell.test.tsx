import type { Notification } from '@muse/shared';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { applyNewNotification } from '../api/notifications-cache';
import { NotificationBell } from './notification-bell';

const welcome: Notification = {
  id: '7',
  type: 'welcome',
  title: 'Welcome to Muse',
  body: 'Start by rating an album you love.',
  link: null,
  readAt: null,
  createdAt: new Date().toISOString(),
};

describe('NotificationBell', () => {
  it('when a notification:new event is applied, then the badge rises without refetching', async () => {
    const { requests } = mockFetch({ 'GET /api/notifications/unread-count': () => jsonResponse({ unread: 0 }) });
    const { queryClient } = renderWithProviders(<NotificationBell />);
    await waitFor(() => expect(queryClient.getQueryState(['notifications', 'unread-count'])?.status).toBe('success'));
    expect(screen.getByTestId('unread-count')).not.toBeVisible();

    act(() => applyNewNotification(queryClient, { notification: welcome, unread: 1 }));

    await waitFor(() => expect(screen.getByTestId('unread-count')).toHaveTextContent('1'));
    expect(screen.getByTestId('unread-count')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    expect(screen.getByText('1 unread notification')).toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/api/notifications/unread-count')).toHaveLength(1);
  });

  it('when the event beats a slower count request, then the stale answer does not win', async () => {
    let serverUnread = 0;
    let releaseFirst: () => void = () => undefined;
    const firstAnswered = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let calls = 0;
    mockFetch({
      'GET /api/notifications/unread-count': async () => {
        calls += 1;
        if (calls === 1) {
          const stale = serverUnread;
          await firstAnswered;
          return jsonResponse({ unread: stale });
        }
        return jsonResponse({ unread: serverUnread });
      },
    });
    const { queryClient } = renderWithProviders(<NotificationBell />);
    await waitFor(() => expect(calls).toBe(1));

    serverUnread = 1;
    act(() => applyNewNotification(queryClient, { notification: welcome, unread: 1 }));
    releaseFirst();

    await waitFor(() => expect(calls).toBe(2));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(screen.getByTestId('unread-count')).toHaveTextContent('1');
  });

  it('when opened with the keyboard, then it lists notifications and Escape closes it, returning focus', async () => {
    mockFetch({
      'GET /api/notifications/unread-count': () => jsonResponse({ unread: 1 }),
      'GET /api/notifications': () => jsonResponse({ items: [welcome], nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/notifications/7/read': () => jsonResponse({ unread: 0 }),
    });
    renderWithProviders(<NotificationBell />);
    const user = userEvent.setup();

    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    bell.focus();
    await user.keyboard('{Enter}');
    const panel = await screen.findByRole('region', { name: 'Recent notifications' });
    expect(await within(panel).findByText('Welcome to Muse')).toBeInTheDocument();
    expect(bell).toHaveAttribute('aria-expanded', 'true');

    await user.click(within(panel).getByRole('button', { name: 'Mark as read: Welcome to Muse' }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.getByTestId('unread-count')).not.toBeVisible();
    expect(within(panel).getByRole('listitem')).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Recent notifications' })).not.toBeInTheDocument();
    expect(bell).toHaveFocus();
  });
});
