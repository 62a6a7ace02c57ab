import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { albumSummary } from '../../../testing/social-fixtures';
import { CompatibilityCard } from './compatibility-card';

describe('CompatibilityCard', () => {
  it('when there is a score, then it shows the percentage, a verdict, the shared count and the biggest disagreements with both ratings', async () => {
    renderWithProviders(
      <CompatibilityCard
        theirName="Ana"
        compatibility={{
          score: 82.4,
          sharedCount: 14,
          disagreements: [
            { album: albumSummary(1, 'Low', 'David Bowie'), yours: 5, theirs: 1.5 },
            { album: albumSummary(2, 'Tago Mago', 'Can'), yours: 2, theirs: 4.5 },
          ],
        }}
      />,
    );
    expect(await screen.findByTestId('compatibility-score')).toHaveTextContent('82%');
    expect(screen.getByText('Very alike')).toBeInTheDocument();
    expect(screen.getByTestId('compatibility-shared')).toHaveTextContent('Based on 14 albums you both rated');
    const rows = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Low' })).toHaveAttribute('href', '/albums/101');
    expect(within(rows[0]!).getByRole('img', { name: 'You: 5 stars' })).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('img', { name: 'Ana: 1.5 stars' })).toBeInTheDocument();
  });

  it('when fewer than three albums are shared, then no score is invented and it says how many more are needed', async () => {
    renderWithProviders(<CompatibilityCard theirName="Ana" compatibility={{ score: null, sharedCount: 2, disagreements: [] }} />);
    expect(await screen.findByTestId('compatibility-missing')).toHaveTextContent('You have rated 2 albums in common; 1 more and Muse can compare your tastes.');
    expect(screen.queryByTestId('compatibility-score')).not.toBeInTheDocument();
  });

  it('when nothing is shared or the score is 0, then it says so plainly', async () => {
    const { unmount } = renderWithProviders(<CompatibilityCard theirName="Ana" compatibility={{ score: null, sharedCount: 0, disagreements: [] }} />);
    expect(await screen.findByText('You and Ana have not rated any of the same albums yet.')).toBeInTheDocument();
    unmount();
    renderWithProviders(<CompatibilityCard theirName="Ana" compatibility={{ score: 0, sharedCount: 3, disagreements: [] }} />);
    expect(await screen.findByTestId('compatibility-score')).toHaveTextContent('0%');
    expect(screen.getByText('Opposites')).toBeInTheDocument();
  });
});
