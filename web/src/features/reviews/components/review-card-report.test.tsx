import type { ReviewView } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { review } from '../../../testing/catalog-fixtures';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { AlbumReviews } from './album-reviews';
import { UserReviews } from './user-reviews';

const byNina = review({ id: '900', author: { id: '1', handle: 'nina', displayName: 'Nina' }, body: 'Mine.' });
const byOtto = review({ id: '901', author: { id: '2', handle: 'otto', displayName: 'Otto' }, body: 'Not mine.' });

function serveAlbumReviews(items: ReviewView[]) {
  return mockFetch({
    'GET /api/albums/42/reviews': () => jsonResponse({ items, nextCursor: null }),
    'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
    'POST /api/reports': () => jsonResponse({ id: '1' }, 201),
  });
}

/** The card of the review with this text. */
async function cardOf(text: string) {
  return (await screen.findByText(text)).closest('article')!;
}

describe('Report on review cards', () => {
  it('when a signed-in viewer reads an album’s reviews, then a card by someone else offers "Report" and their own does not', async () => {
    serveAlbumReviews([byNina, byOtto]);
    renderWithProviders(<AlbumReviews albumId="42" canLike viewerId="1" />);
    expect(within(await cardOf('Not mine.')).getByRole('button', { name: 'Report review by Otto' })).toBeInTheDocument();
    expect(within(await cardOf('Mine.')).queryByRole('button', { name: /Report/ })).not.toBeInTheDocument();
  });

  it('when nobody is signed in, then no card offers "Report"', async () => {
    serveAlbumReviews([byNina, byOtto]);
    renderWithProviders(<AlbumReviews albumId="42" canLike={false} viewerId={null} />);
    await cardOf('Not mine.');
    expect(screen.queryByRole('button', { name: /Report/ })).not.toBeInTheDocument();
  });

  it('when a report is sent from a card, then the API hears the review and reason and the dialog thanks the reporter', async () => {
    const { requests } = serveAlbumReviews([byOtto]);
    renderWithProviders(<AlbumReviews albumId="42" canLike viewerId="1" />);
    await userEvent.click(within(await cardOf('Not mine.')).getByRole('button', { name: 'Report review by Otto' }));
    const dialog = screen.getByRole('dialog', { name: 'Report this review' });
    await userEvent.type(within(dialog).getByLabelText('What is wrong?'), 'Spoilers without warning');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText('Thanks. Your report is with the moderators.')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({ path: '/api/reports', body: { targetType: 'review', targetId: '901', reason: 'Spoilers without warning' } }),
    ]);
  });

  it('when a profile lists reviews, then its cards follow the same rule', async () => {
    mockFetch({ 'GET /api/users/otto/reviews': () => jsonResponse({ items: [byOtto], nextCursor: null }) });
    const { unmount } = renderWithProviders(<UserReviews handle="otto" canLike viewerId="1" emptyText="None" />);
    expect(within(await cardOf('Not mine.')).getByRole('button', { name: 'Report review by Otto' })).toBeInTheDocument();
    unmount();

    renderWithProviders(<UserReviews handle="otto" canLike viewerId="2" emptyText="None" />);
    await cardOf('Not mine.');
    expect(screen.queryByRole('button', { name: /Report/ })).not.toBeInTheDocument();
  });
});
