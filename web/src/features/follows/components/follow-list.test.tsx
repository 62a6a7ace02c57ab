import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { FollowList } from './follow-list';

describe('FollowList', () => {
  it('when the account is suspended (403 account_suspended), then it says so instead of calling it private', async () => {
    mockFetch({ 'GET /api/users/nina/followers': () => problemResponse(403, 'account_suspended', 'This account is suspended.') });
    renderWithProviders(<FollowList handle="nina" kind="followers" />);
    expect(await screen.findByText('This account is suspended.')).toBeInTheDocument();
    expect(screen.queryByText(/private/)).not.toBeInTheDocument();
  });

  it('when the profile is private (403 profile_private), then it asks to follow first', async () => {
    mockFetch({ 'GET /api/users/nina/following': () => problemResponse(403, 'profile_private', 'This profile is private.') });
    renderWithProviders(<FollowList handle="nina" kind="following" />);
    expect(await screen.findByText('This profile is private. Follow it to see who is in it.')).toBeInTheDocument();
  });

  it('when the list answers, then its people show', async () => {
    mockFetch({
      'GET /api/users/nina/followers': () =>
        jsonResponse({
          items: [{ user: { id: '2', handle: 'ana', displayName: 'Ana', avatarUrl: null }, followedAt: '2026-01-01T00:00:00.000Z', viewerFollows: true }],
          nextCursor: null,
        }),
    });
    renderWithProviders(<FollowList handle="nina" kind="followers" />);
    expect(await screen.findByText('Ana')).toBeInTheDocument();
    expect(screen.getByText('You follow')).toBeInTheDocument();
  });
});
