import type { Me, ProfileView } from '@muse/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../testing/mock-fetch';
import { createTestQueryClient } from '../../testing/render';
import { activity, albumSummary, feedItem, profileView, reviewRef } from '../../testing/social-fixtures';
import { ProfileRoute } from './profile-route';

const me: Me = { id: '9', handle: 'viewer', email: 'v@example.com', displayName: 'Vera', role: 'user', createdAt: '2026-01-01T00:00:00.000Z' };
const relationship = { following: false, followedBy: false, requested: false, blocking: false, blockedBy: false };

function renderProfile(profile: ProfileView, routes: Parameters<typeof mockFetch>[0] = {}) {
  const { requests } = mockFetch({
    'GET /api/users/nina': () => jsonResponse(profile),
    'GET /api/users/nina/activity': () => jsonResponse({ items: [], nextCursor: null }),
    'GET /api/users/nina/reviews': () => jsonResponse({ items: [], nextCursor: null }),
    'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
    ...routes,
  });
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(['me'], me);
  const router = createMemoryRouter([{ path: '/users/:handle', element: <ProfileRoute /> }], { initialEntries: ['/users/nina'] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { requests };
}

describe('profile page', () => {
  it('when a private profile is opened by a non-follower, then only name and avatar show, with Follow; pressing it shows "Requested"', async () => {
    const hidden = profileView({
      isOwn: false,
      visible: false,
      relationship,
      favourites: [],
      stats: null,
      settings: null,
      user: { ...profileView().user, bio: 'Secret bio', isPrivate: true },
    });
    const { requests } = renderProfile(hidden, { 'PUT /api/users/nina/follow': () => jsonResponse({ status: 'requested', followerCount: 3 }) });

    await screen.findByRole('heading', { level: 1, name: /Nina/ });
    expect(screen.getByRole('img', { name: 'Nina’s avatar' })).toBeInTheDocument();
    expect(screen.getByText(/Nina’s profile is private/)).toBeInTheDocument();
    expect(screen.queryByText('Secret bio')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Favourite albums' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Follow Nina' }));
    await screen.findByRole('button', { name: 'Withdraw follow request to Nina' });
    expect(screen.getByTestId('follow-button')).toHaveTextContent('Requested');
    expect(screen.getByText(/You asked to follow Nina/)).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual(['/api/users/nina/follow']);
  });

  it('when a public profile is followed and then unfollowed, then the button and follower count follow the answers', async () => {
    const { requests } = renderProfile(profileView({ isOwn: false, relationship, settings: null }), {
      'PUT /api/users/nina/follow': () => jsonResponse({ status: 'following', followerCount: 4 }),
      'DELETE /api/users/nina/follow': () => jsonResponse({ status: 'none', followerCount: 3 }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Follow Nina' }));
    await screen.findByRole('button', { name: 'Unfollow Nina' });
    expect(screen.getByRole('link', { name: /4 followers/ })).toHaveAttribute('href', '/users/nina/followers');
    await userEvent.click(screen.getByRole('button', { name: 'Unfollow Nina' }));
    await screen.findByRole('button', { name: 'Follow Nina' });
    await waitFor(() => expect(screen.getByRole('link', { name: /3 followers/ })).toBeInTheDocument());
    expect(requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['PUT', 'DELETE']);
  });

  it('when the owner opens their page, then it offers "Edit profile" and the favourites editor instead of Follow', async () => {
    renderProfile(profileView());
    await screen.findByRole('link', { name: 'Edit profile' });
    expect(screen.queryByRole('button', { name: /Follow/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move Low later' })).toBeInTheDocument();
  });

  it('when the page shows recent activity, then it reads as in the feed, names the viewer’s own review as "your review", and keeps the diary link', async () => {
    const nina = { id: '1', handle: 'nina', displayName: 'Nina', avatarUrl: null };
    const liked = activity(1, 'liked_review', { actor: nina, album: albumSummary(1, 'Blue'), review: reviewRef('77', 'All blue.', { id: me.id, handle: me.handle, displayName: me.displayName }) });
    renderProfile(profileView({ isOwn: false, relationship, settings: null }), {
      'GET /api/users/nina/activity': () => jsonResponse({ items: [feedItem('l1', [liked])], nextCursor: null }),
    });
    const recent = await screen.findByRole('region', { name: 'Recent activity' });
    expect(await within(recent).findByRole('article', { name: 'Nina liked your review of Blue' })).toBeInTheDocument();
    expect(within(recent).getByRole('link', { name: 'Diary' })).toHaveAttribute('href', '/users/nina/diary');
  });

  it.each([
    ['the owner', profileView(), 'Nothing here yet. Rate, review or log an album and it shows up here.'],
    ['someone else', profileView({ isOwn: false, relationship, settings: null }), 'Nothing from Nina to show yet.'],
  ])('when %s opens a page with no activity, then the empty text fits them', async (_who, profile, text) => {
    renderProfile(profile);
    expect(await screen.findByText(text)).toBeInTheDocument();
  });
});
