import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { histogramBarLabel, RatingHistogram } from './rating-histogram';

describe('RatingHistogram', () => {
  it('when rendered, then each of the ten bars is labelled with its stars and count', () => {
    const histogram = [3, 0, 1, 0, 0, 0, 0, 5, 12, 2];
    render(<RatingHistogram histogram={histogram} />);
    const bars = within(screen.getByRole('list', { name: /How people rated it/ })).getAllByRole('listitem');
    expect(bars).toHaveLength(10);
    expect(bars.map((bar) => bar.getAttribute('title'))).toEqual([
      '0.5 stars: 3 ratings',
      '1 star: 0 ratings',
      '1.5 stars: 1 rating',
      '2 stars: 0 ratings',
      '2.5 stars: 0 ratings',
      '3 stars: 0 ratings',
      '3.5 stars: 0 ratings',
      '4 stars: 5 ratings',
      '4.5 stars: 12 ratings',
      '5 stars: 2 ratings',
    ]);
    expect(bars[8]).toHaveTextContent('4.5 stars: 12 ratings');
  });

  it('when the viewer has rated, then their bar says so', () => {
    render(<RatingHistogram histogram={[0, 0, 0, 0, 0, 0, 0, 0, 1, 0]} viewerRating={4.5} />);
    expect(screen.getByText(/4\.5 stars: 1 rating/)).toHaveTextContent('(your rating)');
  });

  it('when counts are large, then they are grouped by thousands', () => {
    expect(histogramBarLabel(9, 12_345)).toBe('5 stars: 12,345 ratings');
  });
});
