import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { activity, ana, ben, feedItem, reviewRef } from '../../../testing/social-fixtures';
import { FeedEmptyState } from './feed-empty';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('FeedEmptyState', () => {
  it('when the viewer has liked a review, then "follow its author" links to that author’s profile, not the viewer’s', async () => {
    const liked = activity(1, 'liked_review', { review: reviewRef('9', 'Cold and lovely.', ben) });
    mockFetch({ 'GET /api/users/ana/activity': () => jsonResponse({ items: [feedItem('l', [liked])], nextCursor: null }) });

    renderWithProviders(<FeedEmptyState handle={ana.handle} viewerId={ana.id} />);

    const link = await screen.findByRole('link', { name: ben.displayName });
    expect(link).toHaveAttribute('href', '/users/ben');
    expect(screen.queryByRole('link', { name: /their page/ })).not.toBeInTheDocument();
  });

  it('when the viewer has liked no review, then the hint links to nobody’s page', async () => {
    mockFetch({ 'GET /api/users/ana/activity': () => jsonResponse({ items: [feedItem('r', [activity(1, 'rated')])], nextCursor: null }) });

    renderWithProviders(<FeedEmptyState handle={ana.handle} viewerId={ana.id} />);

    expect(await screen.findByText(/open a review you like and follow its author from their page/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /their page|Ana/ })).not.toBeInTheDocument();
  });
});
