import type { Visibility } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { review } from '../../../testing/catalog-fixtures';
import { renderWithProviders } from '../../../testing/render';
import { ReviewCard } from './review-card';

const card = (visibility: Visibility) => {
  renderWithProviders(<ReviewCard review={review({ visibility })} canLike={false} viewerId={null} />);
  return screen.getByRole('article');
};

describe('review audience labels', () => {
  it('when a review is for followers only, then the card says so (and names it for screen readers)', () => {
    const label = within(card('followers')).getByText('Followers only');
    expect(label.closest('.tag')).toHaveTextContent('Visible to: Followers only');
  });

  it('when a review is the author’s alone, then the card says "Only me"', () => {
    expect(within(card('private')).getByText('Only me')).toBeInTheDocument();
  });

  it('when a review is public, then no label is shown', () => {
    expect(within(card('public')).queryByText(/Followers only|Only me|Visible to/)).not.toBeInTheDocument();
  });
});
