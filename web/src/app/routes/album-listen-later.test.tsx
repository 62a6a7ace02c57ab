import type { Me, ProfileView } from '@muse/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSocketFactory } from '../../lib/socket';
import { albumPage, statsFrom } from '../../testing/catalog-fixtures';
import { FakeSocket } from '../../testing/fake-socket';
import { jsonResponse, mockFetch, type RecordedRequest } from '../../testing/mock-fetch';
import { createTestQueryClient } from '../../testing/render';
import { profileView } from '../../testing/social-fixtures';
import { AlbumRoute } from './album-route';
import { ProfileRoute } from './profile-route';
import { meOf } from '../../testing/session-fixtures';

const me = meOf({ id: '1', handle: 'nina', displayName: 'Nina' });

let restoreSocket: () => void;
beforeEach(() => {
  const socket = new FakeSocket();
  restoreSocket = setSocketFactory(() => socket.asSocket());
});
afterEach(() => restoreSocket());

/** The server's side: album 42 queued until it is rated, as the database trigger does it. */
function fakeServer(profile: ProfileView = profileView()) {
  let queued = ['42'];
  const item = { album: { id: '42', title: 'Low', artistCredit: 'David Bowie', releaseYear: 1977, type: 'album', coverUrl: null, genres: [] } };
  return mockFetch({
    'GET /api/albums/42': () => jsonResponse(albumPage()),
    'GET /api/albums/42/reviews': () => jsonResponse({ items: [], nextCursor: null }),
    'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
    'GET /api/me/listen-later/ids': () => jsonResponse({ albumIds: queued, keptAlbumIds: [] }),
    'GET /api/me/listen-later': () =>
      jsonResponse({ items: queued.map(() => ({ ...item, addedAt: '2026-12-01T10:00:00.000Z', keep: false })), nextCursor: null }),
    'PUT /api/albums/42/rating': () => {
      queued = [];
      return jsonResponse({ rating: 4.5, stats: statsFrom([0, 0, 0, 0, 0, 0, 1, 2, 1, 1], 3.7) });
    },
    'GET /api/users/nina': () => jsonResponse(profile),
    'GET /api/users/nina/activity': () => jsonResponse({ items: [], nextCursor: null }),
    'GET /api/users/nina/reviews': () => jsonResponse({ items: [], nextCursor: null }),
  });
}

function renderAt(path: string, viewer: Me | null = me) {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(['me'], viewer);
  const router = createMemoryRouter(
    [
      { path: '/albums/:id', element: <AlbumRoute /> },
      { path: '/users/:handle', element: <ProfileRoute /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const listenLaterReads = (requests: RecordedRequest[]) => requests.filter((r) => r.path.startsWith('/api/me/listen-later'));

describe('Listen later on the album page and My Muse', () => {
  it('when a queued album is rated on its page, then its Listen later button lets go, as the server took it off', async () => {
    fakeServer();
    renderAt('/albums/42');
    const button = await screen.findByRole('button', { name: 'Listen later', pressed: true });
    const slider = await screen.findByRole('slider', { name: 'Your rating' });
    slider.focus();
    await userEvent.keyboard('{End}{ArrowLeft}');
    await screen.findByText('You rated it 4.5 stars', {}, { timeout: 3000 });
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'));
  });

  it('when signed out, then the album page offers no Listen later and asks nothing about it', async () => {
    const { requests } = fakeServer();
    renderAt('/albums/42', null);
    await screen.findByRole('heading', { name: 'Low' });
    expect(screen.queryByRole('button', { name: /Listen later/ })).not.toBeInTheDocument();
    expect(listenLaterReads(requests)).toEqual([]);
  });

  it('when the owner opens My Muse, then the Listen later section shows the queue with a link to all of it', async () => {
    fakeServer();
    renderAt('/users/nina');
    const section = await screen.findByRole('region', { name: 'Listen later' });
    expect(await screen.findByText('1 album waiting to be heard. Only you see this.')).toBeInTheDocument();
    expect(section).toContainElement(screen.getByRole('link', { name: 'Low by David Bowie' }));
    expect(screen.getByRole('link', { name: 'See all albums to listen to later' })).toHaveAttribute('href', '/listen-later');
  });

  it('when someone else opens the page, then there is no Listen later section and the queue is never asked for', async () => {
    const { requests } = fakeServer(
      profileView({ isOwn: false, relationship: { following: false, followedBy: false, requested: false, blocking: false, blockedBy: false } }),
    );
    renderAt('/users/nina', { ...me, id: '9', handle: 'vera' });
    await screen.findByRole('heading', { level: 1, name: /Nina/ });
    expect(screen.queryByRole('region', { name: 'Listen later' })).not.toBeInTheDocument();
    expect(listenLaterReads(requests)).toEqual([]);
  });
});
