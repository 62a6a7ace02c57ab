import type { AlbumAggregate, RatingStats } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { AlbumScores } from './album-scores';

const everyone: RatingStats = { count: 230, mean: 1.3, histogram: [200, 0, 0, 0, 0, 0, 0, 30, 0, 0], weighted: 3.91, heldSince: '2026-12-06T04:00:00.000Z' };
const followed: AlbumAggregate = {
  view: 'following',
  count: 2,
  mean: 4.5,
  histogram: [0, 0, 0, 0, 0, 0, 0, 1, 0, 1],
  weighted: 3.7,
  heldSince: null,
  sampleLimit: 5000,
  embargoedUntil: null,
};

describe('AlbumScores', () => {
  it('when the score is held, then the notice says so with its time and every rating still counts in the histogram', () => {
    renderWithProviders(<AlbumScores albumId="7" stats={everyone} viewerRating={null} live={false} signedIn={false} />);
    const notice = screen.getByTestId('score-hold');
    expect(notice).toHaveTextContent(/Score on hold since/);
    expect(within(notice).getByRole('link', { name: 'Moderation log' })).toHaveAttribute('href', '/moderation-log');
    expect(notice.querySelector('time')).toHaveAttribute('dateTime', '2026-12-06T04:00:00.000Z');
    expect(screen.getByTestId('album-weighted')).toHaveTextContent('3.91');
    expect(screen.getByTestId('album-count')).toHaveTextContent('230');
    // Signed out: only the views that need nobody's follows or taste.
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual(['Everyone (weighted)', 'Established accounts']);
  });

  it('when a signed-in viewer picks "People I follow" with the keyboard, then that view is read and shown, without the hold notice', async () => {
    const { requests } = mockFetch({ 'GET /api/albums/7/aggregate': () => jsonResponse(followed) });
    renderWithProviders(<AlbumScores albumId="7" stats={everyone} viewerRating={4} live signedIn />);
    const first = screen.getByRole('radio', { name: 'Everyone (weighted)' });
    first.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'People I follow' })).toBeChecked();
    expect(await screen.findByText('4.50')).toBeInTheDocument();
    expect(screen.getByTestId('album-count')).toHaveTextContent('2');
    expect(screen.queryByTestId('score-hold')).not.toBeInTheDocument();
    // The arrow keys pass "Established accounts" on the way: each view is its own read.
    expect(requests.map((r) => r.path)).toEqual(['/api/albums/7/aggregate', '/api/albums/7/aggregate']);
  });

  it('when the album is under the pre-release embargo, then no aggregate shows, only the date', () => {
    renderWithProviders(
      <AlbumScores
        albumId="7"
        stats={{ count: 0, mean: null, histogram: Array(10).fill(0), weighted: null }}
        viewerRating={4}
        live={false}
        signedIn
        embargoedUntil="2999-01-01"
      />,
    );
    expect(screen.getByTestId('aggregate-embargo')).toHaveTextContent(/hidden until the release/);
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByTestId('album-weighted')).not.toBeInTheDocument();
  });
});
