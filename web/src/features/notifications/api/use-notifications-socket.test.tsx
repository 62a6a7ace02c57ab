import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSocketFactory } from '../../../lib/socket';
import { FakeSocket } from '../../../testing/fake-socket';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { NotificationBell } from '../components/notification-bell';
import { useNotificationsSocket } from './use-notifications-socket';

let socket: FakeSocket;
let restore: () => void;
beforeEach(() => {
  socket = new FakeSocket();
  restore = setSocketFactory(() => socket.asSocket());
});
afterEach(() => restore());

function LiveBell() {
  useNotificationsSocket('1');
  return <NotificationBell />;
}

describe('useNotificationsSocket', () => {
  it('when notifications were removed because someone behind them left, then the badge takes the new count and the bell reads again', async () => {
    let unread = 2;
    const { requests } = mockFetch({
      'GET /api/notifications/unread-count': () => jsonResponse({ unread }),
      'GET /api/notifications/changes': () => jsonResponse({ items: [], latestSeq: null }),
    });
    renderWithProviders(<LiveBell />);
    await waitFor(() => expect(screen.getByTestId('unread-count')).toHaveTextContent('2'));
    const countReads = () => requests.filter((r) => r.path === '/api/notifications/unread-count').length;
    const before = countReads();

    unread = 1;
    act(() => socket.serverEmit('notification:changed', { unread: 1 }));
    await waitFor(() => expect(screen.getByTestId('unread-count')).toHaveTextContent('1'));
    await waitFor(() => expect(countReads()).toBeGreaterThan(before));
    expect(screen.getByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  });
});
