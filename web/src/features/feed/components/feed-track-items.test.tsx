import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { activity, albumSummary, ben, feedItem, reviewRef } from '../../../testing/social-fixtures';
import { FeedItemCard } from './feed-item-card';
import { describeFeedItem } from './feed-text';

const low = albumSummary(1, 'Low', 'David Bowie');
const soundAndVision = { id: '11', title: 'Sound and Vision' };

describe('FeedItemCard for tracks', () => {
  it('when Ana rated a track, then the item names the track and its album and links to the track page', async () => {
    renderWithProviders(<FeedItemCard item={feedItem('t1', [activity(1, 'rated', { album: low, track: soundAndVision, rating: 4.5 })])} />);
    const item = await screen.findByRole('article', { name: 'Ana rated Sound and Vision from Low' });
    expect(within(item).getByRole('link', { name: /Sound and Vision/ })).toHaveAttribute('href', '/tracks/11');
    expect(within(item).getByText('from Low')).toBeInTheDocument();
    expect(within(item).getByRole('img', { name: 'Rated 4.5 stars' })).toBeInTheDocument();
  });

  it('when Ana reviewed a track, then the item names the track and links to the review with its excerpt', async () => {
    const reviewed = activity(1, 'reviewed', { album: low, track: soundAndVision, review: reviewRef('950', 'Blue, blue, electric blue.') });
    renderWithProviders(<FeedItemCard item={feedItem('t2', [reviewed])} />);
    const item = await screen.findByRole('article', { name: 'Ana reviewed Sound and Vision from Low' });
    expect(within(item).getByRole('link', { name: /Sound and Vision/ })).toHaveAttribute('href', '/reviews/950');
    expect(within(item).getByText('Blue, blue, electric blue.')).toBeInTheDocument();
  });

  it('when ratings of tracks and albums are grouped, then the sentence counts them as such', () => {
    const tracks = [1, 2].map((n) => activity(n, 'rated', { track: { id: String(n), title: `Song ${n}` } }));
    expect(describeFeedItem(feedItem('g', tracks))).toBe('Ana rated 2 tracks');
    expect(describeFeedItem(feedItem('g', [...tracks, activity(3, 'rated')]))).toBe('Ana rated 3 albums and tracks');
    expect(describeFeedItem(feedItem('g', [activity(3, 'rated'), activity(4, 'rated')]))).toBe('Ana rated 2 albums');
  });

  it("when Ben liked a review of a track, then it reads as the track's review", () => {
    const liked = activity(1, 'liked_review', { album: low, track: soundAndVision, review: reviewRef('950', 'x', ben) });
    expect(describeFeedItem(feedItem('l', [liked]))).toBe('Ana liked Bén 🎧’s review of Sound and Vision from Low');
  });
});
