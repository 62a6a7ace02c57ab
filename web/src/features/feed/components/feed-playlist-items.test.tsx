import type { ActivityView, FeedPlaylistView } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { activity, ben, feedItem } from '../../../testing/social-fixtures';
import { FeedItemCard } from './feed-item-card';
import { describeFeedItem } from './feed-text';

const playlist = (id: string, title: string, extra: Partial<FeedPlaylistView> = {}): FeedPlaylistView => ({
  id,
  title,
  kind: 'playlist',
  entryCount: 12,
  covers: [],
  owner: { id: '1', handle: 'ana', displayName: 'Ana' },
  ...extra,
});

const about = (n: number, type: ActivityView['type'], p: FeedPlaylistView, count: number | null = null) =>
  activity(n, type, { album: null, playlist: p, count });

describe('playlist activity in the feed', () => {
  it('when Ana creates a playlist, then the card names it and links to it with its size', async () => {
    renderWithProviders(<FeedItemCard item={feedItem('p1', [about(1, 'created_playlist', playlist('abc-1', 'Dream pop 1990'))])} />);
    const item = await screen.findByRole('article', { name: 'Ana created the playlist Dream pop 1990' });
    expect(within(item).getByRole('link', { name: /Dream pop 1990/ })).toHaveAttribute('href', '/playlists/abc-1');
    expect(within(item).getByText('Playlist · 12 tracks')).toBeInTheDocument();
  });

  it('when additions to one playlist are grouped, then their counts add up; across playlists they are counted by playlist', () => {
    const dream = playlist('abc-1', 'Dream pop');
    expect(describeFeedItem(feedItem('a', [about(1, 'added_to_playlist', dream, 3), about(2, 'added_to_playlist', dream, 2)]))).toBe(
      'Ana added 5 tracks to Dream pop',
    );
    expect(describeFeedItem(feedItem('b', [about(1, 'added_to_playlist', dream, 1)]))).toBe('Ana added 1 track to Dream pop');
    const list = playlist('abc-2', 'Best of 1997', { kind: 'list' });
    expect(describeFeedItem(feedItem('c', [about(1, 'added_to_playlist', dream, 3), about(2, 'added_to_playlist', list, 4)]))).toBe(
      'Ana added 7 entries to 2 playlists',
    );
  });

  it('when Ana likes someone’s list, then the sentence names whose; the viewer’s own reads "your"', () => {
    const bens = playlist('abc-3', 'Krautrock', { kind: 'list', owner: ben });
    expect(describeFeedItem(feedItem('l', [about(1, 'liked_playlist', bens)]))).toBe(`Ana liked ${ben.displayName}’s list Krautrock`);
    expect(describeFeedItem(feedItem('l', [about(1, 'liked_playlist', bens)]), ben.id)).toBe('Ana liked your list Krautrock');
  });
});
