import type { AlbumPage, Me, ReviewView } from '@muse/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSocketFactory } from '../../lib/socket';
import { albumPage, review, statsFrom } from '../../testing/catalog-fixtures';
import { FakeSocket } from '../../testing/fake-socket';
import { jsonResponse, mockFetch, problemResponse } from '../../testing/mock-fetch';
import { createTestQueryClient } from '../../testing/render';
import { AlbumRoute } from './album-route';
import { meOf } from '../../testing/session-fixtures';

const me = meOf({ id: '1', handle: 'nina', displayName: 'Nina' });

let socket: FakeSocket;
let restoreSocket: () => void;

beforeEach(() => {
  socket = new FakeSocket();
  restoreSocket = setSocketFactory(() => socket.asSocket());
});

afterEach(() => restoreSocket());

function renderAlbum(page: AlbumPage, viewer: Me | null = me, reviews: ReviewView[] = []) {
  const { requests } = mockFetch({
    'GET /api/albums/42': () => jsonResponse(page),
    'GET /api/albums/42/reviews': () => jsonResponse({ items: reviews, nextCursor: null }),
  });
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(['me'], viewer);
  const router = createMemoryRouter(
    [
      { path: '/albums/:id', element: <AlbumRoute /> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    {
      initialEntries: ['/albums/42'],
    },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, queryClient, router, requests };
}

const albumReads = (requests: { method: string; path: string }[]) => requests.filter((r) => r.method === 'GET' && r.path === '/api/albums/42');

describe('album page live stats', () => {
  it('when album:stats arrives for the open album, then count, mean, weighted score and histogram change without a reload', async () => {
    const { requests, queryClient } = renderAlbum(albumPage());
    await screen.findByRole('heading', { name: 'Low' });
    // The watch is acknowledged, then the page is read once more so nothing slipped in between.
    await screen.findByTestId('live-indicator');
    await waitFor(() => expect(albumReads(requests)).toHaveLength(2));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(socket.emitted.find((e) => e.event === 'album:watch')?.args[0]).toBe('42');
    expect(screen.getByTestId('album-count')).toHaveTextContent('4');

    const stats = statsFrom([0, 0, 0, 0, 0, 0, 1, 2, 3, 1], 3.9);
    act(() => socket.serverEmit('album:stats', { albumId: '42', stats }));

    await waitFor(() => expect(screen.getByTestId('album-count')).toHaveTextContent('7'));
    expect(screen.getByTestId('album-mean')).toHaveTextContent(stats.mean!.toFixed(2));
    expect(screen.getByTestId('album-weighted')).toHaveTextContent('3.90');
    const bars = within(screen.getByRole('list', { name: /How people rated it/ })).getAllByRole('listitem');
    expect(bars[8]).toHaveAttribute('title', '4.5 stars: 3 ratings');
    expect(albumReads(requests)).toHaveLength(2);
  });

  it('when the connection comes back recovered, then the room is kept (no new watch) and the page is read again for stats sent meanwhile', async () => {
    const { requests, queryClient } = renderAlbum(albumPage());
    await screen.findByTestId('live-indicator');
    await waitFor(() => expect(albumReads(requests)).toHaveLength(2));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const watches = () => socket.emitted.filter((e) => e.event === 'album:watch').length;
    expect(watches()).toBe(1);

    act(() => socket.serverEmit('disconnect'));
    await waitFor(() => expect(screen.queryByTestId('live-indicator')).not.toBeInTheDocument());
    socket.recovered = true;
    act(() => socket.serverEmit('connect'));

    await screen.findByTestId('live-indicator');
    await waitFor(() => expect(albumReads(requests)).toHaveLength(3));
    expect(watches()).toBe(1);
  });

  it('when album:stats arrives for another album or malformed, then this page keeps its numbers', async () => {
    const { queryClient } = renderAlbum(albumPage());
    await screen.findByTestId('live-indicator');
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const cachedCount = () => queryClient.getQueryData<AlbumPage>(['albums', '42'])?.stats.count;
    act(() => socket.serverEmit('album:stats', { albumId: '43', stats: statsFrom([9, 9, 9, 9, 9, 9, 9, 9, 9, 9]) }));
    act(() => socket.serverEmit('album:stats', { albumId: '42', stats: { count: 'many', histogram: [1] } }));
    act(() => socket.serverEmit('album:stats', { albumId: '42', stats: null }));
    expect(cachedCount()).toBe(4);
    expect(queryClient.getQueryData(['albums', '43'])).toBeUndefined();
    expect(screen.getByTestId('album-count')).toHaveTextContent('4');
  });

  it('when the page is left, then the album is unwatched and the socket is let go', async () => {
    const { router } = renderAlbum(albumPage());
    await screen.findByTestId('live-indicator');
    expect(socket.listenerCount('album:stats')).toBe(1);
    await act(() => router.navigate('/somewhere-else'));
    await screen.findByText('elsewhere');
    expect(socket.emitted.map((e) => e.event)).toContain('album:unwatch');
    expect(socket.listenerCount('album:stats')).toBe(0);
    expect(socket.connected).toBe(false);
  });

  it('when nobody is signed in, then no socket is opened and rating asks to log in', async () => {
    renderAlbum(albumPage({ viewer: null }), null);
    await screen.findByRole('heading', { name: 'Low' });
    expect(screen.getByRole('link', { name: 'Log in to rate' })).toHaveAttribute('href', '/login?next=%2Falbums%2F42');
    expect(socket.active).toBe(false);
    expect(screen.queryByTestId('live-indicator')).not.toBeInTheDocument();
  });
});

describe('album page content', () => {
  it('when signed in, then a review by someone else offers "Report" and the viewer’s own does not; signed out, none does', async () => {
    const reviews = [
      review({ id: '900', author: { id: me.id, handle: me.handle, displayName: me.displayName }, body: 'Mine.' }),
      review({ id: '901', author: { id: '2', handle: 'otto', displayName: 'Otto' }, body: 'Not mine.' }),
    ];
    const signedIn = renderAlbum(albumPage(), me, reviews);
    const theirs = (await screen.findByText('Not mine.')).closest('article')!;
    expect(within(theirs).getByRole('button', { name: 'Report review by Otto' })).toBeInTheDocument();
    expect(within(screen.getByText('Mine.').closest('article')!).queryByRole('button', { name: /Report/ })).not.toBeInTheDocument();
    signedIn.unmount();

    renderAlbum(albumPage(), null, reviews);
    await screen.findByText('Not mine.');
    expect(screen.queryByRole('button', { name: /^Report/ })).not.toBeInTheDocument();
  });

  it('when the album has two discs, then tracks are grouped by disc with positions and m:ss durations', async () => {
    const page = albumPage({
      tracks: [
        { ...albumPage().tracks[0]!, id: '1', disc: 1, position: 1, positionLabel: '1-1', title: 'Speed of Life', durationMs: 166_000 },
        {
          ...albumPage().tracks[0]!,
          id: '2',
          disc: 2,
          position: 1,
          positionLabel: '2-1',
          title: 'Warszawa',
          durationMs: 380_000,
          artistCredit: 'David Bowie & Brian Eno',
        },
      ],
    });
    renderAlbum(page);
    const disc2 = await screen.findByRole('region', { name: 'Disc 2' });
    expect(within(disc2).getByText('Warszawa')).toBeInTheDocument();
    expect(within(disc2).getByText('6:20')).toBeInTheDocument();
    expect(within(disc2).getByText('2-1')).toBeInTheDocument();
    expect(within(disc2).getByText('David Bowie & Brian Eno')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Disc 1' })).toHaveTextContent('2:46');
    expect(screen.getByRole('img', { name: 'Cover of Low by David Bowie' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'David Bowie' })).toHaveAttribute('href', '/artists/7');
  });

  it('when the viewer rates with the keyboard, then the rating is sent once and the answer’s stats are shown', async () => {
    renderAlbum(albumPage());
    const { requests } = mockFetch({
      'GET /api/albums/42': () => jsonResponse(albumPage()),
      'GET /api/albums/42/reviews': () => jsonResponse({ items: [], nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 'anon' }),
      'PUT /api/albums/42/rating': () => jsonResponse({ rating: 4.5, stats: statsFrom([0, 0, 0, 0, 0, 0, 1, 2, 1, 1], 3.7) }),
    });
    const slider = await screen.findByRole('slider', { name: 'Your rating' });
    slider.focus();
    await userEvent.keyboard('{End}{ArrowLeft}');
    expect(slider).toHaveAttribute('aria-valuetext', '4.5 stars');
    await screen.findByText('You rated it 4.5 stars', {}, { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('album-count')).toHaveTextContent('5'));
    const puts = requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.body).toEqual({ rating: 4.5 });
  });

  it('when the server refuses the rating, then the previous rating comes back and the reason is shown', async () => {
    const rated = albumPage({ viewer: { rating: 3, ratingHistory: [], diary: [], reviewId: null } });
    renderAlbum(rated);
    mockFetch({
      'GET /api/albums/42': () => jsonResponse(rated),
      'GET /api/albums/42/reviews': () => jsonResponse({ items: [], nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 'anon' }),
      'PUT /api/albums/42/rating': () => problemResponse(429, 'rate_limited', 'Too many ratings. Try again in a minute.'),
    });
    const slider = await screen.findByRole('slider', { name: 'Your rating' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuenow', '3'));
    slider.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(await screen.findByText(/Too many ratings/, {}, { timeout: 3000 })).toBeInTheDocument();
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuenow', '3'));
  });
});
