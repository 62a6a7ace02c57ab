import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { AlbumFriends } from './album-friends';

const friend = (n: number, rating: number) => ({ user: { id: String(n), handle: `f${n}`, displayName: `Friend ${n}` }, rating });

describe('AlbumFriends', () => {
  it('when people the viewer follows rated the album, then each is listed with their stars and the average is given', async () => {
    renderWithProviders(<AlbumFriends friends={[friend(1, 4.5), friend(2, 2)]} />);
    const region = await screen.findByRole('region', { name: 'Popular with friends' });
    expect(within(region).getByText(/2 people you follow rated it, 3.3 stars on average/)).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Friend 1' })).toHaveAttribute('href', '/users/f1');
    expect(within(region).getByRole('img', { name: 'Friend 2: 2 stars' })).toBeInTheDocument();
  });

  it('when nobody the viewer follows rated it, then the panel is not shown at all', () => {
    const { container } = renderWithProviders(<AlbumFriends friends={[]} />);
    expect(container.querySelector('.album-friends')).toBeNull();
  });

  it('when many friends rated it, then eight are listed and the rest counted', async () => {
    renderWithProviders(<AlbumFriends friends={Array.from({ length: 11 }, (_, i) => friend(i + 1, 3))} />);
    const region = await screen.findByRole('region', { name: 'Popular with friends' });
    expect(within(region).getAllByRole('listitem')).toHaveLength(8);
    expect(within(region).getByText('and 3 more')).toBeInTheDocument();
  });
});
