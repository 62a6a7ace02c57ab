import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { review } from '../../../testing/catalog-fixtures';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { UserReviews } from './user-reviews';

describe('track reviews in a user’s review list', () => {
  it('when a profile lists a track review beside an album review, then the track one names and links its track, then its album', async () => {
    const ofTrack = review({ id: '950', track: { id: '11', title: 'Sound and Vision', artistCredit: 'David Bowie' }, body: 'Blue, blue, electric blue.' });
    const ofAlbum = review({ id: '951', body: 'Side B is a whole winter.' });
    mockFetch({ 'GET /api/users/nina/reviews': () => jsonResponse({ items: [ofTrack, ofAlbum], nextCursor: null }) });
    renderWithProviders(<UserReviews handle="nina" canLike={false} viewerId={null} emptyText="None" />);

    const trackCard = (await screen.findByText('Blue, blue, electric blue.')).closest('article')!;
    const heading = within(trackCard).getByRole('heading');
    expect(within(heading).getByRole('link', { name: 'Sound and Vision' })).toHaveAttribute('href', '/tracks/11');
    expect(within(heading).getByRole('link', { name: 'Low' })).toHaveAttribute('href', '/albums/42');
    expect(heading).toHaveTextContent(/^Sound and Vision from Low · Review by Nina$/);

    const albumCard = screen.getByText('Side B is a whole winter.').closest('article')!;
    expect(within(within(albumCard).getByRole('heading')).queryByRole('link', { name: 'Sound and Vision' })).not.toBeInTheDocument();
  });
});
