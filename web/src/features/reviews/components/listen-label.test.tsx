import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { review } from '../../../testing/catalog-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { ReviewCard } from './review-card';

const card = (listenNumber: number | null | undefined) => {
  renderWithProviders(<ReviewCard review={review({ listenNumber })} canLike={false} viewerId={null} />);
  return screen.getByRole('article');
};

describe('review listen labels', () => {
  it('when a review came with the first listen, then it says "First impression"', () => {
    expect(within(card(1)).getByText('First impression')).toBeInTheDocument();
  });

  it('when a review came after three listens, then it says "After 3 listens"', () => {
    const article = card(3);
    expect(within(article).getByText('After 3 listens')).toBeInTheDocument();
    expect(within(article).queryByText('First impression')).not.toBeInTheDocument();
  });

  it('when the review has no listen count (a track review), then no label is shown', () => {
    const article = card(null);
    expect(within(article).queryByText(/First impression|listens$/)).not.toBeInTheDocument();
  });
});
