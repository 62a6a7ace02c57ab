import type { RatingTimelinePoint } from '@muse/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useRateAlbum } from '../../features/albums/api/rate-album';
import { MyRatingTimeline } from '../../features/opinions/components/my-rating-timeline';
import { jsonResponse, mockFetch } from '../../testing/mock-fetch';
import { renderWithProviders } from '../../testing/render';

const point = (on: string, rating: number, listenNumber: number, extra: Partial<RatingTimelinePoint> = {}): RatingTimelinePoint => ({
  on,
  rating,
  source: 'diary',
  listenNumber,
  reviewId: null,
  ...extra,
});

describe('MyRatingTimeline after a rating', () => {
  function RateButton() {
    const rate = useRateAlbum('5');
    return (
      <button type="button" onClick={() => rate.mutate(4)}>
        Rate 4
      </button>
    );
  }

  it('when the viewer rates the album with the stars, then the timeline is read again and shows the new point', async () => {
    let points = [point('2024-01-05', 2, 1)];
    mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'GET /api/albums/5/my-timeline': () => jsonResponse({ albumId: '5', points, change: points.length > 1 ? 2 : null }),
      'PUT /api/albums/5/rating': () => {
        points = [...points, point('2026-12-06', 4, 2, { source: 'rating' })];
        return jsonResponse({ rating: 4, stats: { count: 1, mean: 4, weighted: 4, histogram: [0, 0, 0, 0, 0, 0, 0, 1, 0, 0] } });
      },
    });
    renderWithProviders(
      <>
        <MyRatingTimeline albumId="5" signedIn />
        <RateButton />
      </>,
    );
    expect(await screen.findByRole('img', { name: 'One rating: 2 stars' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Rate 4' }));
    expect(await screen.findByRole('img', { name: '2 ratings, from 2 stars to 4 stars' })).toBeInTheDocument();
  });
});
