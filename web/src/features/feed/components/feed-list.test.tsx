import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSocketFactory } from '../../../lib/socket';
import { FakeSocket } from '../../../testing/fake-socket';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { activity, feedItem, reviewRef } from '../../../testing/social-fixtures';
import { FeedList } from './feed-list';

let socket: FakeSocket;
let restoreSocket: () => void;

beforeEach(() => {
  socket = new FakeSocket();
  restoreSocket = setSocketFactory(() => socket.asSocket());
  Element.prototype.scrollIntoView = function scrollIntoView() {};
});

afterEach(() => restoreSocket());

const titles = () => screen.getAllByTestId('feed-item').map((item) => within(item).getByRole('heading').textContent);

describe('FeedList', () => {
  it('when a feed:new item arrives, then it is first in the list, marked new, and a "1 new" pill appears; pressing it clears the marks', async () => {
    mockFetch({ 'GET /api/feed': () => jsonResponse({ items: [feedItem('old', [activity(1), activity(2)])], nextCursor: null }) });
    renderWithProviders(<FeedList empty="Nothing yet" />);
    await screen.findByRole('heading', { name: 'Ana rated 2 albums' });
    await waitFor(() => expect(socket.listenerCount('feed:new')).toBe(1));

    act(() => socket.serverEmit('feed:new', { item: feedItem('a9', [activity(9, 'reviewed', { review: reviewRef('5', 'Loud.') })]) }));

    await waitFor(() => expect(titles()).toEqual(['Ana reviewed Album 9New', 'Ana rated 2 albums']));
    const pill = screen.getByRole('button', { name: /1 new/ });
    await userEvent.click(pill);
    expect(screen.queryByRole('button', { name: /new/ })).not.toBeInTheDocument();
    expect(titles()).toEqual(['Ana reviewed Album 9', 'Ana rated 2 albums']);
    expect(screen.getByRole('heading', { name: 'From people you follow' })).toHaveFocus();
  });

  it('when the same item is delivered twice, then it is listed once and counted once', async () => {
    mockFetch({ 'GET /api/feed': () => jsonResponse({ items: [], nextCursor: null }) });
    renderWithProviders(<FeedList empty="Nothing yet" />);
    await screen.findByText('Nothing yet');
    await waitFor(() => expect(socket.listenerCount('feed:new')).toBe(1));

    const item = feedItem('a3', [activity(3)]);
    act(() => {
      socket.serverEmit('feed:new', { item });
      socket.serverEmit('feed:new', { item });
    });

    await waitFor(() => expect(screen.getAllByTestId('feed-item')).toHaveLength(1));
    expect(screen.getByRole('button', { name: /1 new/ })).toBeInTheDocument();
  });

  it('when there are older pages, then "Load more" appends them below', async () => {
    // The fake server ignores query strings, so it answers pages in the order they are asked for.
    const pages = [
      { items: [feedItem('p1', [activity(1)])], nextCursor: 'c1' },
      { items: [feedItem('p2', [activity(2)])], nextCursor: null },
    ];
    let served = 0;
    mockFetch({ 'GET /api/feed': () => jsonResponse(pages[Math.min(served++, pages.length - 1)]) });
    renderWithProviders(<FeedList live={false} empty="Nothing yet" />);
    await screen.findByRole('heading', { name: 'Ana rated Album 1' });
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('heading', { name: 'Ana rated Album 2' });
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});
