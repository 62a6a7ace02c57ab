import type { Me, ReviewView, TrackPage } from '@muse/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { albumPage, review, track } from '../../testing/catalog-fixtures';
import { jsonResponse, mockFetch, problemResponse } from '../../testing/mock-fetch';
import { createTestQueryClient } from '../../testing/render';
import { AlbumRoute } from './album-route';
import { TrackRoute } from './track-route';
import { meOf } from '../../testing/session-fixtures';

const me = meOf({ id: '1', handle: 'nina', displayName: 'Nina' });

const album = { id: '42', title: 'Low', artistCredit: 'David Bowie', releaseYear: 1977, type: 'album' as const, coverUrl: null, genres: [] };

function trackPage(overrides: Partial<TrackPage> = {}): TrackPage {
  return {
    track: track({ id: '11', title: 'Sound and Vision', positionLabel: 'A2', stats: { count: 3, mean: 4.17 } }),
    album,
    viewer: { reviewId: null },
    ...overrides,
  };
}

const trackReview = (overrides: Partial<ReviewView> = {}) =>
  review({ id: '950', track: { id: '11', title: 'Sound and Vision', artistCredit: 'David Bowie' }, body: 'Blue, blue, electric blue.', ...overrides });

function renderTrack(page: TrackPage, viewer: Me | null = me, reviews: ReviewView[] = [], extra: Parameters<typeof mockFetch>[0] = {}) {
  const { requests } = mockFetch({
    'GET /api/tracks/11': () => jsonResponse(page),
    'GET /api/tracks/11/reviews': () => jsonResponse({ items: reviews, nextCursor: null }),
    'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
    ...extra,
  });
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(['me'], viewer);
  const router = createMemoryRouter(
    [
      { path: '/tracks/:id', element: <TrackRoute /> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    { initialEntries: ['/tracks/11'] },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, queryClient, router, requests };
}

describe('track page', () => {
  it('when a track is opened, then it shows its title, its album as a link, its average and its reviews with likes', async () => {
    renderTrack(trackPage(), me, [trackReview({ author: { id: '2', handle: 'otto', displayName: 'Otto' }, likeCount: 2 })]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sound and Vision' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Low' })).toHaveAttribute('href', '/albums/42#track-11');
    expect(screen.getByText('4.17')).toBeInTheDocument();
    const card = (await screen.findByText('Blue, blue, electric blue.')).closest('article')!;
    expect(within(card).getByRole('button', { name: /like/i })).toHaveAttribute('aria-pressed', 'false');
    expect(within(card).getByRole('button', { name: 'Report review by Otto' })).toBeInTheDocument();
  });

  it('when the viewer likes a review on the track page, then its button turns pressed with the server’s count', async () => {
    const { requests } = renderTrack(trackPage(), me, [trackReview({ author: { id: '2', handle: 'otto', displayName: 'Otto' }, likeCount: 2 })], {
      'PUT /api/reviews/950/like': () => jsonResponse({ liked: true, likeCount: 3 }),
    });
    const card = (await screen.findByText('Blue, blue, electric blue.')).closest('article')!;
    await userEvent.click(within(card).getByRole('button', { name: /like/i }));
    await waitFor(() => expect(within(card).getByRole('button', { name: /like/i })).toHaveAttribute('aria-pressed', 'true'));
    expect(within(card).getByTestId('like-count')).toHaveTextContent('3 likes');
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual(['/api/reviews/950/like']);
  });

  it('when nobody is signed in, then rating asks to log in and there is no way to write', async () => {
    renderTrack(trackPage({ viewer: null }), null);
    await screen.findByRole('heading', { level: 1, name: 'Sound and Vision' });
    expect(screen.getByRole('link', { name: 'Log in to rate' })).toBeInTheDocument();
    expect(await screen.findByText('No reviews yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Write the first one|Review this track/ })).not.toBeInTheDocument();
  });

  it('when the viewer writes a review, then it is posted to the track without a diary date and the page says it is published', async () => {
    const posted = trackReview({ id: '951', author: { id: me.id, handle: me.handle, displayName: me.displayName }, body: 'The synth line.' });
    const { requests } = renderTrack(trackPage(), me, [], { 'POST /api/tracks/11/reviews': () => jsonResponse(posted, 201) });
    await userEvent.click(await screen.findByRole('button', { name: 'Review this track' }));
    const dialog = screen.getByRole('dialog', { name: 'Review this track' });
    // The editor's code arrives when the dialog first opens.
    expect(await within(dialog).findByLabelText(/Listened on/)).toHaveValue('');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish review' }));
    expect(await within(dialog).findByText('Review text is required')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    await userEvent.type(within(dialog).getByLabelText(/^Review/), 'The synth line.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish review' }));
    expect(await screen.findByText(/Your review is published/)).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({ path: '/api/tracks/11/reviews', body: expect.objectContaining({ body: 'The synth line.', listenedOn: null }) }),
    ]);
  });

  it('when the viewer rates the track, then the rating goes to the track and the answer shows', async () => {
    const { requests } = renderTrack(trackPage(), me, [], {
      'PUT /api/tracks/11/rating': () => jsonResponse({ rating: 4, stats: { count: 4, sum: 0, mean: 4.13, weighted: null, histogram: [] } }),
    });
    const slider = await screen.findByRole('slider', { name: 'Your rating of the track Sound and Vision' });
    slider.focus();
    await userEvent.keyboard('{End}');
    slider.blur();
    await waitFor(() =>
      expect(requests.filter((r) => r.method === 'PUT')).toEqual([expect.objectContaining({ path: '/api/tracks/11/rating', body: { rating: 5 } })]),
    );
    // The server's answer is what the page keeps.
    expect(await screen.findByText('You rated it 4 stars')).toBeInTheDocument();
  });

  it('when the track does not exist, then the page says so', async () => {
    mockFetch({ 'GET /api/tracks/11': () => problemResponse(404, 'not_found', 'Track not found') });
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(['me'], me);
    const router = createMemoryRouter([{ path: '/tracks/:id', element: <TrackRoute /> }], { initialEntries: ['/tracks/11'] });
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('heading', { name: /This track isn’t on the record/ })).toBeInTheDocument();
  });
});

describe('album tracklist', () => {
  it('when the album page lists tracks, then each title links to its track page', async () => {
    mockFetch({
      'GET /api/albums/42': () => jsonResponse(albumPage({ viewer: null })),
      'GET /api/albums/42/reviews': () => jsonResponse({ items: [], nextCursor: null }),
    });
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(['me'], null);
    const router = createMemoryRouter(
      [
        { path: '/albums/:id', element: <AlbumRoute /> },
        { path: '/tracks/:id', element: <p>track page</p> },
      ],
      { initialEntries: ['/albums/42'] },
    );
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    await userEvent.click(await screen.findByRole('link', { name: 'Sound and Vision' }));
    expect(await screen.findByText('track page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tracks/11');
  });
});
