import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { activity, albumSummary, ana, ben, feedItem, reviewRef } from '../../../testing/social-fixtures';
import { FeedItemCard, MAX_COVERS } from './feed-item-card';
import { describeFeedItem } from './feed-text';

describe('FeedItemCard', () => {
  it('when Ana rated five albums close together, then one item reads "Ana rated 5 albums" with five covers and their stars', async () => {
    const ratings = [1, 2, 3, 4, 5].map((n) => activity(n, 'rated', { rating: n === 5 ? 2 : 4.5 }));
    renderWithProviders(<FeedItemCard item={feedItem('g1', ratings)} />);

    const item = await screen.findByRole('article', { name: 'Ana rated 5 albums' });
    expect(within(item).getAllByRole('img', { name: /^Cover of Album \d by Artist \d$/ })).toHaveLength(5);
    expect(within(item).getAllByRole('img', { name: 'Rated 4.5 stars' })).toHaveLength(4);
    expect(within(item).getByRole('img', { name: 'Rated 2 stars' })).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'Ana' })).toHaveAttribute('href', '/users/ana');
    expect(within(item).getAllByRole('link', { name: /Album 3/ })[0]).toHaveAttribute('href', '/albums/103');
  });

  it('when a group holds more albums than fit, then the first covers show and the rest are counted', async () => {
    const many = Array.from({ length: MAX_COVERS + 3 }, (_, i) => activity(i + 1));
    renderWithProviders(<FeedItemCard item={feedItem('g2', many)} />);
    const item = await screen.findByRole('article', { name: `Ana rated ${MAX_COVERS + 3} albums` });
    expect(within(item).getAllByRole('img', { name: /^Cover of/ })).toHaveLength(MAX_COVERS);
    expect(within(item).getByText('and 3 more')).toBeInTheDocument();
  });

  it('when the item is one review, then it names the album and shows the excerpt with a link to the review', async () => {
    const review = activity(1, 'reviewed', { album: albumSummary(1, 'Low', 'David Bowie'), review: reviewRef('900', 'Side B is a whole winter.') });
    renderWithProviders(<FeedItemCard item={feedItem('r1', [review])} />);
    const item = await screen.findByRole('article', { name: 'Ana reviewed Low' });
    expect(within(item).getByText('Side B is a whole winter.')).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'Read the review' })).toHaveAttribute('href', '/reviews/900');
    expect(within(item).queryByText(/First impression|After \d+ listens/)).toBeNull();
  });

  it('when the review came after listens, then the excerpt is labelled as on review cards', async () => {
    const first = activity(1, 'reviewed', { album: albumSummary(1, 'Low'), review: reviewRef('901', 'Cold.', undefined, 1) });
    const later = activity(2, 'reviewed', { album: albumSummary(2, 'Heroes'), review: reviewRef('902', 'Warmer now.', undefined, 4) });
    renderWithProviders(
      <>
        <FeedItemCard item={feedItem('r1', [first])} />
        <FeedItemCard item={feedItem('r2', [later])} />
      </>,
    );
    expect(within(await screen.findByRole('article', { name: 'Ana reviewed Low' })).getByText('First impression')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Ana reviewed Heroes' })).getByText('After 4 listens')).toBeInTheDocument();
  });

  it('when Ana followed people, then the sentence names whom', () => {
    const bob = { id: '4', handle: 'bob', displayName: 'Bób 🎧' };
    expect(describeFeedItem(feedItem('f', [activity(1, 'followed', { album: null, targetUser: bob })]))).toBe('Ana followed Bób 🎧');
    expect(
      describeFeedItem(
        feedItem(
          'f2',
          [1, 2].map((n) => activity(n, 'followed', { album: null, targetUser: { ...bob, id: String(n) } })),
        ),
      ),
    ).toBe('Ana followed 2 people');
    expect(describeFeedItem({ ...feedItem('e', [activity(1)]), activities: [] })).toBe('Ana rated an album');
  });

  it('when Ana liked or commented on Ben’s review, then the sentence names Ben and links to his profile', async () => {
    const liked = activity(1, 'liked_review', { album: albumSummary(1, 'Blue'), review: reviewRef('77', 'All blue.', ben) });
    const commented = activity(2, 'commented', { album: albumSummary(2, 'Low'), review: reviewRef('78', 'Cold.', ben) });
    renderWithProviders(
      <>
        <FeedItemCard item={feedItem('l', [liked])} viewerId="1" />
        <FeedItemCard item={feedItem('c', [commented])} viewerId="1" />
      </>,
    );

    const likedItem = await screen.findByRole('article', { name: 'Ana liked Bén 🎧’s review of Blue' });
    expect(within(likedItem).getByRole('link', { name: 'Bén 🎧' })).toHaveAttribute('href', '/users/ben');
    expect(within(likedItem).getByRole('link', { name: 'Read the review' })).toHaveAttribute('href', '/reviews/77');
    const commentedItem = screen.getByRole('article', { name: 'Ana commented on Bén 🎧’s review of Low' });
    expect(within(commentedItem).getByRole('link', { name: 'Bén 🎧' })).toHaveAttribute('href', '/users/ben');
  });

  it('when the liked review is the viewer’s own, then it reads "your review" with no link to a name', async () => {
    const liked = activity(1, 'liked_review', { album: albumSummary(1, 'Blue'), review: reviewRef('77', 'All blue.', ben) });
    renderWithProviders(<FeedItemCard item={feedItem('l', [liked])} viewerId={ben.id} />);
    const item = await screen.findByRole('article', { name: 'Ana liked your review of Blue' });
    expect(within(item).queryByRole('link', { name: /Bén/ })).not.toBeInTheDocument();
    expect(describeFeedItem(feedItem('own', [activity(2, 'commented', { review: reviewRef('5', 'Mine.') })]), ben.id)).toBe(
      'Ana commented on their own review of Album 2',
    );
    expect(
      describeFeedItem(
        feedItem(
          'many',
          [1, 2, 3].map((n) => activity(n, 'liked_review', { review: reviewRef(String(n), 'x', ben) })),
        ),
      ),
    ).toBe('Ana liked 3 reviews');
  });

  it('when the item is the viewer’s own, then it names them "You" and speaks of "your" things', async () => {
    renderWithProviders(<FeedItemCard item={feedItem('mine', [activity(1, 'rated')])} viewerId={ana.id} />);

    const item = await screen.findByRole('article', { name: 'You rated Album 1' });
    expect(within(item).getByRole('link', { name: 'You' })).toHaveAttribute('href', '/users/ana');
    expect(within(item).queryByText('Ana')).not.toBeInTheDocument();
    expect(describeFeedItem(feedItem('own', [activity(2, 'commented', { review: reviewRef('5', 'Mine.') })]), ana.id)).toBe(
      'You commented on your own review of Album 2',
    );
    expect(describeFeedItem(feedItem('fav', [activity(3, 'favourited')]), ana.id)).toBe('You added Album 3 to your favourites');
    expect(
      describeFeedItem(
        feedItem(
          'favs',
          [3, 4].map((n) => activity(n, 'favourited')),
        ),
        ana.id,
      ),
    ).toBe('You added 2 albums to your favourites');
    expect(describeFeedItem(feedItem('other', [activity(3, 'favourited')]), ben.id)).toBe('Ana added Album 3 to their favourites');
  });
});
