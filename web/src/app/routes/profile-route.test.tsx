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
import { meOf } from '../../testing/session-fixtures';

const me = meOf({ id: '9', handle: 'viewer', displayName: 'Vera' });
const relationship = { following: false, followedBy: false, requested: false, blocking: false, blockedBy: false };

const admin: Me = { ...me, id: '8', handle: 'mod_boss', displayName: 'Mo', role: 'admin' };

function renderProfile(profile: ProfileView, routes: Parameters<typeof mockFetch>[0] = {}, viewer: Me | null = me) {
  const { requests } = mockFetch({
    'GET /api/users/nina': () => jsonResponse(profile),
    'GET /api/users/nina/activity': () => jsonResponse({ items: [], nextCursor: null }),
    'GET /api/users/nina/reviews': () => jsonResponse({ items: [], nextCursor: null }),
    'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
    ...routes,
  });
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(['me'], viewer);
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
    await screen.findByRole('button', { name: 'Requested: withdraw follow request to Nina' });
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
    await screen.findByRole('button', { name: 'Following Nina: unfollow' });
    expect(screen.getByRole('link', { name: /4 followers/ })).toHaveAttribute('href', '/users/nina/followers');
    await userEvent.click(screen.getByRole('button', { name: 'Following Nina: unfollow' }));
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
    const liked = activity(1, 'liked_review', {
      actor: nina,
      album: albumSummary(1, 'Blue'),
      review: reviewRef('77', 'All blue.', { id: me.id, handle: me.handle, displayName: me.displayName }),
    });
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

  describe('a suspended account', () => {
    const suspended = (overrides: Partial<ProfileView> = {}) =>
      profileView({
        isOwn: false,
        relationship,
        settings: null,
        suspended: true,
        visible: false,
        favourites: [],
        stats: null,
        user: { ...profileView().user, bio: '' },
        ...overrides,
      });

    it.each([
      ['a signed-in user', me],
      ['a signed-out visitor', null],
    ])('when %s opens it, then only name, handle and avatar show with "This account is suspended.", and no Follow', async (_who, viewer) => {
      const { requests } = renderProfile(suspended({ relationship: viewer ? relationship : null }), {}, viewer);

      await screen.findByRole('heading', { level: 1, name: /Nina/ });
      expect(screen.getByRole('img', { name: 'Nina’s avatar' })).toBeInTheDocument();
      expect(screen.getByText('@nina')).toBeInTheDocument();
      expect(within(screen.getByRole('region', { name: 'Suspended account' })).getByText('This account is suspended.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Follow/ })).not.toBeInTheDocument();
      expect(screen.queryByRole('link', { name: /Log in to follow/ })).not.toBeInTheDocument();
      expect(screen.queryByRole('link', { name: /followers/ })).not.toBeInTheDocument();
      expect(screen.queryByRole('heading', { name: 'Favourite albums' })).not.toBeInTheDocument();
      expect(screen.queryByText(/profile is private/)).not.toBeInTheDocument();
      // The badge is for administrators; everyone else reads the notice.
      expect(screen.queryByText('Suspended')).not.toBeInTheDocument();
      expect(requests.map((r) => r.path)).not.toContain('/api/users/nina/activity');
    });

    it('when the suspended account is also private, then the suspension notice shows, not the private one', async () => {
      renderProfile(suspended({ user: { ...profileView().user, bio: '', isPrivate: true } }));
      expect(await screen.findByText('This account is suspended.')).toBeInTheDocument();
      expect(screen.queryByText(/profile is private/)).not.toBeInTheDocument();
      expect(screen.queryByText('Private')).not.toBeInTheDocument();
    });

    it('when an administrator opens it, then the normal page shows with a "Suspended" badge and no Follow button', async () => {
      renderProfile(suspended({ visible: true, favourites: profileView().favourites, user: profileView().user }), {}, admin);

      const heading = await screen.findByRole('heading', { level: 1, name: /Nina/ });
      expect(within(heading).getByText('Suspended')).toBeInTheDocument();
      expect(screen.getByText('Mostly Krautrock.')).toBeInTheDocument();
      expect(screen.getByRole('heading', { name: 'Favourite albums' })).toBeInTheDocument();
      expect(screen.getByRole('link', { name: /3 followers/ })).toHaveAttribute('href', '/users/nina/followers');
      expect(screen.queryByText('This account is suspended.')).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /Follow/ })).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'More actions for Nina' })).toBeInTheDocument();
    });

    it('when an administrator opens an account that is not suspended, then there is no badge and Follow is offered', async () => {
      renderProfile(profileView({ isOwn: false, relationship, settings: null }), {}, admin);
      await screen.findByRole('button', { name: 'Follow Nina' });
      expect(screen.queryByText('Suspended')).not.toBeInTheDocument();
    });
  });
});
