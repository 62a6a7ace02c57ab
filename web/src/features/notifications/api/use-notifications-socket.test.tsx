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

  it('when the connection comes back recovered, then what changed meanwhile is still read (the replay can miss events)', async () => {
    const { requests } = mockFetch({
      'GET /api/notifications/unread-count': () => jsonResponse({ unread: 1 }),
      'GET /api/notifications/changes': () => jsonResponse({ items: [], latestSeq: null }),
      'GET /api/notifications': () => jsonResponse({ items: [], nextCursor: null }),
    });
    renderWithProviders(<LiveBell />);
    await waitFor(() => expect(screen.getByTestId('unread-count')).toHaveTextContent('1'));
    const reads = () => requests.filter((r) => r.path.startsWith('/api/notifications')).length;
    await waitFor(() => expect(reads()).toBeGreaterThan(0));
    const before = reads();

    act(() => socket.serverEmit('disconnect'));
    socket.recovered = true;
    act(() => socket.serverEmit('connect'));

    await waitFor(() => expect(reads()).toBeGreaterThan(before));
  });
});
