import type { Recommendation, RecommendationPage } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { albumSummary } from '../../../testing/social-fixtures';
import { FollowSuggestions } from './follow-suggestions';
import { RecommendationList } from './recommendation-list';
import { SimilarAlbums } from './similar-albums';

const pick = (n: number, title: string, reasons: Recommendation['reasons']): Recommendation => ({
  kind: 'album',
  album: albumSummary(n, title, 'Radiohead'),
  track: null,
  reasons,
});

const PAGE: RecommendationPage = {
  items: [
    pick(1, 'Kid A', [
      { kind: 'rated', text: 'Because you rated OK Computer 4.5', item: { kind: 'album', id: '9', title: 'OK Computer' }, rating: 4.5 },
      { kind: 'followees', text: 'Loved by 3 people you follow', count: 3 },
    ]),
    pick(2, 'Amnesiac', [{ kind: 'similar', text: 'Similar to your favourites' }]),
  ],
  nextCursor: null,
  computedAt: '2026-12-05T10:00:00.000Z',
};

describe('RecommendationList', () => {
  it('when picks arrive, then each shows with its reasons, a rating input, the page\'s actions and "Not interested"', async () => {
    mockFetch({ 'GET /api/recommendations': () => jsonResponse(PAGE) });
    renderWithProviders(<RecommendationList filters={{ kind: 'albums' }} actionsFor={(p) => <button type="button">Share {p.album.title}</button>} />);
    const reasons = await screen.findByRole('list', { name: 'Why Kid A is recommended' });
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Because you rated OK Computer 4.5', 'Loved by 3 people you follow']);
    expect(screen.getByRole('list', { name: 'Why Amnesiac is recommended' })).toHaveTextContent('Similar to your favourites');
    expect(screen.getByRole('link', { name: 'Kid A' })).toHaveAttribute('href', '/albums/101');
    expect(screen.getByRole('button', { name: 'Not interested in Kid A' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Share Amnesiac' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Rate Kid A' })).toBeInTheDocument();
  });

  it('when "Not interested" is pressed, then the pick leaves at once and the server is told which album', async () => {
    const { requests } = mockFetch({
      'GET /api/recommendations': () => jsonResponse(PAGE),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/recommendations/dismiss': () => new Response(null, { status: 204 }),
    });
    renderWithProviders(<RecommendationList filters={{ kind: 'albums' }} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Not interested in Kid A' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Kid A' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Amnesiac' })).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([{ albumId: '101' }]);
  });

  it('when the server refuses a dismissal, then the pick comes back and the reason is shown', async () => {
    mockFetch({
      'GET /api/recommendations': () => jsonResponse(PAGE),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/recommendations/dismiss': () => problemResponse(404, 'not_found', 'Album not found'),
    });
    renderWithProviders(<RecommendationList filters={{ kind: 'albums' }} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Not interested in Kid A' }));
    expect(await screen.findByText(/That pick could not be dismissed/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Kid A' })).toBeInTheDocument();
  });

  it('when a pick is rated inline, then the rating is sent for that album', async () => {
    const { requests } = mockFetch({
      'GET /api/recommendations': () => jsonResponse(PAGE),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'PUT /api/albums/101/rating': () => jsonResponse({ rating: 4, stats: { count: 1, mean: 4, histogram: [0, 0, 0, 0, 0, 0, 0, 1, 0, 0], weighted: 3.5 } }),
    });
    renderWithProviders(<RecommendationList filters={{ kind: 'albums' }} />);
    const slider = await screen.findByRole('slider', { name: 'Rate Kid A' });
    slider.focus();
    await userEvent.keyboard('{ArrowRight}{Enter}');
    expect(await screen.findByText('Rating saved')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual(['/api/albums/101/rating']);
  });

  it('when there are no picks, then it says how to get some', async () => {
    mockFetch({ 'GET /api/recommendations': () => jsonResponse({ items: [], nextCursor: null, computedAt: null }) });
    renderWithProviders(<RecommendationList filters={{ kind: 'tracks', decade: 1990 }} />);
    expect(await screen.findByText('No tracks to recommend with these filters yet.')).toBeInTheDocument();
  });
});

describe('SimilarAlbums and FollowSuggestions', () => {
  it('shows similar albums as links under a heading', async () => {
    mockFetch({ 'GET /api/albums/101/similar': () => jsonResponse({ items: [albumSummary(2, 'Amnesiac', 'Radiohead')] }) });
    renderWithProviders(<SimilarAlbums albumId="101" />);
    expect(await screen.findByRole('heading', { name: 'Similar albums' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Amnesiac/ })).toHaveAttribute('href', '/albums/102');
  });

  it('suggests people with their taste match and follows one on request', async () => {
    const { requests } = mockFetch({
      'GET /api/users/me/follow-suggestions': () =>
        jsonResponse({ items: [{ user: { id: '3', handle: 'ben', displayName: 'Ben' }, sharedCount: 12, compatibility: 91 }] }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'PUT /api/users/ben/follow': () => jsonResponse({ status: 'following', followerCount: 1 }),
    });
    renderWithProviders(<FollowSuggestions />);
    expect(await screen.findByText(/91% taste match over 12 albums/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Follow Ben' }));
    expect(await screen.findByRole('button', { name: 'Following Ben' })).toBeDisabled();
    expect(requests.some((r) => r.method === 'PUT' && r.path === '/api/users/ben/follow')).toBe(true);
  });
});
