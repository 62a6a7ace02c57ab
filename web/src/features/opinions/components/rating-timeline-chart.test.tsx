import type { RatingTimelinePoint } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { MyRatingTimeline } from './my-rating-timeline';
import { RatingTimelineChart } from './rating-timeline-chart';

const point = (on: string, rating: number, listenNumber: number, extra: Partial<RatingTimelinePoint> = {}): RatingTimelinePoint => ({
  on,
  rating,
  source: 'diary',
  listenNumber,
  reviewId: null,
  ...extra,
});

describe('RatingTimelineChart', () => {
  it('when there are three ratings, then the chart names the range, draws a dot per rating and lists each listen with its review link', () => {
    const points = [point('2024-01-05', 2, 1), point('2024-06-01', 3.5, 2, { reviewId: '77' }), point('2025-02-01', 4.5, 3, { source: 'rating' })];
    const { container } = renderWithProviders(<RatingTimelineChart points={points} change={2.5} />);

    expect(screen.getByRole('img', { name: '3 ratings, from 2 stars to 4.5 stars' })).toBeInTheDocument();
    expect(container.querySelectorAll('circle')).toHaveLength(3);
    expect(container.querySelector('polyline')).not.toBeNull();
    expect(screen.getByText('+2.5 ★ since your first listen')).toBeInTheDocument();
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'First listen, Jan 5, 2024: 2 stars',
      'Listen 2, Jun 1, 2024: 3.5 stars · review',
      'Listen 3, Feb 1, 2025: 4.5 stars (rated without a logged listen)',
    ]);
    expect(within(items[1]!).getByRole('link', { name: 'review' })).toHaveAttribute('href', '/reviews/77');
  });

  it('when there is one rating, then no line and no change are shown', () => {
    const { container } = renderWithProviders(<RatingTimelineChart points={[point('2024-01-05', 3, 1)]} change={null} />);
    expect(screen.getByRole('img', { name: 'One rating: 3 stars' })).toBeInTheDocument();
    expect(container.querySelector('polyline')).toBeNull();
    expect(screen.queryByText(/since your first listen/)).not.toBeInTheDocument();
  });
});

describe('MyRatingTimeline', () => {
  it('when the viewer has ratings of the album, then the card shows them; when none, then nothing is shown', async () => {
    mockFetch({
      'GET /api/albums/5/my-timeline': () => jsonResponse({ albumId: '5', points: [point('2024-01-05', 2, 1), point('2024-03-01', 1, 2)], change: -1 }),
      'GET /api/albums/6/my-timeline': () => jsonResponse({ albumId: '6', points: [], change: null }),
    });
    renderWithProviders(
      <>
        <MyRatingTimeline albumId="5" signedIn />
        <MyRatingTimeline albumId="6" signedIn />
      </>,
    );
    expect(await screen.findByRole('heading', { name: 'Your ratings over time' })).toBeInTheDocument();
    expect(screen.getByText('−1 ★ since your first listen')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { name: 'Your ratings over time' })).toHaveLength(1);
  });
});
