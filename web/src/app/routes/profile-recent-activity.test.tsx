import type { FeedItem } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FeedItemCard } from '../../features/feed/components/feed-item-card';
import { jsonResponse, mockFetch, problemResponse } from '../../testing/mock-fetch';
import { renderWithProviders } from '../../testing/render';
import { activity, albumSummary, ben, feedItem, reviewRef } from '../../testing/social-fixtures';
import { RecentActivity } from '../../features/profiles/components/recent-activity';

// The profile page (this route) draws its recent activity with the feed's card; so do these tests.
const renderItem = (item: FeedItem) => <FeedItemCard item={item} viewerId="1" />;
const headings = () => screen.getAllByTestId('feed-item').map((item) => within(item).getByRole('heading').textContent);
const requestedUrls = (spy: ReturnType<typeof mockFetch>['spy']) => spy.mock.calls.map(([input]) => String(input));

describe('RecentActivity', () => {
  it('when the user has activity, then grouped items show as in the feed and "Show more" appends the next page with its cursor', async () => {
    const pages = [
      {
        items: [
          feedItem('g1', [activity(1), activity(2)]),
          feedItem('l1', [activity(3, 'liked_review', { album: albumSummary(3, 'Blue'), review: reviewRef('77', 'All blue.', ben) })]),
        ],
        nextCursor: 'c1',
      },
      { items: [feedItem('r1', [activity(4, 'reviewed', { album: albumSummary(4, 'Low'), review: reviewRef('78', 'Cold and kind.') })])], nextCursor: null },
    ];
    let served = 0;
    // The fake server ignores query strings, so it answers pages in the order they are asked for.
    const { spy } = mockFetch({ 'GET /api/users/ana/activity': () => jsonResponse(pages[Math.min(served++, pages.length - 1)]) });
    renderWithProviders(<RecentActivity handle="ana" emptyText="Nothing yet" renderItem={renderItem} />);

    await screen.findByRole('article', { name: 'Ana rated 2 albums' });
    expect(headings()).toEqual(['Ana rated 2 albums', 'Ana liked Bén 🎧’s review of Blue']);
    const liked = screen.getByRole('article', { name: 'Ana liked Bén 🎧’s review of Blue' });
    expect(within(liked).getByRole('link', { name: 'Bén 🎧' })).toHaveAttribute('href', '/users/ben');

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByRole('article', { name: 'Ana reviewed Low' });
    expect(headings()).toEqual(['Ana rated 2 albums', 'Ana liked Bén 🎧’s review of Blue', 'Ana reviewed Low']);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    const urls = requestedUrls(spy);
    expect(urls).toHaveLength(2);
    expect(urls[0]).not.toContain('cursor=');
    expect(urls[1]).toContain('cursor=c1');
  });

  it('when there is nothing to show, then the empty text appears and no "Show more"', async () => {
    mockFetch({ 'GET /api/users/ana/activity': () => jsonResponse({ items: [], nextCursor: null }) });
    renderWithProviders(<RecentActivity handle="ana" emptyText="Nothing from Ana to show yet." renderItem={renderItem} />);
    await screen.findByText('Nothing from Ana to show yet.');
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('when a page comes back empty but not last, then "Show more" still offers the older activity instead of the empty text', async () => {
    let served = 0;
    const pages = [
      { items: [], nextCursor: 'c1' },
      { items: [feedItem('old', [activity(9)])], nextCursor: null },
    ];
    mockFetch({ 'GET /api/users/ana/activity': () => jsonResponse(pages[Math.min(served++, 1)]) });
    renderWithProviders(<RecentActivity handle="ana" emptyText="Nothing yet" renderItem={renderItem} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    await screen.findByRole('article', { name: 'Ana rated Album 9' });
    expect(screen.queryByText('Nothing yet')).not.toBeInTheDocument();
  });

  it('when the request fails, then an error says so', async () => {
    mockFetch({ 'GET /api/users/ana/activity': () => problemResponse(404, 'not_found', 'User not found.') });
    renderWithProviders(<RecentActivity handle="ana" emptyText="Nothing yet" renderItem={renderItem} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load recent activity.');
  });
});
